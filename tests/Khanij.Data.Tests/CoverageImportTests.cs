using System.Globalization;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>The 2026-12 additions: two USGS editions side by side with units normalised, the partial Comtrade extract, UNEP recycling
/// rates and India's reported facts. Expected values are read from the files in the test.</summary>
public sealed class CoverageImportTests(PackStoreFixture fixture)
{
    private const string More = "usgs_mcs_more_commodities.csv";
    private const string Comtrade = "comtrade_critical_minerals_extracts_2019_2024.csv";

    private static CsvTable Read(string file) => Csv.Parse(File.ReadAllText(Path.Combine(RepoPaths.Data, file)), file);

    private static string F(CsvTable t, CsvRow r, string column) => r[t.IndexOf(column)];

    /// <summary>The factor from the file's unit text to tonnes, written out here independently of the importer.</summary>
    private static double Factor(string unit) =>
        unit.StartsWith("thousand metric tons", StringComparison.Ordinal) ? 1000
        : unit.StartsWith("kilograms", StringComparison.Ordinal) ? 0.001
        : unit.StartsWith("metric tons", StringComparison.Ordinal) ? 1
        : throw new InvalidOperationException("unit not expected in the file: " + unit);

    [Fact]
    public async Task UsgsMore_EditionsStandSideBySide_NeverInOneSource()
    {
        // Given
        var t = Read(More);
        var production = t.Rows.Where(r => !F(t, r, "measure").StartsWith("reserves", StringComparison.Ordinal)).ToList();
        var ct = TestContext.Current.CancellationToken;

        // When
        var facts2026 = (await fixture.Store.GetSupplyAsync(source: "usgs", cancellationToken: ct)).Where(f => f.Provenance.SourceFile == More).ToList();
        var facts2024 = await fixture.Store.GetSupplyAsync(source: "usgs_mcs2024", cancellationToken: ct);
        var reserves2024 = await fixture.Store.GetReservesAsync(source: "usgs_mcs2024", cancellationToken: ct);

        // Then
        facts2026.Count.ShouldBe(production.Count(r => F(t, r, "edition") == "MCS2026"));
        facts2024.Count.ShouldBe(production.Count(r => F(t, r, "edition") == "MCS2024"));
        facts2024.ShouldAllBe(f => f.Provenance.SourceFile == More);
        reserves2024.Count.ShouldBe(t.Rows.Count(r => F(t, r, "edition") == "MCS2024" && F(t, r, "measure").StartsWith("reserves", StringComparison.Ordinal)));
        // one edition string per source: the MCS 2024 data release never lands in the MCS 2026 tables, and the reverse
        facts2024.Select(f => f.Provenance.Edition).Distinct().ShouldHaveSingleItem().ShouldContain("2024");
        facts2026.Select(f => f.Provenance.Edition).Distinct().ShouldHaveSingleItem().ShouldContain("2026");
        // the two editions overlap (molybdenum in both) and stay apart
        facts2026.ShouldContain(f => f.MineralId == "molybdenum");
        facts2024.ShouldContain(f => f.MineralId == "molybdenum");
        facts2024.ShouldAllBe(f => f.Year == 2022 || f.Year == 2023);
        facts2026.ShouldAllBe(f => f.Year == 2024 || f.Year == 2025);
    }

    [Fact]
    public async Task UsgsMore_EveryValue_IsConvertedToTonnesWithItsBasis()
    {
        // Given
        var t = Read(More);
        var ct = TestContext.Current.CancellationToken;
        var supply = (await fixture.Store.GetSupplyAsync(cancellationToken: ct)).Where(f => f.Provenance.SourceFile == More).ToDictionary(f => f.Provenance.Line);
        var reserves = (await fixture.Store.GetReservesAsync(cancellationToken: ct)).Where(f => f.Provenance.SourceFile == More).ToDictionary(f => f.Provenance.Line);

        // Then
        foreach (var r in t.Rows)
        {
            var raw = F(t, r, "value");
            double? expected = raw.Length == 0 ? null : double.Parse(raw, CultureInfo.InvariantCulture) * Factor(F(t, r, "unit"));
            var isReserve = F(t, r, "measure").StartsWith("reserves", StringComparison.Ordinal);
            var stored = isReserve ? reserves[r.Line].ReservesT : supply[r.Line].Value;
            if (expected is null)
            {
                stored.ShouldBeNull($"line {r.Line}: a withheld cell stays empty, never zero");
            }
            else
            {
                stored.ShouldNotBeNull($"line {r.Line}").ShouldBe(expected.Value, Math.Abs(expected.Value) * 1e-12, $"line {r.Line}");
            }
        }
        // the units the issue names: potash reserves are ore, Mo and V reserves were thousand tonnes, chromium is chromite ore,
        // PGMs were kilograms, selenium's unit is flagged
        var potash = t.Rows.First(r => F(t, r, "edition") == "MCS2026" && F(t, r, "commodity") == "Potash" && F(t, r, "measure") == "reserves (ore)");
        reserves[potash.Line].Basis.ShouldContain("ore");
        reserves[potash.Line].Basis.ShouldContain("reserves (ore)");
        var mo = t.Rows.First(r => F(t, r, "edition") == "MCS2026" && F(t, r, "commodity") == "Molybdenum" && F(t, r, "measure") == "reserves"
            && F(t, r, "row_type") == "world_total");
        reserves[mo.Line].ReservesT.ShouldBe(double.Parse(F(t, mo, "value"), CultureInfo.InvariantCulture) * 1000);
        var chromium = t.Rows.First(r => F(t, r, "commodity") == "Chromium" && F(t, r, "measure").StartsWith("mine", StringComparison.Ordinal));
        supply[chromium.Line].Basis.ShouldContain("gross weight");
        var selenium = t.Rows.First(r => F(t, r, "commodity") == "Selenium" && F(t, r, "measure") == "reserves");
        reserves[selenium.Line].Basis.ShouldContain("header says kt");
    }

