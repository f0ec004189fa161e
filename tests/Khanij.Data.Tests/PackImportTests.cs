using System.Globalization;
using Khanij.Core;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>The real pack: row counts per table follow from the files (less documented exclusions), values keep their provenance.</summary>
public sealed class PackImportTests(PackStoreFixture fixture)
{
    private static CsvTable Read(string file) => Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, file)), file);

    private static int Count(string file, Func<CsvTable, CsvRow, bool>? where = null)
    {
        var t = Read(file);
        return where is null ? t.Rows.Count : t.Rows.Count(r => where(t, r));
    }

    private static string F(CsvTable t, CsvRow r, string column) => r[t.IndexOf(column)];

    private static HashSet<string> IsoCodes() => [.. Read("country_codes_iso3166.csv").Rows.Select(r => r[1])];

    private static long TradeFlowsOnce(HashSet<string> notSpecified)
    {
        var t = Read("cheng2024_trademap_bilateral_quantities.csv");
        static string Base(string name) => System.Text.RegularExpressions.Regex.Replace(name, @" \(\d+\)$", "");
        return t.Rows.Where(r => !notSpecified.Contains(F(t, r, "reporter")))
            .Select(r => string.Join('|', F(t, r, "hs_code"), Base(F(t, r, "reporter")), F(t, r, "mirror_data"), F(t, r, "reporter_flow"),
                Base(F(t, r, "partner")), F(t, r, "year")))
            .Distinct(StringComparer.Ordinal).LongCount();
    }

    [Fact]
    public async Task Import_RealPack_RowCountsFollowFromFiles()
    {
        // Given
        var iso = IsoCodes();
        var notSpecified = Read("catalogue/source_aggregates.csv") is var agg
            ? agg.Rows.Where(r => F(agg, r, "kind") == "not_specified").Select(r => F(agg, r, "spelling")).ToHashSet() : [];
        var usgsReserves = Count("usgs_mcs2026_world_production_reserves.csv", (t, r) => F(t, r, "measure") == "reserves");
        var usgsAll = Count("usgs_mcs2026_world_production_reserves.csv");
        var moreAll = Count("usgs_mcs_more_commodities.csv");
        var moreReserves = Count("usgs_mcs_more_commodities.csv", (t, r) => F(t, r, "measure").StartsWith("reserves", StringComparison.Ordinal));
        var ieaTop3 = Count("iea_cmo2025_supply_mining_refining_by_country.csv", (t, r) => F(t, r, "row_type") == "top3_share_fraction");
        var minerals = Read("catalogue/minerals.csv");
        // Every (code, mineral) pair listed in minerals.csv is kept for display; trade maps through hs_codes.csv.
        var hsCodes = minerals.Rows.Sum(r => F(minerals, r, "hs_codes").Split(';', StringSplitOptions.RemoveEmptyEntries).Length);
        var cldr = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, "cldr_hi_territories.json")))
            .RootElement.GetProperty("main").GetProperty("hi").GetProperty("localeDisplayNames").GetProperty("territories").EnumerateObject().Count();
        var frameworks = Read("catalogue/frameworks.csv");
        var expected = new Dictionary<string, long>
        {
            ["minerals"] = minerals.Rows.Count,
            ["mineral_hs_codes"] = hsCodes,
            ["trade_codes"] = Count("catalogue/hs_codes.csv"),
            ["countries"] = Count("country_codes_iso3166.csv"),
            ["country_names"] = Count("catalogue/country_aliases.csv") + Count("catalogue/source_spellings.csv"),
            ["aggregate_spellings"] = Count("catalogue/source_aggregates.csv"),
            ["cldr_territories"] = cldr,
            ["frameworks"] = frameworks.Rows.Count,
            ["framework_members"] = frameworks.Rows.Sum(r => F(frameworks, r, "members").Split(';', StringSplitOptions.RemoveEmptyEntries).Length),
            ["criticality_lists"] = Count("criticality_lists.csv"),
            ["supply_facts"] = usgsAll - usgsReserves + Count("usgs_mcs2024_lithium_mine_production_busch.csv")
                + Count("iea_cmo2025_supply_mining_refining_by_country.csv") - ieaTop3 + Count("cheng2024_supply_chain_2020_by_stage_region.csv")
                + moreAll - moreReserves,
            ["published_shares"] = ieaTop3,
            ["reserves"] = usgsReserves + Count("usgs_mcs2024_reserves_resources_busch.csv") + moreReserves,
            ["trade_extracts"] = Count("comtrade_critical_minerals_extracts_2019_2024.csv"),
            ["recycling_rates"] = Count("recycling_rates_unep_irp2011.csv"),
            ["reported_facts"] = Count("india_critical_minerals_reported_facts.csv"),
            // documented exclusions: mirror rows whose reporter is an unspecified area, and flows repeated under a reporter's
            // second ITC spelling ("Zambia (1)"), which count once
            ["trade_flows"] = TradeFlowsOnce(notSpecified),
            // documented exclusion: economies without an ISO 3166-1 code
            ["governance"] = Count("wgi_estimates_percentiles_long.csv", (t, r) => iso.Contains(F(t, r, "iso3"))),
            ["export_restrictions"] = Count("export_restrictions_curated.csv"),
            // documented exclusions: the bookkeeping row and the ratio rows
            ["battery_intensities"] = Count("battery_mineral_intensity_kg_per_kwh_batpac.csv", (t, r) => F(t, r, "mineral") != "Battery_MWh"),
            ["demand"] = Count("iea_cmo2025_demand.csv", (t, r) => !F(t, r, "sector_or_technology").Contains("(fraction)", StringComparison.Ordinal)),
            ["sankey_flows"] = new[] { "cobalt", "lithium", "manganese", "nickel", "phosphorus" }.Sum(m => Count($"cheng2024_sankey_{m}.csv")),
            ["lithium_deposits"] = Count("lithium_deposits_busch2024.csv"),
        };

        // When
        var counts = await fixture.Store.GetCountsAsync(TestContext.Current.CancellationToken);

        // Then
        foreach (var (table, rows) in expected)
        {
            counts[table].ShouldBe(rows, $"table {table}");
        }
        expected["trade_flows"].ShouldBeLessThan(Count("cheng2024_trademap_bilateral_quantities.csv"));
    }

    [Fact]
    public async Task Sources_EveryPackFile_IsRecordedAndAccountedFor()
    {
        // Given
        // (the published pack is every data file directly in data/; data/catalogue/ may hold files of other components)
        var files = Directory.EnumerateFiles(RepoPaths.Data, "*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // When
        var sources = await fixture.Store.GetSourcesAsync(TestContext.Current.CancellationToken);

        // Then
        sources.Select(s => s.File).Where(f => !f.StartsWith("catalogue/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ShouldBe(files);
        sources.Select(s => s.File).ShouldBeSubsetOf(sources.Select(s => s.File).Where(f => File.Exists(Path.Combine(RepoPaths.Data, f))));
        sources.Select(s => s.File).ShouldContain("catalogue/source_spellings.csv");
        foreach (var s in sources)
        {
            (s.ImportedRows + s.ExcludedRows).ShouldBe(s.FileRows, s.File);
            if (s.ExcludedRows > 0)
            {
                s.Exclusions.ShouldNotBeNullOrWhiteSpace(s.File);
            }
            s.Sha256.Length.ShouldBe(64);
        }
    }

    [Fact]
    public async Task GetSupplyAsync_Usgs_MatchesFileWithUnitsNormalised()
    {
        // Given
        var t = Read("usgs_mcs2026_world_production_reserves.csv");
        var rows = t.Rows.Where(r => F(t, r, "measure") != "reserves" && F(t, r, "value").Length > 0).ToList();

        // When
        var facts = (await fixture.Store.GetSupplyAsync(source: "usgs", cancellationToken: TestContext.Current.CancellationToken))
            .Where(f => f.Provenance.SourceFile == "usgs_mcs2026_world_production_reserves.csv").ToList();

        // Then
        facts.Count.ShouldBe(t.Rows.Count(r => F(t, r, "measure") != "reserves"));
        var byLine = facts.ToDictionary(f => f.Provenance.Line);
        foreach (var r in rows)
        {
            var unit = F(t, r, "unit");
            var factor = unit.StartsWith("thousand", StringComparison.Ordinal) ? 1000 : unit.StartsWith("kilograms", StringComparison.Ordinal) ? 0.001 : 1;
            var fact = byLine[r.Line];
            fact.Value.ShouldNotBeNull().ShouldBe(double.Parse(F(t, r, "value"), CultureInfo.InvariantCulture) * factor, 1e-6);
            fact.Unit.ShouldBe("t");
            fact.Provenance.OriginalUnit.ShouldBe(unit);
            fact.Provenance.OriginalValue.ShouldBe(F(t, r, "value_raw"));
            fact.Provenance.OriginalLabel.ShouldBe(F(t, r, "country_usgs"));
            fact.Iso3.ShouldBe(F(t, r, "row_type") == "country" ? F(t, r, "iso3") : null);
            fact.IsCountry.ShouldBe(F(t, r, "row_type") == "country");
        }
    }

    [Fact]
    public async Task GetSupplyAsync_UsgsSpellings_MapToIso3AndAggregatesStayAggregates()
    {
        // When
        var cobalt = await fixture.Store.GetSupplyAsync("cobalt", Stage.Mining, 2024, "usgs", TestContext.Current.CancellationToken);

        // Then
        cobalt.Single(f => f.Provenance.OriginalLabel == "Congo (Kinshasa)").Iso3.ShouldBe("COD");
        cobalt.Single(f => f.AggregateKind == "world_total").Iso3.ShouldBeNull();
        cobalt.Where(f => f.AggregateKind is not null).ShouldAllBe(f => f.Iso3 == null);
        var rareEarths = await fixture.Store.GetSupplyAsync("rare_earths", Stage.Mining, 2024, "usgs", TestContext.Current.CancellationToken);
        rareEarths.ShouldContain(f => f.Provenance.OriginalLabel == "Burma" && f.Iso3 == "MMR");
    }

    [Fact]
    public async Task GetSupplyAsync_Iea_ProjectionsAreBaseCaseAndKtBecomesTonnes()
    {
        // Given
        var t = Read("iea_cmo2025_supply_mining_refining_by_country.csv");
        var fileTotal = t.Rows.Where(r => F(t, r, "row_type") != "top3_share_fraction")
            .Sum(r => double.Parse(F(t, r, "value_kt"), CultureInfo.InvariantCulture));

        // When
        var facts = await fixture.Store.GetSupplyAsync(source: "iea", cancellationToken: TestContext.Current.CancellationToken);

        // Then
        facts.Sum(f => f.Value ?? 0).ShouldBe(fileTotal * 1000, fileTotal * 1e-9);
        facts.Where(f => f.Year == 2024).ShouldAllBe(f => f.Scenario == null);
        facts.Where(f => f.Year > 2024).ShouldAllBe(f => f.Scenario == "base_case");
        facts.Select(f => f.MineralId).Distinct().ShouldContain("rare_earths");
        facts.ShouldContain(f => f.Provenance.OriginalLabel == "Democratic Republic of Congo" && f.Iso3 == "COD");
        facts.Where(f => f.Provenance.OriginalLabel == "Rest of world").ShouldAllBe(f => f.AggregateKind == "rest_of_world" && !f.IsCountry);
    }

    [Fact]
    public async Task GetGovernanceAsync_PoliticalStability_PairsEstimateWithPercentile()
    {
        // Given
        var t = Read("wgi_estimates_percentiles_long.csv");
        string Value(string code) => F(t, t.Rows.Single(r => F(t, r, "iso3") == "IND" && F(t, r, "indicator_code") == code && F(t, r, "year") == "2022"), "value");

        // When
        var scores = await fixture.Store.GetGovernanceAsync("PV", 2022, TestContext.Current.CancellationToken);

        // Then
        var india = scores.Single(s => s.Iso3 == "IND");
        india.Estimate.ShouldBe(double.Parse(Value("PV.EST"), CultureInfo.InvariantCulture));
        india.Percentile.ShouldBe(double.Parse(Value("PV.PER.RNK"), CultureInfo.InvariantCulture));
        scores.ShouldAllBe(s => s.Indicator == "PV" && s.Year == 2022);
        scores.Select(s => s.Iso3).ShouldNotContain("XKX");
    }

    [Fact]
    public async Task GetGovernanceOfYearAsync_IsTheFullReadNarrowedToTheIndicatorsAndYear()
    {
        // Given: the years of the file's estimates, and every estimate as the full read returns it
        var t = Read("wgi_estimates_percentiles_long.csv");
        var fileYears = t.Rows.Where(r => F(t, r, "indicator_code").EndsWith(".EST", StringComparison.Ordinal))
            .Select(r => int.Parse(F(t, r, "year"), CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        string[] six = ["CC", "GE", "PV", "RL", "RQ", "VA"];
        var all = await fixture.Store.GetGovernanceAsync(cancellationToken: TestContext.Current.CancellationToken);

        // When: the six dimensions for the latest year (no year given); one dimension, typed as the API allows, for 2010; a year without data
        var latest = await fixture.Store.GetGovernanceOfYearAsync(six, null, TestContext.Current.CancellationToken);
        var pv2010 = await fixture.Store.GetGovernanceOfYearAsync(["pv.est"], 2010, TestContext.Current.CancellationToken);
        var none = await fixture.Store.GetGovernanceOfYearAsync(six, 1990, TestContext.Current.CancellationToken);
        var years = await fixture.Store.GetGovernanceYearsAsync(TestContext.Current.CancellationToken);

        // Then: the same rows, order and provenance as filtering the full read
        years.ShouldBe(fileYears);
        latest.ShouldNotBeEmpty();
        latest.ShouldBe([.. all.Where(s => s.Year == fileYears[^1] && six.Contains(s.Indicator))]);
        pv2010.ShouldNotBeEmpty();
        pv2010.ShouldBe([.. all.Where(s => s.Year == 2010 && s.Indicator == "PV")]);
        none.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetTradeFlowsAsync_KoreaRepublicOf_MapsToKorAndPartnersResolve()
    {
        // When
        var flows = await fixture.Store.GetTradeFlowsAsync("KOR", "lithium", TestContext.Current.CancellationToken);

        // Then
        flows.ShouldNotBeEmpty();
        flows.ShouldAllBe(f => f.ReporterIso3 == "KOR" && f.MineralId == "lithium");
        flows.ShouldContain(f => f.PartnerAggregate == "world_total" && f.PartnerIso3 == null);
        flows.ShouldContain(f => f.PartnerIso3 == "CHL");
        flows.Where(f => f.Quantity != null).ShouldAllBe(f => f.Quantity >= 0);
    }

    [Theory]
    [InlineData("IND", null)]
    [InlineData("IND", "lithium")]
    [InlineData("KOR", "cobalt")]
    public async Task GetTradeFlowsInvolvingAsync_Country_IsExactlyTheFlowsWithItAsReporterOrPartner(string iso3, string? mineral)
    {
        // Given every flow, filtered here
        var all = await fixture.Store.GetTradeFlowsAsync(null, mineral, TestContext.Current.CancellationToken);
        var expected = all.Where(f => f.ReporterIso3 == iso3 || f.PartnerIso3 == iso3).ToList();

        // When
        var flows = await fixture.Store.GetTradeFlowsInvolvingAsync(iso3, mineral, TestContext.Current.CancellationToken);

        // Then the same rows (the order of rows equal in every sort key may differ), far fewer than the table
        expected.ShouldNotBeEmpty();
        flows.ShouldBe(expected, ignoreOrder: true);
        flows.Count.ShouldBeLessThan(all.Count / 4);
    }

    [Fact]
    public async Task GetRestrictionsAsync_Register_ResolvesMineralsAndKeepsProvenance()
    {
        // When
        var restrictions = await fixture.Store.GetRestrictionsAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then
        restrictions.Count.ShouldBe(Count("export_restrictions_curated.csv"));
        var graphite = restrictions.Single(r => r.Id == "CHN-2023-GRAPHITE-LICENSING");
        graphite.MineralIds.ShouldBe(["graphite"]);
        graphite.Iso3.ShouldBe("CHN");
        restrictions.Single(r => r.Id == "IDN-2014-ORE-BAN").MineralIds.ShouldBe(["nickel", "bauxite_aluminium"]);
        restrictions.ShouldAllBe(r => r.Provenance.SourceFile == "export_restrictions_curated.csv" && r.Provenance.Line > 1);
    }

    [Fact]
    public async Task GetDemandAndIntensities_Values_AreTonnesAndKgPerKwh()
    {
        // When
        var demand = await fixture.Store.GetDemandAsync("lithium", "STEPS", TestContext.Current.CancellationToken);
        var nmc811 = await fixture.Store.GetBatteryIntensitiesAsync("NMC 811", TestContext.Current.CancellationToken);

        // Then
        demand.ShouldNotBeEmpty();
        foreach (var d in demand)
        {
            var kt = double.Parse(d.Provenance.OriginalValue, CultureInfo.InvariantCulture);
            d.ValueT.ShouldBe(kt * 1000, Math.Abs(kt) * 1e-9, $"line {d.Provenance.Line}");
        }
        nmc811.Single(i => i.MineralId == "lithium").KgPerKwh.ShouldBe(0.1, 0.005);
        nmc811.ShouldNotContain(i => i.MineralId == "battery_mwh");
    }

    [Fact]
    public async Task GetPublishedSharesAsync_IeaTop3_AgreesWithCountryRows()
    {
        // Given
        var facts = await fixture.Store.GetSupplyAsync(source: "iea", cancellationToken: TestContext.Current.CancellationToken);

        // When
        var shares = await fixture.Store.GetPublishedSharesAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then
        shares.Count.ShouldBe(Count("iea_cmo2025_supply_mining_refining_by_country.csv", (t, r) => F(t, r, "row_type") == "top3_share_fraction"));
        foreach (var share in shares)
        {
            var group = facts.Where(f => f.MineralId == share.MineralId && f.Stage == share.Stage && f.Year == share.Year).ToList();
            var total = group.Single(f => f.AggregateKind == "total").Value!.Value;
            var top3 = group.Where(f => f.IsCountry).Select(f => f.Value ?? 0).OrderDescending().Take(3).Sum();
            (top3 / total).ShouldBe(share.Fraction, 0.01, $"{share.MineralId} {share.Stage} {share.Year}");
        }
    }

    [Fact]
    public async Task FindChangedSourcesAsync_EditedFile_IsNamedAndTheBundledPackIsNot()
    {
        // Given
        var dir = fixture.CopyData();
        File.AppendAllText(Path.Combine(dir, "criticality_lists.csv"), "unobtainium,0,0,0\n");

        // When
        var same = await fixture.Store.FindChangedSourcesAsync(RepoPaths.Data, TestContext.Current.CancellationToken);
        var changed = await fixture.Store.FindChangedSourcesAsync(dir, TestContext.Current.CancellationToken);

        // Then
        same.ShouldBeEmpty();
        changed.ShouldBe(["criticality_lists.csv"]);
    }

    [Fact]
    public async Task ImportAsync_Twice_GivesSameContentsAndKeepsOtherComponentsTables()
    {
        // Given
        await using var store = fixture.Copy();
        var before = await PackStoreFixture.FingerprintAsync(store);
        await using (var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE registry_probe (id INTEGER); INSERT INTO registry_probe VALUES (42)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // When
        var result = await store.ImportAsync(RepoPaths.Data, null, TestContext.Current.CancellationToken);

        // Then
        result.Errors.ShouldBeEmpty();
        await using (var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM registry_probe";
            (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(42);
        }
        var after = await PackStoreFixture.FingerprintAsync(store);
        after.Where(p => p.Key != Schema.InfoTable).ShouldBe(before.Where(p => p.Key != Schema.InfoTable));
        result.Counts.ShouldBe(await fixture.Store.GetCountsAsync(TestContext.Current.CancellationToken));
    }
}
