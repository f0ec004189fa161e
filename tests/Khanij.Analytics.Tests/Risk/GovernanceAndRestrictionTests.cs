using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Tests.Risk;

public sealed class GovernanceAndRestrictionTests
{
    private static GovernanceScore Wgi(string iso3, string indicator, int year, double estimate) =>
        new(iso3, indicator, year, estimate, null, Fact.Prov(iso3));

    private static ExportRestriction Restriction(string id, string iso3, string measure, string minerals, string scope, string status, string target = "all",
        string stages = "mining;refining") =>
        new(id, iso3, measure, minerals.Split(';'), scope, target, "", "", "", status, "high", "", Fact.Prov(id))
        {
            Stages = [.. stages.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => StageNames.TryParse(s, out var st) ? st : throw new ArgumentException(s))],
        };

    [Theory]
    [InlineData(2.5, 0)]
    [InlineData(-2.5, 10)]
    [InlineData(0, 5)]
    [InlineData(3.1, 0)]
    [InlineData(-3, 10)]
    public void Rescale_Estimate_MapsToZeroToTenHigherRiskier(double estimate, double expected) =>
        GovernanceIndex.Rescale(estimate).ShouldBe(expected, 1e-12);

    [Fact]
    public void Build_NoYearGiven_UsesLatestYearAndAveragesDimensions()
    {
        // Given
        var scores = new[] { Wgi("AAA", "CC", 2021, 2.5), Wgi("AAA", "CC", 2022, 0), Wgi("AAA", "GE", 2022, -1), Wgi("AAA", "XX", 2023, 0) };

        // When
        var index = GovernanceIndex.Build(scores, ["CC", "GE"], null);

        // Then: mean of rescaled 2022 estimates, (5 + 7) / 2
        index.Year.ShouldBe(2022);
        index.Score("AAA")!.Value.ShouldBe(6, 1e-12);
        index.DimensionsFor("AAA").ShouldBe(2);
        index.Score("BBB").ShouldBeNull();
    }

    [Fact]
    public void GovernanceWeighted_MissingWgi_IsReportedAndNotFilled()
    {
        // Given: A has WGI 4 and share 0.5, B has no WGI and share 0.3; A has a restriction in force
        var index = GovernanceIndex.Build([Wgi("AAA", "CC", 2022, 0.5)], ["CC"], null);
        var shares = new[] { new CountryShare("AAA", 50, 0.5, null), new CountryShare("BBB", 30, 0.3, null) };
        var restrictions = new Dictionary<string, IReadOnlyList<ExportRestriction>>
        {
            ["AAA"] = [Restriction("R1", "AAA", "export_ban", "testium", "refined metal", "in_force")],
        };

        // When
        var result = GovernanceWeighted.Compute(shares, index, restrictions, RiskParameters.Default);

        // Then
        result.HhiWgi.ShouldBe(0.25 * 4, 1e-12);
        result.HhiWgiT.ShouldBe(0.25 * 4 * 1.1, 1e-12);
        result.MissingWgi.ShouldBe(["BBB"]);
        result.ShareWithoutWgi.ShouldBe(0.3, 1e-12);
        result.Terms.Single(t => t.Iso3 == "BBB").Term.ShouldBeNull();
    }

    [Fact]
    public void InForce_OreScope_RestrictsMiningOnly()
    {
        // Given
        var register = new[] { Restriction("ORE", "IDN", "export_ban", "nickel", "nickel ore", "in_force", stages: "mining") };

        // When
        var mining = RestrictionRules.InForce(register, "nickel", Stage.Mining, "IND", RiskParameters.Default);
        var refining = RestrictionRules.InForce(register, "nickel", Stage.Refining, "IND", RiskParameters.Default);

        // Then
        mining.Keys.ShouldBe(["IDN"]);
        refining.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("mining", "unprocessed ore and refined metal", true, false)]
    [InlineData("refining", "ore", false, true)]
    [InlineData("mining;refining", "", true, true)]
    [InlineData("", "metals oxides ores", false, false)]
    public void AppliesToStage_CuratedStages_DecideAndTheScopeTextIsIgnored(string stages, string scope, bool mining, bool refining)
    {
        // Given: scope words that the old keyword rule would have read the other way
        var r = Restriction("X", "CHN", "export_licensing", "testium", scope, "in_force", stages: stages);

        // When / Then
        RestrictionRules.AppliesToStage(r, Stage.Mining).ShouldBe(mining);
        RestrictionRules.AppliesToStage(r, Stage.Refining).ShouldBe(refining);
    }

    [Fact]
    public void InForce_SuspendedEndedTechnologyAndOtherDestination_DoNotCount()
    {
        // Given
        var register = new[]
        {
            Restriction("S", "CHN", "export_licensing", "gallium", "metals", "suspended"),
            Restriction("E", "CHN", "export_quota", "gallium", "metals", "ended"),
            Restriction("T", "CHN", "technology_export_ban", "gallium", "technology", "in_force"),
            Restriction("D", "CHN", "destination_ban", "gallium", "metals", "in_force", target: "USA"),
            Restriction("C", "NAM", "export_ban", "lithium;critical_minerals", "processed material", "in_force"),
        };

        // When
        var forIndia = RestrictionRules.InForce(register, "gallium", Stage.Refining, "IND", RiskParameters.Default);
        var forUs = RestrictionRules.InForce(register, "gallium", Stage.Refining, "USA", RiskParameters.Default);

        // Then
        forIndia.Keys.ShouldBe(["NAM"]);
        forUs["CHN"].Select(r => r.Id).ShouldBe(["D"]);
    }

    [Fact]
    public void FrameworkPartners_For_LinksEveryCoMemberWithFrameworkBasis()
    {
        // Given
        var frameworks = new[]
        {
            new Khanij.Core.Catalogue.Framework("QUAD", "Quad", [], [], ["AUS", "IND", "JPN", "USA"], "2007"),
            new Khanij.Core.Catalogue.Framework("G7", "G7", [], [], ["CAN", "JPN", "USA"], "1975"),
        };

        // When
        var links = FrameworkPartners.For("IND", frameworks);

        // Then
        links.Select(l => l.CountryB).ShouldBe(["AUS", "JPN", "USA"]);
        links.ShouldAllBe(l => l.Basis == "framework:QUAD");
        FrameworkPartners.Between(links, "JPN", "IND", "lithium").ShouldHaveSingleItem();
    }
}