    [Fact]
    public async Task ComtradeExtract_KilogramsBecomeTonnes_AndCoverageTravelsWithEachRow()
    {
        // Given
        var t = Read(Comtrade);

        // When
        var rows = (await fixture.Store.GetTradeExtractsAsync(source: "comtrade_pack", cancellationToken: TestContext.Current.CancellationToken))
            .ToDictionary(r => r.Provenance.Line);

        // Then
        rows.Count.ShouldBe(t.Rows.Count);
        foreach (var r in t.Rows)
        {
            var row = rows[r.Line];
            var qty = F(t, r, "qty");
            if (F(t, r, "qty_unit") == "kg")
            {
                row.QuantityT.ShouldNotBeNull().ShouldBe(double.Parse(qty, CultureInfo.InvariantCulture) / 1000, 1e-9);
            }
            else
            {
                row.QuantityT.ShouldBeNull();
            }
            row.ReporterIso3.ShouldBe(F(t, r, "reporter_iso3"));
            (row.PartnerIso3 ?? "WLD").ShouldBe(F(t, r, "partner_iso3"));
            row.Flow.ShouldBe(F(t, r, "flow"));
        }
        // the coverage statement names every reporter and HS code the file has
        var coverage = rows.Values.Select(r => r.Coverage).Distinct().ShouldHaveSingleItem();
        foreach (var reporter in t.Rows.Select(r => F(t, r, "reporter_iso3")).Distinct())
        {
            coverage.ShouldContain(reporter);
        }
        foreach (var hs in t.Rows.Select(r => F(t, r, "hs_code")).Distinct())
        {
            coverage.ShouldContain(hs);
        }
    }

    [Fact]
    public async Task Recycling_LessThanOne_KeepsTheBoundAsHighAndNoLow()
    {
        // Given
        var t = Read("recycling_rates_unep_irp2011.csv");
        var lessThan = t.Rows.Where(r => F(t, r, "qualifier") == "less than").ToList();

        // When
        var rates = (await fixture.Store.GetRecyclingRatesAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(r => r.Provenance.Line);

        // Then
        rates.Count.ShouldBe(t.Rows.Count);
        lessThan.ShouldNotBeEmpty();
        foreach (var r in lessThan)
        {
            rates[r.Line].Low.ShouldBeNull();
            rates[r.Line].High.ShouldBe(double.Parse(F(t, r, "value_high"), CultureInfo.InvariantCulture));
        }
        rates.Values.Where(r => r.ElementSymbol == "Nd").ShouldAllBe(r => r.MineralId == "rare_earths");
        rates.Values.Where(r => r.ElementSymbol == "Pd").ShouldAllBe(r => r.MineralId == "platinum_group_metals");
    }

    [Fact]
    public async Task IndiaFacts_TenMinerals100PercentImportDependent_ResolveToTheCatalogue()
    {
        // Given
        var t = Read("india_critical_minerals_reported_facts.csv");
        var dependent = t.Rows.Where(r => F(t, r, "topic") == "import_dependence").Select(r => F(t, r, "mineral")).ToList();

        // When
        var facts = await fixture.Store.GetReportedFactsAsync("import_dependence", TestContext.Current.CancellationToken);

        // Then
        facts.Count.ShouldBe(dependent.Count);
        facts.Select(f => f.MineralId).ShouldBe(dependent, ignoreOrder: true);
        facts.ShouldAllBe(f => f.Url.StartsWith("http", StringComparison.Ordinal));
    }
}
