using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;
using Khanij.Data.Import;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>Issue 10, supply side at import: the Cheng et al. manganese unit, the cross-source check, and the curated restriction scope.
/// Expected figures are recomputed here from the CSVs.</summary>
public sealed class SupplySideImportTests(PackStoreFixture fixture)
{
    private const string Cheng = "cheng2024_supply_chain_2020_by_stage_region.csv";
    private const string Usgs = "usgs_mcs2026_world_production_reserves.csv";
    private const string Scope = "catalogue/restriction_scope.csv";
    private const string FactsFile = "india_critical_minerals_reported_facts.csv";
    private const string FactsHindi = "catalogue/reported_facts_hi.csv";
    private const string Register = "export_restrictions_curated.csv";

    private static CsvTable Read(string file) => Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, file)), file);

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static Provenance Prov(string file, int line) => new(file, line, "test", "t", "", "");

    /// <summary>Cheng et al. manganese mining as the file prints it (values as labelled, "t").</summary>
    private static List<SupplyFact> ChengManganeseAsLabelled()
    {
        var t = Read(Cheng);
        return [.. t.Rows.Where(r => r[t.IndexOf("stage")] == "mining" && r[t.IndexOf("material")] == "Mn").Select(r =>
        {
            var region = r[t.IndexOf("region")];
            var kind = region switch { "Total" => "total", "Other" => "other", "Europe" => "region", _ => null };
            return new SupplyFact("cheng2020", "manganese", Stage.Mining, kind is null ? region : null, kind, 2020, null, "mine production",
                Num(r[t.IndexOf("value")]), "t", "contained element", false, Prov(Cheng, r.Line));
        })];
    }

    /// <summary>USGS manganese mining 2024 (thousand metric tons in the file), in tonnes.</summary>
    private static List<SupplyFact> UsgsManganese2024()
    {
        var t = Read(Usgs);
        return [.. t.Rows.Where(r => r[t.IndexOf("commodity")] == "Manganese" && r[t.IndexOf("year")] == "2024" && r[t.IndexOf("measure")] == "mine production")
            .Select(r => new SupplyFact("usgs", "manganese", Stage.Mining, r[t.IndexOf("row_type")] == "country" ? r[t.IndexOf("iso3")] : null,
                r[t.IndexOf("row_type")] == "country" ? null : r[t.IndexOf("row_type")], 2024, null, "mine production",
                r[t.IndexOf("value")].Length == 0 ? null : Num(r[t.IndexOf("value")]) * 1000, "t", "manganese content", false, Prov(Usgs, r.Line)))];
    }

    [Fact]
    public void CrossSourceCheck_UncorrectedChengManganese_WarnsWithTheRatioOfTheTwoTotals()
    {
        // Given: Cheng's manganese mining read as labelled (t) beside USGS 2024 in tonnes
        var cheng = ChengManganeseAsLabelled();
        var usgs = UsgsManganese2024();
        var chengTotal = cheng.Single(f => f.AggregateKind == "total").Value!.Value;
        var usgsRows = usgs.Where(f => f.AggregateKind != "world_total").Sum(f => f.Value ?? 0);

        // When
        var warnings = CrossSourceCheck.Run([.. cheng, .. usgs]);

        // Then: about 1,000× apart
        var w = warnings.ShouldHaveSingleItem();
        (w.MineralId, w.Stage, w.SourceA, w.SourceB).ShouldBe(("manganese", Stage.Mining, "cheng2020", "usgs"));
        w.Ratio.ShouldBe(usgsRows / chengTotal, 1e-9);
        w.Ratio.ShouldBeInRange(900, 1100);
        w.Message.ShouldContain("manganese mining");
    }

    [Fact]
    public void CrossSourceCheck_ChengManganeseTimesAThousand_IsQuiet()
    {
        // Given: the same figures with Cheng's read as thousand tonnes
        var cheng = ChengManganeseAsLabelled().Select(f => f with { Value = f.Value * 1000 }).ToList();

        // When
        var warnings = CrossSourceCheck.Run([.. cheng, .. UsgsManganese2024()]);

        // Then
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportAsync_ChengManganeseMining_IsStoredInTonnesAsTheCsvTimesAThousand()
    {
        // Given
        var expected = ChengManganeseAsLabelled().Where(f => f.IsCountry).ToDictionary(f => f.Provenance.Line, f => f.Value!.Value * 1000);

        // When
        var stored = await fixture.Store.GetSupplyAsync("manganese", Stage.Mining, 2020, "cheng2020", TestContext.Current.CancellationToken);

        // Then
        var countries = stored.Where(f => f.IsCountry).ToList();
        countries.Count.ShouldBe(expected.Count);
        foreach (var f in countries)
        {
            f.Value!.Value.ShouldBe(expected[f.Provenance.Line], 1e-6);
            f.Provenance.OriginalUnit.ShouldContain("kt");
        }
        countries.Single(f => f.Iso3 == "ZAF").Value!.Value.ShouldBe(6_500_000, 1e-6);
    }

    [Fact]
    public async Task ImportAsync_CorrectedPack_RaisesNoManganeseWarningAndStatusShowsTheSameWarningsAsTheImport()
    {
        // Given: the pack imported by the fixture
        var stored = await fixture.Store.GetImportWarningsAsync(TestContext.Current.CancellationToken);

        // When: the pack imported again into a copy
        await using var copy = fixture.Copy();
        var result = await copy.ImportAsync(RepoPaths.Data, null, TestContext.Current.CancellationToken);

        // Then
        result.Succeeded.ShouldBeTrue();
        result.Warnings.ShouldBe(stored);
        stored.ShouldNotContain(w => w.StartsWith("manganese", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_CorrectedPack_WarnsExactlyWhereTheCsvTotalsOfTwoSourcesDifferMoreThanThreeTimes()
    {
        // Given: each source's world total per mineral, stage and year, recomputed here from the CSVs (exact totals where printed, else
        // the sum of rows; production only; REO and the IEA's magnet rare earths not compared), nearest years paired
        var totals = new List<(string Source, string Mineral, string Stage, int Year, string Basis, double Total)>();
        var usgs = Read(Usgs);
        foreach (var g in usgs.Rows.Where(r => r[usgs.IndexOf("measure")] is not ("reserves" or "production capacity") && r[usgs.IndexOf("row_type")] != "world_total")
            .GroupBy(r => (r[usgs.IndexOf("commodity")], r[usgs.IndexOf("measure")], r[usgs.IndexOf("year")], r[usgs.IndexOf("unit")])))
        {
            var unit = g.Key.Item4;
            var scale = unit.StartsWith("kilograms", StringComparison.Ordinal) ? 0.001 : unit.StartsWith("thousand", StringComparison.Ordinal) ? 1000 : 1;
            var mineral = g.Key.Item1 switch { "Graphite (natural)" => "graphite", "Rare earths" => "rare_earths", var c => c.ToLowerInvariant() };
            totals.Add(("usgs", mineral, g.Key.Item2 == "mine production" ? "mining" : "refining", int.Parse(g.Key.Item3, CultureInfo.InvariantCulture),
                unit.Contains("REO", StringComparison.Ordinal) ? "REO" : "mass", g.Sum(r => r[usgs.IndexOf("value")].Length == 0 ? 0 : Num(r[usgs.IndexOf("value")])) * scale));
        }
        var iea = Read("iea_cmo2025_supply_mining_refining_by_country.csv");
        foreach (var r in iea.Rows.Where(r => r[iea.IndexOf("row_type")] == "total" && r[iea.IndexOf("year")] == "2024"))
        {
            var label = r[iea.IndexOf("mineral")];
            totals.Add(("iea", label == "Rare Earth Elements" ? "rare_earths" : label.ToLowerInvariant(), r[iea.IndexOf("stage")], 2024,
                label == "Rare Earth Elements" ? "magnet" : "mass", Num(r[iea.IndexOf("value_kt")]) * 1000));
        }
        var cheng = Read(Cheng);
        var elements = new Dictionary<string, string> { ["Li"] = "lithium", ["Ni"] = "nickel", ["Co"] = "cobalt", ["Mn"] = "manganese" };
        foreach (var r in cheng.Rows.Where(r => r[cheng.IndexOf("region")] == "Total" && elements.ContainsKey(r[cheng.IndexOf("material")])))
        {
            var mn = r[cheng.IndexOf("material")] == "Mn" && r[cheng.IndexOf("stage")] == "mining" ? 1000 : 1;
            totals.Add(("cheng2020", elements[r[cheng.IndexOf("material")]], r[cheng.IndexOf("stage")], 2020, "mass", Num(r[cheng.IndexOf("value")]) * mn));
        }
        var busch = Read("usgs_mcs2024_lithium_mine_production_busch.csv");
        foreach (var g in busch.Rows.GroupBy(r => r[busch.IndexOf("year")]))
        {
            totals.Add(("usgs2024", "lithium", "mining", int.Parse(g.Key, CultureInfo.InvariantCulture), "mass", g.Sum(r => Num(r[busch.IndexOf("production_t_li")]))));
        }
        var expected = new List<string>();
        foreach (var g in totals.GroupBy(t => (t.Mineral, t.Stage, t.Basis)))
        {
            var sources = g.Select(t => t.Source).Distinct().Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < sources.Count; i++)
            {
                for (var j = i + 1; j < sources.Count; j++)
                {
                    var pair = (from a in g.Where(t => t.Source == sources[i]) from b in g.Where(t => t.Source == sources[j]) select (a, b))
                        .OrderBy(p => Math.Abs(p.a.Year - p.b.Year)).ThenByDescending(p => Math.Max(p.a.Year, p.b.Year)).ThenByDescending(p => Math.Min(p.a.Year, p.b.Year)).First();
                    if (Math.Max(pair.a.Total, pair.b.Total) / Math.Min(pair.a.Total, pair.b.Total) > 3)
                    {
                        expected.Add($"{g.Key.Mineral} {g.Key.Stage}: {(pair.a.Total < pair.b.Total ? pair.a.Source : pair.b.Source)}");
                    }
                }
            }
        }

        // When
        var warnings = await fixture.Store.GetImportWarningsAsync(TestContext.Current.CancellationToken);

        // Then: the same mineral, stage and lower source, and nothing for manganese
        warnings.Select(w => w[..w.IndexOf(" (", StringComparison.Ordinal)]).Order(StringComparer.Ordinal)
            .ShouldBe(expected.Order(StringComparer.Ordinal));
        expected.ShouldNotContain(e => e.StartsWith("manganese", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRestrictionsAsync_EveryRegisterRow_CarriesTheCuratedStagesAndProducts()
    {
        // Given: the scope file read here
        var scope = Read(Scope);
        var byId = scope.Rows.ToDictionary(r => r[scope.IndexOf("restriction_id")], r => (Stages: r[scope.IndexOf("stages")], Products: r[scope.IndexOf("products")]));
        var register = Read(Register);

        // When
        var stored = await fixture.Store.GetRestrictionsAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then
        stored.Count.ShouldBe(register.Rows.Count);
        foreach (var r in stored)
        {
            var (stages, products) = byId[r.Id];
            string.Join(";", r.Stages.Select(s => s.ToId())).ShouldBe(stages == "none" ? "" : stages, r.Id);
            string.Join(";", r.Products).ShouldBe(products, r.Id);
        }
        stored.Single(r => r.Id == "CHN-2025-W-TE-BI-MO-IN-LICENSING").MineralIds.ShouldContain("tungsten");
    }

    /// <summary>Imports a damaged copy of the pack into a copy of the store; returns the errors after checking nothing changed.</summary>
    private async Task<IReadOnlyList<ImportError>> ImportExpectingFailureAsync(string dataDir)
    {
        await using var store = fixture.Copy();
        var before = await PackStoreFixture.FingerprintAsync(store);
        var result = await store.ImportAsync(dataDir, null, TestContext.Current.CancellationToken);
        result.Succeeded.ShouldBeFalse();
        (await PackStoreFixture.FingerprintAsync(store)).ShouldBe(before);
        return result.Errors;
    }

    [Fact]
    public async Task ImportAsync_ScopeWithUnknownIdOrStage_PointsAtTheCell()
    {
        // Given: line 2 gets an id the register does not have, line 3 a stage that does not exist
        var dir = fixture.CopyData();
        var path = Path.Combine(dir, Scope);
        var lines = File.ReadAllText(path).Split('\n');
        var oldId = lines[1].Split(',')[0];
        lines[1] = "XXX-NOT-IN-REGISTER" + lines[1][oldId.Length..];
        var third = lines[2].Split(',');
        lines[2] = string.Join(',', [third[0], "smelting", .. third[2..]]);
        File.WriteAllText(path, string.Join('\n', lines));

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then: the unknown id, the missing entry for the register row whose id was replaced, and the bad stage
        errors.ShouldContain(e => e.Source == Scope && e.Line == 2 && e.Column == 1 && e.Message.Contains("XXX-NOT-IN-REGISTER", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Source == Scope && e.Line == 3 && e.Column == third[0].Length + 2 && e.Message.Contains("'smelting'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Source == Register && e.Column == 1 && e.Message.Contains(oldId, StringComparison.Ordinal)
            && e.Message.Contains("no entry", StringComparison.Ordinal));
    }
    [Fact]
    public async Task ImportAsync_ScopeOrFactWithoutHindi_PointsAtTheCell()
    {
        // Given: line 2 of the scope file loses its Hindi scope, line 3 gets an English one; the Hindi catalogue of the reported facts loses
        // the row of the first fact's unit
        var dir = fixture.CopyData();
        var path = Path.Combine(dir, Scope);
        var lines = File.ReadAllText(path).Split('\n');
        lines[1] = lines[1][..lines[1].LastIndexOf(',')] + ",";
        lines[2] = lines[2][..lines[2].LastIndexOf(',')] + ",ores only";
        File.WriteAllText(path, string.Join('\n', lines));
        var facts = Read(FactsFile);
        var unit = facts.Rows[0][facts.IndexOf("unit")];
        var hiPath = Path.Combine(dir, FactsHindi);
        File.WriteAllLines(hiPath, File.ReadAllLines(hiPath).Where(l => !l.StartsWith($"unit,{unit},", StringComparison.Ordinal)));

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then: each at its cell, naming what is missing
        errors.ShouldContain(e => e.Source == Scope && e.Line == 2 && e.Column == lines[1].Length + 1 && e.Message.Contains("'scope_hi' is empty", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Source == Scope && e.Line == 3 && e.Column == lines[2].LastIndexOf(',') + 2 && e.Message.Contains("no Devanagari", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Source == FactsFile && e.Line == facts.Rows[0].Line && e.Column == facts.Rows[0].ColumnOf(facts.IndexOf("unit"))
            && e.Message.Contains($"unit '{unit}' has no Hindi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRestrictionsAndFacts_CarryTheCuratedHindi()
    {
        // Given: the curated Hindi read here
        var scope = Read(Scope);
        var scopeHi = scope.Rows.ToDictionary(r => r[scope.IndexOf("restriction_id")], r => r[scope.IndexOf("scope_hi")]);
        var words = Read(FactsHindi);
        var hi = words.Rows.ToDictionary(r => (r[words.IndexOf("field")], r[words.IndexOf("text")]), r => r[words.IndexOf("hindi")]);

        // When
        var restrictions = await fixture.Store.GetRestrictionsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var facts = await fixture.Store.GetReportedFactsAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then
        restrictions.ShouldAllBe(r => r.ScopeHi == scopeHi[r.Id]);
        facts.Count.ShouldBe(Read(FactsFile).Rows.Count);
        foreach (var f in facts)
        {
            f.Hindi.ShouldBe((hi[("item", f.Item)], f.Unit.Length == 0 ? "" : hi[("unit", f.Unit)], f.Period.Length == 0 ? "" : hi[("period", f.Period)]));
        }
    }
}
