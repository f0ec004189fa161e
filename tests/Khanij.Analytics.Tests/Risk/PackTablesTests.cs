using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Risk;

/// <summary>Issue 10, supply side: measures kept apart, publishers' exact totals, restrictions by curated stage with a materiality
/// threshold. Every expected figure is recomputed here from the CSVs in <c>data/</c>, not taken from the code under test.</summary>
public sealed class PackTablesTests
{
    private const string Usgs = "usgs_mcs2026_world_production_reserves.csv";
    private const string Iea = "iea_cmo2025_supply_mining_refining_by_country.csv";

    private static CsvTable Read(string file) => Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, file)), file);

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Every production row of one USGS commodity and year, all measures, scaled to tonnes by the unit's first word.</summary>
    private static List<SupplyFact> UsgsFacts(string commodity, string mineralId, Stage stage, string year)
    {
        var t = Read(Usgs);
        int c = t.IndexOf("commodity"), m = t.IndexOf("measure"), y = t.IndexOf("year"), rt = t.IndexOf("row_type"), iso = t.IndexOf("iso3"),
            v = t.IndexOf("value"), u = t.IndexOf("unit");
        return [.. t.Rows.Where(r => r[c] == commodity && r[y] == year && r[m] != "reserves").Select(r => new SupplyFact(
            "usgs", mineralId, stage, r[rt] == "country" ? r[iso] : null, r[rt] == "country" ? null : r[rt], int.Parse(year, CultureInfo.InvariantCulture),
            null, r[m], r[v].Length == 0 ? null : Num(r[v]) * Scale(r[u]), "t", "", false, new Provenance(Usgs, r.Line, "MCS 2026", r[u], r[v], r[iso])))];
    }

    private static double Scale(string unit) => unit.StartsWith("kilograms", StringComparison.Ordinal) ? 0.001
        : unit.StartsWith("thousand", StringComparison.Ordinal) ? 1000 : 1;

    [Fact]
    public void ComputeAll_UsgsGallium2025_KeepsCapacityApartAndGivesChina99Percent()
    {
        // Given: USGS gallium 2025 as printed: low-purity primary production and production capacity in one table
        var facts = UsgsFacts("Gallium", "gallium", Stage.Refining, "2025");
        var production = facts.Where(f => f.Measure == "low-purity primary production" && f.AggregateKind != "world_total").ToList();
        var capacity = facts.Where(f => f.Measure == "production capacity" && f.AggregateKind != "world_total").ToList();
        var expectedDenominator = production.Sum(f => f.Value ?? 0);
        var expectedChina = production.Single(f => f.Iso3 == "CHN").Value!.Value / expectedDenominator;
        var mixedChina = facts.Where(f => f.Iso3 == "CHN").Sum(f => f.Value!.Value) / facts.Where(f => f.AggregateKind != "world_total").Sum(f => f.Value ?? 0);

        // When
        var tables = SupplyConcentration.ComputeAll(facts, ResxPhrasebook.English);

        // Then: one production table, capacity beside it, never summed in
        var table = tables.ShouldHaveSingleItem();
        table.Key.Measure.ShouldBe("low-purity primary production");
        table.Denominator.ShouldBe(expectedDenominator, 1e-6);
        table.ShareOf("CHN").ShouldBe(expectedChina, 1e-12);
        Math.Round(table.ShareOf("CHN") * 100, 1).ShouldBe(99.0);
        Math.Abs(table.ShareOf("CHN") - mixedChina).ShouldBeGreaterThan(0.01);
        table.Capacity.ShouldNotBeNull();
        table.Capacity.Key.Measure.ShouldBe("production capacity");
        table.Capacity.Denominator.ShouldBe(capacity.Sum(f => f.Value ?? 0), 1e-6);
        table.Notes.ShouldContain(n => n.Contains("production capacity", StringComparison.Ordinal) && n.Contains("never added", StringComparison.Ordinal));
    }

    [Fact]
    public void ComputeAll_EveryUsgsTableOfThePack_HasOneMeasure()
    {
        // Given: all USGS production rows of the pack, every commodity and year
        var t = Read(Usgs);
        var commodities = t.Rows.Select(r => (Commodity: r[t.IndexOf("commodity")], Year: r[t.IndexOf("year")]))
            .Where(x => !x.Year.StartsWith("reserves", StringComparison.Ordinal)).Distinct().ToList();
        var facts = commodities.SelectMany(x => UsgsFacts(x.Commodity, x.Commodity.ToLowerInvariant(), Stage.Mining, x.Year)).ToList();
        var measuresPerTable = facts.GroupBy(f => (f.MineralId, f.Year)).ToDictionary(g => g.Key, g => g.Select(f => f.Measure).Distinct().Count());

        // When
        var tables = SupplyConcentration.ComputeAll(facts, ResxPhrasebook.English);

        // Then: each result is built from rows of one measure; a table the file prints with two measures gives one production table
        tables.Count.ShouldBe(measuresPerTable.Count);
        foreach (var table in tables)
        {
            var rows = facts.Where(f => f.MineralId == table.Key.MineralId && f.Year == table.Key.Year && f.Measure == table.Key.Measure
                && f.IsCountry && f.Value is not null).ToList();
            table.Shares.Sum(s => s.Value).ShouldBe(rows.Sum(f => f.Value!.Value), 1e-6, table.Key.ToString());
            table.Key.IsCapacity.ShouldBeFalse();
        }
    }

    [Fact]
    public void Compute_IeaNickelRefining2024_UsesTheExactTotalAndReproducesIeaIndonesiaAndTopThree()
    {
        // Given: the IEA nickel refining table of 2024 with its printed total and top-3 share
        var t = Read(Iea);
        int mi = t.IndexOf("mineral"), st = t.IndexOf("stage"), co = t.IndexOf("country"), rt = t.IndexOf("row_type"), yr = t.IndexOf("year"),
            va = t.IndexOf("value_kt");
        var rows = t.Rows.Where(r => r[mi] == "Nickel" && r[st] == "refining" && r[yr] == "2024").ToList();
        var total = Num(rows.Single(r => r[rt] == "total")[va]);
        var publishedTop3 = Num(rows.Single(r => r[rt] == "top3_share_fraction")[va]);
        var indonesia = Num(rows.Single(r => r[co] == "Indonesia")[va]);
        var countries = rows.Where(r => r[rt] == "country").Sum(r => Num(r[va]));
        var facts = rows.Where(r => r[rt] != "top3_share_fraction").Select(r => new SupplyFact("iea", "nickel", Stage.Refining,
            r[rt] == "country" ? r[co] : null, r[rt] == "country" ? null : r[rt], 2024, null, "refined production", Num(r[va]) * 1000, "t", "Ni content",
            false, new Provenance(Iea, r.Line, "IEA", "kt", r[va], r[co]))).ToList();

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then: IEA's published figures (Indonesia 42.9 %, top-3 0.778), the residual is what the total does not allocate
        result.PublishedTotalIsExact.ShouldBeTrue();
        result.Denominator.ShouldBe(total * 1000, 1e-6);
        result.ShareOf("Indonesia").ShouldBe(indonesia / total, 1e-12);
        Math.Round(result.ShareOf("Indonesia") * 100, 1).ShouldBe(42.9);
        result.Top3Share!.Value.ShouldBe(publishedTop3, 1e-9);
        Math.Round(result.Top3Share.Value, 3).ShouldBe(0.778);
        result.Residual.ShouldBe((total - countries) * 1000, 1e-6);
        (result.Shares.Sum(s => s.Share) + result.ResidualShare).ShouldBe(1, 1e-12);
        result.Notes.ShouldContain(n => n.Contains("Canada", StringComparison.Ordinal) && n.Contains("repeat", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_EveryIeaTable_DividesByTheExactTotalAndReproducesTheIeaTopThree()
    {
        // Given: every IEA table (mineral × stage × year) with its printed total and top-3 share
        var t = Read(Iea);
        int mi = t.IndexOf("mineral"), st = t.IndexOf("stage"), co = t.IndexOf("country"), rt = t.IndexOf("row_type"), yr = t.IndexOf("year"),
            va = t.IndexOf("value_kt");
        var matched = 0;
        var tables = 0;
        foreach (var g in t.Rows.GroupBy(r => (r[mi], r[st], r[yr])))
        {
            var total = Num(g.Single(r => r[rt] == "total")[va]);
            var published = Num(g.Single(r => r[rt] == "top3_share_fraction")[va]);
            var listed = g.Where(r => r[rt] == "country").Select(r => Num(r[va])).ToList();
            var facts = g.Where(r => r[rt] != "top3_share_fraction").Select(r => new SupplyFact("iea", g.Key.Item1, g.Key.Item2 == "mining" ? Stage.Mining : Stage.Refining,
                r[rt] == "country" ? r[co] : null, r[rt] == "country" ? null : r[rt], int.Parse(g.Key.Item3, CultureInfo.InvariantCulture),
                g.Key.Item3 == "2024" ? null : "base_case", "production", Num(r[va]) * 1000, "t", "", false, new Provenance(Iea, r.Line, "IEA", "kt", r[va], r[co])))
                .ToList();

            // When
            var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

            // Then: the denominator is the IEA total and the top-3 is the three largest over it; where that differs from the IEA's
            // own figure, the IEA's figure is some other three listed countries over the same total (its choice of three, not our arithmetic)
            tables++;
            result.Denominator.ShouldBe(total * 1000, 1e-6, $"{g.Key}");
            var largestThree = listed.OrderDescending().Take(3).Sum();
            result.Top3Share!.Value.ShouldBe(largestThree / total, 1e-9, $"{g.Key}");
            if (Math.Abs(result.Top3Share.Value - published) < 1e-9)
            {
                matched++;
                continue;
            }
            var someThree = from i in Enumerable.Range(0, listed.Count) from j in Enumerable.Range(i + 1, listed.Count - i - 1)
                            from k in Enumerable.Range(j + 1, listed.Count - j - 1) select (listed[i] + listed[j] + listed[k]) / total;
            someThree.ShouldContain(x => Math.Abs(x - published) < 1e-9, $"{g.Key}");
        }
        tables.ShouldBe(48);
        matched.ShouldBeGreaterThanOrEqualTo(46);
    }

    [Fact]
    public void Compute_UsgsGraphite2025_KeepsTheSumOfRowsAndShowsTheRoundedTotalBeside()
    {
        // Given: USGS natural graphite 2025: no "Other countries" row, a rounded world total above the country rows
        var facts = UsgsFacts("Graphite (natural)", "graphite", Stage.Mining, "2025");
        var rows = facts.Where(f => f.AggregateKind != "world_total").Sum(f => f.Value ?? 0);
        var rounded = facts.Single(f => f.AggregateKind == "world_total").Value!.Value;

        // When
        var result = SupplyConcentration.Compute(facts, ResxPhrasebook.English);

        // Then
        rounded.ShouldNotBe(rows);
        result.Denominator.ShouldBe(rows, 1e-6);
        result.PublishedTotal.ShouldBe(rounded);
        result.PublishedTotalIsExact.ShouldBeFalse();
        result.Notes.ShouldContain(n => n.Contains("rounded", StringComparison.Ordinal));
    }

    private static bool HasDevanagari(string text) => text.Any(ch => ch is >= '\u0900' and <= '\u097F');

    [Fact]
    public void Compute_IeaNickelRefining2024InHindi_EveryNoteIsHindiAndEnglishIsUnchanged()
    {
        // Given: the IEA nickel refining table of 2024 (exact total, its own "Rest of world" row that repeats Canada's)
        var t = Read(Iea);
        int mi = t.IndexOf("mineral"), st = t.IndexOf("stage"), co = t.IndexOf("country"), rt = t.IndexOf("row_type"), yr = t.IndexOf("year"),
            va = t.IndexOf("value_kt");
        var rows = t.Rows.Where(r => r[mi] == "Nickel" && r[st] == "refining" && r[yr] == "2024" && r[rt] != "top3_share_fraction").ToList();
        var total = Num(rows.Single(r => r[rt] == "total")[va]) * 1000;
        var countries = rows.Where(r => r[rt] == "country").Sum(r => Num(r[va])) * 1000;
        var facts = rows.Select(r => new SupplyFact("iea", "nickel", Stage.Refining, r[rt] == "country" ? r[co] : null, r[rt] == "country" ? null : r[rt],
            2024, null, "refined production", Num(r[va]) * 1000, "t", "Ni content", false, new Provenance(Iea, r.Line, "IEA", "kt", r[va], r[co]))).ToList();
        // The English sentence as the notes read before the catalogue carried them, written out here.
        var expected = string.Create(CultureInfo.InvariantCulture,
            $"Shares use the publisher's exact total ({total:#,0.###} t); {total - countries:#,0.###} t of it is not allocated to a listed country "
            + $"and is in the denominator but is not a producer in HHI or top-N shares.");

        // When
        var english = SupplyConcentration.Compute(facts, ResxPhrasebook.English);
        var hindi = SupplyConcentration.Compute(facts, ResxPhrasebook.Hindi);

        // Then: the same notes, one for one; English word for word as before, Hindi in Devanagari with the same figures (Indian grouping)
        english.Notes[0].ShouldBe(expected);
        english.Notes.ShouldContain(n => n.StartsWith("The source's own", StringComparison.Ordinal) && n.Contains("Canada", StringComparison.Ordinal));
        hindi.Notes.Count.ShouldBe(english.Notes.Count);
        hindi.Notes.ShouldAllBe(n => HasDevanagari(n));
        hindi.Notes[0].ShouldContain(total.ToString("#,0.###", CultureInfo.GetCultureInfo("hi-IN")));
        hindi.Notes.ShouldContain(n => n.Contains("Canada", StringComparison.Ordinal)
            && (n.Contains("अधिक", StringComparison.Ordinal) || n.Contains("कम", StringComparison.Ordinal)));
    }

    [Fact]
    public void ComputeAll_UsgsTablesInHindi_EveryNoteKindIsHindiAndTheTabledNotesAreMarkedInBothLanguages()
    {
        // Given: USGS tables of the pack whose notes cover the kinds: lithium 2024 (a withheld country, the lithium caveat, a rounded world
        // total), gallium 2025 (kilograms, a capacity table beside), graphite 2025 (rounded total), copper (refinery caveat)
        var facts = UsgsFacts("Lithium", "lithium", Stage.Mining, "2024")
            .Concat(UsgsFacts("Gallium", "gallium", Stage.Refining, "2025"))
            .Concat(UsgsFacts("Graphite (natural)", "graphite", Stage.Mining, "2025"))
            .Concat(UsgsFacts("Copper", "copper", Stage.Mining, "2024")).ToList();
        var withheldUsa = facts.Any(f => f.MineralId == "lithium" && f.Iso3 == "USA" && f.Value is null);

        // When
        var english = SupplyConcentration.ComputeAll(facts, ResxPhrasebook.English);
        var hindi = SupplyConcentration.ComputeAll(facts, ResxPhrasebook.Hindi);

        // Then
        withheldUsa.ShouldBeTrue("the pack's USGS lithium 2024 row for the United States is withheld (W)");
        hindi.Count.ShouldBe(english.Count);
        foreach (var (en, hi) in english.Zip(hindi))
        {
            hi.Notes.Count.ShouldBe(en.Notes.Count, en.Key.ToString());
            en.Notes.Count.ShouldBeGreaterThan(0, en.Key.ToString());
            foreach (var n in hi.Notes)
            {
                HasDevanagari(n).ShouldBeTrue($"{en.Key}: {n}");
            }
            hi.TabledNotes.Count.ShouldBe(en.TabledNotes.Count);
            hi.TabledNotes.ShouldAllBe(n => hi.Notes.Contains(n));
        }
        var lithium = english.Single(r => r.Key.MineralId == "lithium");
        lithium.TabledNotes.ShouldContain("Withheld by the source (not filled, not in the denominator): USA.");
        hindi.Single(r => r.Key.MineralId == "lithium").TabledNotes.ShouldContain(n => n.EndsWith("USA।", StringComparison.Ordinal));
        english.Single(r => r.Key.MineralId == "gallium").Notes.ShouldContain(n => n.StartsWith("The source also prints production capacity", StringComparison.Ordinal));
        english.Single(r => r.Key.MineralId == "copper").Notes.ShouldContain(
            "USGS copper in this pack is refinery output (the extractor captured the refinery column), not mine output.");
    }

    /// <summary>The register joined with the curated scope file, read here with our own parsing.</summary>
    private static List<ExportRestriction> Register()
    {
        var scope = Read("catalogue/restriction_scope.csv");
        var stages = scope.Rows.ToDictionary(r => r[scope.IndexOf("restriction_id")], r => r[scope.IndexOf("stages")]);
        var reg = Read("export_restrictions_curated.csv");
        string Col(CsvRow r, string c) => r[reg.IndexOf(c)];
        return [.. reg.Rows.Select(r => new ExportRestriction(Col(r, "id"), Col(r, "country_iso3"), Col(r, "measure"),
            [.. Col(r, "minerals").Split(';').Select(m => m == "aluminium" ? "bauxite_aluminium" : m == "bauxite" ? "bauxite_aluminium" : m)],
            Col(r, "scope"), Col(r, "target"), "", "", "", Col(r, "status_2025_11"), Col(r, "confidence"), "", new Provenance("r", r.Line, "", "", "", ""))
        {
            Stages = stages[Col(r, "id")] == "none" ? [] : [.. stages[Col(r, "id")].Split(';').Select(s => s == "mining" ? Stage.Mining : s == "refining" ? Stage.Refining : Stage.Cathode)],
        })];
    }

    [Fact]
    public void ForStage_UsgsRareEarthMining2024_MalaysiaBelowOnePercentIsListedButNotInTheHeadline()
    {
        // Given: USGS rare-earth mining 2024 and the register; Malaysia's share recomputed from the CSV
        var facts = UsgsFacts("Rare earths", "rare_earths", Stage.Mining, "2024");
        var rows = facts.Where(f => f.AggregateKind != "world_total").Sum(f => f.Value ?? 0);
        var malaysia = facts.Single(f => f.Iso3 == "MYS").Value!.Value / rows;
        var table = SupplyConcentration.Compute(facts, ResxPhrasebook.English);
        var governance = GovernanceIndex.Build([], RiskParameters.Default.GovernanceIndicators, null);

        // When
        var risk = SupplyRisk.ForStage(table, governance, Register(), [], [], "IND", RiskParameters.Default);

        // Then
        malaysia.ShouldBeLessThan(0.001);
        risk.RestrictingProducers.Select(t => t.Iso3).ShouldContain("MYS");
        risk.MaterialRestrictingProducers.Select(t => t.Iso3).ShouldNotContain("MYS");
        // The register's only rare-earth restriction in force at mining is Malaysia's (China's in force ones are curated at refining).
        risk.RestrictedShare.ShouldBe(0);
        risk.Global.Notes.ShouldContain(n => n.StartsWith("MYS restricts exports", StringComparison.Ordinal));
    }

    [Fact]
    public void ForStage_UsgsTungstenMining2025_ShowsChina2025ControlsWhichBiteAtRefining()
    {
        // Given: USGS tungsten mining 2025 (the pack's only tungsten table) and the register
        var table = SupplyConcentration.Compute(UsgsFacts("Tungsten", "tungsten", Stage.Mining, "2025"));
        var governance = GovernanceIndex.Build([], RiskParameters.Default.GovernanceIndicators, null);
        var register = Register();

        // When
        var risk = SupplyRisk.ForStage(table, governance, register, [], [], "IND", RiskParameters.Default);
        var atRefining = RestrictionRules.InForce(register, "tungsten", Stage.Refining, "IND", RiskParameters.Default);

        // Then: the controls are on tungsten at refining and shown beside the mining table
        atRefining["CHN"].Select(r => r.Id).ShouldBe(["CHN-2025-W-TE-BI-MO-IN-LICENSING"]);
        risk.Global.Notes.ShouldContain(n => n.Contains("CHN-2025-W-TE-BI-MO-IN-LICENSING", StringComparison.Ordinal));
    }
}
