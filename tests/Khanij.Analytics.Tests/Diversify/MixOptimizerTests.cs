using Khanij.Analytics.Diversify;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Diversify;

public sealed class MixOptimizerTests
{
    private static Supplier S(string iso3, double today, double? weight, double? export = null, bool partner = false) =>
        new(iso3, today, weight, export, "test", partner);

    [Fact]
    public void MinimiseRisk_TwoSuppliersAndACap_MatchesHandSolution()
    {
        // Given: risk a² × 1 + b² × 4 with a + b = 1. Unconstrained, a = 4/5 = 0.8; the 65 % cap binds, so a = 0.65, b = 0.35.
        var suppliers = new[] { S("AAA", 1.0, 1), S("BBB", 0, 4) };

        // When
        var result = MixOptimizer.MinimiseRisk(suppliers, DiversifyConstraints.Default, ResxPhrasebook.English);

        // Then: risk before = 1² × 1 = 1; after = 0.65² + 4 × 0.35² = 0.4225 + 0.49 = 0.9125.
        result.IsFeasible.ShouldBeTrue();
        result.Mix.Single(m => m.Iso3 == "AAA").Recommended.ShouldBe(0.65, 1e-9);
        result.Mix.Single(m => m.Iso3 == "BBB").Recommended.ShouldBe(0.35, 1e-9);
        result.Before.ShouldBe(1, 1e-12);
        result.After.ShouldBe(0.9125, 1e-9);
        // d/dcap [cap² + 4(1 − cap)²] = 2 × 0.65 − 8 × 0.35 = −1.5; the piecewise form gives a subgradient within one piece (±0.1).
        var cap = result.Binding.ShouldHaveSingleItem();
        cap.Name.ShouldBe("cap:AAA");
        cap.ShadowPrice.ShouldBe(-1.5, 0.1);
        cap.InWords.ShouldContain("lower the sourcing risk");
    }

    [Fact]
    public void MinimiseRisk_WithoutBindingLimits_FindsTheInverseWeightMix()
    {
        // Given: weights 1 and 4, cap 100 %: the optimum of a² + 4b² on a + b = 1 is a = 0.8, b = 0.2 (shares ∝ 1/w).
        var result = MixOptimizer.MinimiseRisk([S("AAA", 0.5, 1), S("BBB", 0.5, 4)], DiversifyConstraints.Default with { Cap = 1 });

        // Then: 0.64 + 4 × 0.04 = 0.8
        result.Mix.Single(m => m.Iso3 == "AAA").Recommended.ShouldBe(0.8, 1e-9);
        result.After.ShouldBe(0.8, 1e-9);
        result.Binding.ShouldBeEmpty();
    }

    [Fact]
    public void MinimiseRisk_BindingExportLimit_MatchesHandSolution()
    {
        // Given: weights 0.5, 2, 2. Unconstrained shares ∝ 1/w = 2 : 0.5 : 0.5 → A = 2/3. A can export only 40 % of the country's imports,
        // so A = 0.4 and B = C = 0.3 (equal weights split the rest evenly).
        var suppliers = new[] { S("AAA", 0.2, 0.5, export: 0.4), S("BBB", 0.4, 2), S("CCC", 0.4, 2) };

        // When
        var result = MixOptimizer.MinimiseRisk(suppliers, DiversifyConstraints.Default, ResxPhrasebook.English);

        // Then: risk after = 0.5 × 0.16 + 2 × 0.09 × 2 = 0.44; before = 0.5 × 0.04 + 2 × 0.16 × 2 = 0.66.
        result.Mix.Single(m => m.Iso3 == "AAA").Recommended.ShouldBe(0.4, 1e-9);
        result.Mix.Single(m => m.Iso3 == "BBB").Recommended.ShouldBe(0.3, 1e-9);
        result.After.ShouldBe(0.44, 1e-9);
        result.Before.ShouldBe(0.66, 1e-9);
        // d/dx [0.5 x² + (1 − x)²] = x − 2(1 − x) = 0.4 − 1.2 = −0.8 at x = 0.4.
        var export = result.Binding.ShouldHaveSingleItem();
        export.Name.ShouldBe("export:AAA");
        export.ShadowPrice.ShouldBe(-0.8, 0.1);
    }

    [Fact]
    public void MinimiseRisk_CapsTooTight_NamesTheConflictingConstraints()
    {
        // Given: two suppliers, each capped at 40 %: at most 80 % can be bought.
        var result = MixOptimizer.MinimiseRisk([S("AAA", 0.5, 1), S("BBB", 0.5, 2)], DiversifyConstraints.Default with { Cap = 0.4 }, ResxPhrasebook.English);

        // Then
        result.IsFeasible.ShouldBeFalse();
        var conflict = result.Conflicts.ShouldHaveSingleItem();
        conflict.ShouldContain("sum to 100 %");
        conflict.ShouldContain("at most 80 %");
        conflict.ShouldContain("AAA at most 40 % (cap)");
        conflict.ShouldContain("BBB at most 40 % (cap)");
    }

    [Fact]
    public void MinimiseRisk_PartnerFloorAboveWhatPartnersCanExport_NamesBoth()
    {
        // Given: the only partner can export 30 % of the country's imports; at least 50 % must come from partners.
        var suppliers = new[] { S("PPP", 0.1, 1, export: 0.3, partner: true), S("QQQ", 0.9, 1) };

        // When
        var result = MixOptimizer.MinimiseRisk(suppliers, DiversifyConstraints.Default with { Cap = 1, MinPartnerShare = 0.5 }, ResxPhrasebook.English);

        // Then
        result.IsFeasible.ShouldBeFalse();
        result.Conflicts.ShouldHaveSingleItem().ShouldContain("minimum partner share of 50 %");
        result.Conflicts[0].ShouldContain("PPP at most 30 %");
    }

    [Fact]
    public void MinimiseRisk_MaxChangeAndExclusion_AreHonoured()
    {
        // Given: today 90 % A (weight 4), 10 % B (weight 1), C excluded; at most 20 points of change per supplier.
        var suppliers = new[] { S("AAA", 0.9, 4), S("BBB", 0.1, 1), S("CCC", 0, 0.1) };
        var constraints = DiversifyConstraints.Default with { Cap = 1, MaxChange = 0.2, Excluded = ["CCC"] };

        // When
        var result = MixOptimizer.MinimiseRisk(suppliers, constraints);

        // Then: A can fall only to 70 %, B takes 30 %, C nothing. Risk = 4 × 0.49 + 0.09 = 2.05.
        result.Mix.Single(m => m.Iso3 == "AAA").Recommended.ShouldBe(0.7, 1e-9);
        result.Mix.Single(m => m.Iso3 == "CCC").Recommended.ShouldBe(0, 1e-12);
        result.After.ShouldBe(2.05, 1e-9);
        result.Binding.Select(b => b.Name).ShouldContain("change_down:AAA");
    }
}
