using CsCheck;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Risk;

/// <summary>Import figures in contained tonnes: content factors, heading vs subheadings, basket codes, exports, net import reliance and
/// materiality. Expected values are hand computations written here.</summary>
public sealed class ContainedImportTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ExportRestriction>> NoRestrictions =
        new Dictionary<string, IReadOnlyList<ExportRestriction>>();

    private static TradeFlow Flow(string hs, string reporter, string partner, string flow, double qty, TradeCode code, bool mirror = false) =>
        new(hs, code.MineralId, reporter, partner, null, flow, mirror, 2021, qty, "t", Fact.Prov(reporter), code);

    private static TradeCode Nickel(string hs, double factor = 1) => Fact.Code(hs, "nickel", factor, basis: "Ni content");

    [Fact]
    public void Compute_HeadingWithItsSubheadings_CountsOnlyTheSubheadings()
    {
        // Given: IND reports heading 7502 = 100 t from NOR and its subheadings 750210 = 90 t (NOR) and 750220 = 10 t (NOR)
        var flows = new[]
        {
            Flow("7502", "IND", "NOR", "import", 100, Nickel("7502")),
            Flow("750210", "IND", "NOR", "import", 90, Nickel("750210")),
            Flow("750220", "IND", "NOR", "import", 10, Nickel("750220")),
        };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "nickel", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then: 90 + 10, not 200
        profile.TotalImports.ShouldBe(100);
        profile.Codes.Single(c => c.HsCode == "7502").Counted.ShouldBeFalse();
        profile.Notes.ShouldContain(n => n.Contains("7502", StringComparison.Ordinal) && n.Contains("subheadings", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_HeadingOnly_IsCounted()
    {
        // Given: a reporter that gives only the heading
        var flows = new[] { Flow("7502", "IND", "NOR", "import", 100, Nickel("7502")) };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "nickel", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.TotalImports.ShouldBe(100);
    }

    [Fact]
    public void Compute_ContentFactors_GiveTonnesOfContainedMineral()
    {
        // Given: 1 000 t of NiSO4·6H2O (58.69 / 262.85 Ni) from FIN and 50 t of unwrought nickel (1.0) from NOR
        var sulphate = 58.69 / 262.85;
        var flows = new[]
        {
            Flow("283324", "IND", "FIN", "import", 1000, Nickel("283324", sulphate)),
            Flow("750210", "IND", "NOR", "import", 50, Nickel("750210")),
        };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "nickel", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.TotalImports.ShouldBe(1000 * sulphate + 50, 1e-9);
        profile.Shares.Single(s => s.Iso3 == "FIN").Value.ShouldBe(1000 * sulphate, 1e-9);
        profile.ContentBasis.ShouldBe("Ni content");
    }

    [Fact]
    public void Compute_BasketCode_LeftOutByDefaultAndCountedOnRequest()
    {
        // Given: a specific code of 100 t from CHL and a basket code of 900 t from JOR
        var flows = new[]
        {
            Flow("283691", "IND", "CHL", "import", 100, Fact.Code("283691", "lithium", basis: "Li content")),
            Flow("282739", "IND", "JOR", "import", 900, Fact.Code("282739", "lithium", kind: TradeCodeKind.Basket, basis: "Li content")),
        };

        // When
        var strict = ImportExposure.Compute(flows, "IND", "lithium", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);
        var loose = ImportExposure.Compute(flows, "IND", "lithium", Stage.Refining, [], NoRestrictions,
            RiskParameters.Default with { IncludeBasketCodes = true });

        // Then
        strict.Shares.Single().Iso3.ShouldBe("CHL");
        strict.Codes.Single(c => c.HsCode == "282739").GrossTonnes.ShouldBe(900);
        strict.Notes.ShouldContain(n => n.Contains("282739", StringComparison.Ordinal) && n.Contains("basket", StringComparison.Ordinal));
        loose.TotalImports.ShouldBe(1000);
        loose.Shares[0].Iso3.ShouldBe("JOR");
    }

    [Fact]
    public void DroppingABasketCode_NeverRaisesASpecificCodesTonnage() =>
        Gen.Select(Gen.Double[0, 1e6], Gen.Double[0, 1e6], Gen.Double[0, 1e6]).Sample((a, b, basket) =>
        {
            var specific = Fact.Code("283691", "lithium", 0.1879, basis: "Li content");
            var other = Fact.Code("282739", "lithium", 0.1637, TradeCodeKind.Basket, "Li content");
            var flows = new[]
            {
                Flow("283691", "IND", "CHL", "import", a, specific), Flow("283691", "IND", "ARG", "import", b, specific),
                Flow("282739", "IND", "JOR", "import", basket, other),
            };
            var withBasket = ImportExposure.Compute(flows, "IND", "lithium", Stage.Refining, [], NoRestrictions,
                RiskParameters.Default with { IncludeBasketCodes = true });
            var without = ImportExposure.Compute(flows, "IND", "lithium", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);
            double T(ImportProfile p, string iso) => p.Shares.FirstOrDefault(s => s.Iso3 == iso)?.Value ?? 0;
            return Math.Abs(T(without, "CHL") - T(withBasket, "CHL")) < 1e-9 && Math.Abs(T(without, "ARG") - T(withBasket, "ARG")) < 1e-9
                && without.TotalImports <= withBasket.TotalImports + 1e-9
                && (without.Shares.Count == 0 || Math.Abs(without.Shares.Sum(s => s.Share) - 1) < 1e-9);
        });

    [Fact]
    public void Compute_ExportsFromPartnersReports_WhenTheCountryReportsNone()
    {
        // Given: IND imports 100 t and reports no exports; JPN reports importing 30 t from IND
        var code = Nickel("750210");
        var flows = new[] { Flow("750210", "IND", "NOR", "import", 100, code), Flow("750210", "JPN", "IND", "import", 30, code) };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "nickel", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.Exports.ShouldBe(30);
        profile.ExportsBasis.ShouldContain("partners' import reports");
    }

    [Fact]
    public void Reliance_NoExportReport_IsMissingInputNotZero_AndMarkedAnUpperBound()
    {
        // Given: a complete world table without IND; IND imports 100 t; nobody reports IND's exports
        var global = SupplyConcentration.Compute([Fact.Country("NOR", 100, "nickel", Stage.Refining, "Ni content")]);
        var profile = ImportExposure.Compute([Flow("750210", "IND", "NOR", "import", 100, Nickel("750210"))], "IND", "nickel", Stage.Refining, [],
            NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // When
        var reliance = NetImportReliance.Compute(global, profile);

        // Then
        profile.Exports.ShouldBeNull();
        reliance.Value.ShouldBe(1);
        reliance.IsUpperBound.ShouldBeTrue();
    }

    [Fact]
    public void Reliance_NetExporter_IsClippedToZeroAndSaysSo()
    {
        // Given: IND produces 500, imports 100 and exports 300 (own report)
        var global = SupplyConcentration.Compute([Fact.Country("IND", 500, "nickel", Stage.Refining, "Ni content"),
            Fact.Country("NOR", 500, "nickel", Stage.Refining, "Ni content")]);
        var code = Nickel("750210");
        var profile = ImportExposure.Compute([Flow("750210", "IND", "NOR", "import", 100, code), Flow("750210", "IND", "JPN", "export", 300, code)],
            "IND", "nickel", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // When
        var reliance = NetImportReliance.Compute(global, profile);

        // Then: raw (100 − 300) / (500 + 100 − 300) = −0.667 → 0
        reliance.Value.ShouldBe(0);
        reliance.Clipped.ShouldBeTrue();
        reliance.Basis.ShouldContain("clipped");
        reliance.ApparentConsumption.ShouldBe(300);
    }

    [Fact]
    public void Reliance_AlwaysWithinZeroAndOne() =>
        Gen.Select(Gen.Double[0, 1e6], Gen.Double[1, 1e6], Gen.Double[0, 1e6]).Sample((production, imports, exports) =>
        {
            var facts = production > 0
                ? new[] { Fact.Country("IND", production, "nickel", Stage.Refining, "Ni content"), Fact.Country("NOR", 1000, "nickel", Stage.Refining, "Ni content") }
                : [Fact.Country("NOR", 1000, "nickel", Stage.Refining, "Ni content")];
            var code = Nickel("750210");
            var profile = ImportExposure.Compute([Flow("750210", "IND", "NOR", "import", imports, code), Flow("750210", "IND", "JPN", "export", exports, code)],
                "IND", "nickel", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);
            var r = NetImportReliance.Compute(SupplyConcentration.Compute(facts, ResxPhrasebook.English), profile);
            return r.Value is null || r.Value is >= 0 and <= 1;
        });

    [Fact]
    public void ForStage_TinyImportsAgainstWorldSupply_AreNotMaterialAndDoNotSetTheOverallScore()
    {
        // Given: world mining 1 000 000 t (NOR 60 %, AUS 40 %); IND imports 2 t of ore content from a single supplier at mining
        // and 5 000 t at refining (world refining 100 000 t)
        var wgi = GovernanceIndex.Build(
            [new GovernanceScore("NOR", "CC", 2022, 2, null, Fact.Prov("NOR")), new GovernanceScore("AUS", "CC", 2022, 2, null, Fact.Prov("AUS")),
             new GovernanceScore("SAU", "CC", 2022, -2.5, null, Fact.Prov("SAU"))], ["CC"], null);
        var mining = SupplyConcentration.Compute([Fact.Country("NOR", 600_000, "nickel", Stage.Mining, "Ni content"),
            Fact.Country("AUS", 400_000, "nickel", Stage.Mining, "Ni content")]);
        var refining = SupplyConcentration.Compute([Fact.Country("NOR", 100_000, "nickel", Stage.Refining, "Ni content")]);
        var flows = new[]
        {
            Flow("260400", "IND", "SAU", "import", 2, Nickel("260400")),
            Flow("750210", "IND", "NOR", "import", 5000, Nickel("750210")),
        };

        // When
        var m = SupplyRisk.ForStage(mining, wgi, [], flows, [], "IND", RiskParameters.Default);
        var r = SupplyRisk.ForStage(refining, wgi, [], flows, [], "IND", RiskParameters.Default);

        // Then: 2 / 1 000 000 = 0.0002 % < 0.1 %: the Saudi term does not enter; 5 000 / 100 000 = 5 % is material
        m.IsMaterial.ShouldBeFalse();
        m.SourcingGovernance.ShouldBeNull();
        r.IsMaterial.ShouldBeTrue();
        SupplyRisk.Overall([m, r])!.Stage.ShouldBe(Stage.Refining);
    }

    [Fact]
    public void ForStage_SupplierBelowOnePercentOfConsumption_IsMinor()
    {
        // Given: IND imports 990 t from NOR and 5 t from FIN (0.5 % of 995 t), produces nothing
        var global = SupplyConcentration.Compute([Fact.Country("NOR", 10_000, "nickel", Stage.Refining, "Ni content")]);
        var code = Nickel("750210");
        var flows = new[] { Flow("750210", "IND", "NOR", "import", 990, code), Flow("750210", "IND", "FIN", "import", 5, code) };

        // When
        var risk = SupplyRisk.ForStage(global, GovernanceIndex.Build([], ["CC"], null), [], flows, [], "IND", RiskParameters.Default);

        // Then
        risk.MinorSuppliers.ShouldBe(["FIN"]);
        risk.TopMaterialSupplier!.Iso3.ShouldBe("NOR");
    }
}
