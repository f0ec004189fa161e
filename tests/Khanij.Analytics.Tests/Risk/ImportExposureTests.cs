using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Partners;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Risk;

public sealed class ImportExposureTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ExportRestriction>> NoRestrictions =
        new Dictionary<string, IReadOnlyList<ExportRestriction>>();

    private static TradeFlow Flow(string hs, string reporter, string partner, string flow, double qty, bool mirror = false, int year = 2021, string unit = "t") =>
        new(hs, "cobalt", reporter, partner, null, flow, mirror, year, qty, unit, Fact.Prov(reporter), Fact.Code(hs));

    [Fact]
    public void Compute_BothDirectionsReported_CountsTheImportersOwnReportOnce()
    {
        // Given: IND reports 60 t from COD and 40 t from AUS; COD's export report of 70 t to IND must not be added
        var flows = new[]
        {
            Flow("810520", "IND", "COD", "import", 60), Flow("810520", "IND", "AUS", "import", 40),
            Flow("810520", "COD", "IND", "export", 70), Flow("810520", "IND", "FRA", "import", 0),
        };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.TotalImports.ShouldBe(100);
        profile.HsBasis["810520"].ShouldBe("importer");
        profile.Shares.Select(s => (s.Iso3, s.Share)).ShouldBe([("COD", 0.6), ("AUS", 0.4)]);
        profile.Hhi!.Value.ShouldBe(3600 + 1600, 1e-9);
    }

    [Fact]
    public void Compute_ImporterSilentForACode_UsesMirrorThenExporters()
    {
        // Given: code 282200 only in IND's mirror file; code 260500 only in an exporter's report
        var flows = new[]
        {
            Flow("282200", "IND", "CHN", "import", 30, mirror: true),
            Flow("260500", "COD", "IND", "export", 10),
            Flow("810520", "IND", "COD", "import", 60),
        };

        // When
        var refining = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);
        var mining = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Mining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        refining.HsBasis["282200"].ShouldBe("mirror");
        refining.TotalImports.ShouldBe(90);
        mining.HsBasis["260500"].ShouldBe("exporters");
        mining.Shares.Single().Iso3.ShouldBe("COD");
    }

    [Fact]
    public void Compute_PartnersAndRestrictingSuppliers_GiveTheirShares()
    {
        // Given
        var flows = new[] { Flow("810520", "IND", "AUS", "import", 25), Flow("810520", "IND", "COD", "import", 75) };
        var partners = new[] { new PartnerLink("IND", "AUS", ["critical_minerals"], null, null, "framework:QUAD", "QUAD") };
        var restrictions = new Dictionary<string, IReadOnlyList<ExportRestriction>>
        {
            ["COD"] = [new ExportRestriction("Q", "COD", "export_quota", ["cobalt"], "cobalt", "all", "", "", "", "in_force", "high", "", Fact.Prov("Q")) { Stages = [Stage.Mining, Stage.Refining] }],
        };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Refining, partners, restrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.ShareFromPartners.ShouldBe(0.25, 1e-12);
        profile.PartnerBases["AUS"].ShouldBe(["framework:QUAD"]);
        profile.ShareFromRestricting.ShouldBe(0.75, 1e-12);
        profile.RestrictingSuppliers["COD"].ShouldBe(["Q"]);
    }

    [Fact]
    public void Compute_NoTradeData_ReportsMissingRatherThanZero()
    {
        // When
        var profile = ImportExposure.Compute([], "IND", "rare_earths", Stage.Mining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.Year.ShouldBeNull();
        profile.Hhi.ShouldBeNull();
        profile.Notes.ShouldContain(n => n.Contains("No trade data", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_LatestYearDefault_AndNonTonneRowsSkipped()
    {
        // Given
        var flows = new[]
        {
            Flow("810520", "IND", "COD", "import", 5, year: 2019), Flow("810520", "IND", "AUS", "import", 7, year: 2021),
            Flow("810520", "IND", "ZMB", "import", 9, year: 2021, unit: "Mixed"),
        };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.Year.ShouldBe(2021);
        profile.YearsAvailable.ShouldBe([2019, 2021]);
        profile.TotalImports.ShouldBe(7);
        profile.Notes.ShouldContain(n => n.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_RowsWithoutTonnesOfOtherReportersOrYears_AreNotCountedAsTheCountrysSkippedRows()
    {
        // Given: IND's 2021 imports are all in tonnes; FIN's rows without a quantity and IND's 2019 'Mixed' row concern other profiles
        var flows = new[]
        {
            Flow("260400", "IND", "SAU", "import", 84), Flow("260400", "IND", "USA", "import", 22),
            new TradeFlow("260400", "cobalt", "FIN", "BRA", null, "import", false, 2021, null, "t", Fact.Prov("FIN"), Fact.Code("260400")),
            new TradeFlow("260400", "cobalt", "FIN", null, "World", "import", false, 2021, null, "t", Fact.Prov("FIN"), Fact.Code("260400")),
            Flow("260400", "IND", "AUS", "import", 5, year: 2019, unit: "Mixed"),
            new TradeFlow("260400", "cobalt", "IND", "IDN", null, "import", false, 2021, null, "t", Fact.Prov("IND"), Fact.Code("260400")),
        };

        // When
        var profile = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Mining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then: only IND's own 2021 row without a quantity is reported
        profile.Year.ShouldBe(2021);
        profile.TotalImports.ShouldBe(106);
        profile.Notes.ShouldContain("1 of IND's 2021 import rows without a quantity in tonnes were skipped.");
    }

    [Fact]
    public void Compute_SameFlowListedUnderTwoReporterSpellings_CountsItOnce()
    {
        // Given: the source lists MKD's imports twice (as 'Macedonia, North' and 'Macedonia, North (1)'), both resolved to MKD
        var flows = new[]
        {
            Flow("260400", "MKD", "CIV", "import", 1013601), Flow("260400", "MKD", "ALB", "import", 366231),
            Flow("260400", "MKD", "CIV", "import", 1013601), Flow("260400", "MKD", "ALB", "import", 366231),
        };

        // When
        var profile = ImportExposure.Compute(flows, "MKD", "cobalt", Stage.Mining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English);

        // Then
        profile.TotalImports.ShouldBe(1013601 + 366231);
        profile.Shares.Select(s => s.Iso3).ShouldBe(["CIV", "ALB"]);
        profile.Notes.ShouldContain(n => n.StartsWith("2 repeated rows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("260500", Stage.Mining)]
    [InlineData("2510", Stage.Mining)]
    [InlineData("283691", Stage.Refining)]
    [InlineData("810520", Stage.Refining)]
    [InlineData("7502", Stage.Refining)]
    public void StageOf_HsCode_FollowsChapter(string hs, Stage expected) => ImportExposure.StageOf(hs).ShouldBe(expected);

    [Fact]
    public void Compute_NotesInHindi_EveryNoteKindIsHindiAndEnglishIsUnchanged()
    {
        // Given: no trade at all (cobalt mining); a year asked for that has no data; and a year with a mirror-only code, a heading reported
        // with its subheading, a row without tonnes and a repeated row
        var flows = new[]
        {
            Flow("810520", "IND", "COD", "import", 60), Flow("810520", "IND", "COD", "import", 60),
            Flow("8105", "IND", "AUS", "import", 10), Flow("282200", "IND", "BEL", "import", 5, mirror: true),
            Flow("810520", "IND", "ZMB", "import", 9, unit: "Mixed"),
        };
        var inputs = new (IEnumerable<TradeFlow> Flows, Stage Stage, RiskParameters Parameters)[]
        {
            ([], Stage.Mining, RiskParameters.Default),
            (flows, Stage.Refining, RiskParameters.Default with { TradeYear = 2019 }),
            (flows, Stage.Refining, RiskParameters.Default),
        };

        foreach (var (f, stage, parameters) in inputs)
        {
            // When
            var english = ImportExposure.Compute(f, "IND", "cobalt", stage, [], NoRestrictions, parameters, ResxPhrasebook.English);
            var hindi = ImportExposure.Compute(f, "IND", "cobalt", stage, [], NoRestrictions, parameters, ResxPhrasebook.Hindi);

            // Then: one Hindi note per English note, each in Devanagari
            english.Notes.Count.ShouldBeGreaterThan(0);
            hindi.Notes.Count.ShouldBe(english.Notes.Count);
            hindi.Notes.ShouldAllBe(n => n.Any(ch => ch >= '\u0900' && ch <= '\u097F'));
        }
        // English as it read before the catalogue carried it (written out here)
        ImportExposure.Compute([], "IND", "cobalt", Stage.Mining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English).Notes
            .ShouldBe(["No trade data for cobalt at the mining stage in the store's trade files."]);
        ImportExposure.Compute(flows, "IND", "cobalt", Stage.Refining, [], NoRestrictions, RiskParameters.Default with { TradeYear = 2019 },
            ResxPhrasebook.English).Notes.ShouldBe(["No import data for 2019; years with data: 2021."]);
        var notes = ImportExposure.Compute(flows, "IND", "cobalt", Stage.Refining, [], NoRestrictions, RiskParameters.Default, ResxPhrasebook.English).Notes;
        notes.ShouldContain("1 of IND's 2021 import rows without a quantity in tonnes were skipped.");
        notes.ShouldContain(n => n.StartsWith("Where the importer reported nothing for an HS code, partner (mirror) reports were used: 282200 (mirror)",
            StringComparison.Ordinal));
    }
}

