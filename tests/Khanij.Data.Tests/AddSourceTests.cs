using System.Globalization;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary><c>data add</c>: each publisher layout on its fixture (invented numbers, see Fixtures/publisher-formats/README.md) and on
/// malformed variants. Expected values are read from the fixture files in the test.</summary>
public sealed class AddSourceTests(PackStoreFixture fixture)
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "Khanij.Data.Tests", "Fixtures", "publisher-formats");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CsvTable Read(string path) => Csv.Parse(File.ReadAllText(path), path);

    /// <summary>A fixture copied to a fresh directory (so a test may corrupt it), under <paramref name="name"/>.</summary>
    private static string Copy(string fixtureName, string? name = null, Func<string[], string[]>? edit = null)
    {
        var dir = Directory.CreateTempSubdirectory("khanij-add-").FullName;
        var lines = File.ReadAllText(Path.Combine(Fixtures, fixtureName)).Split('\n');
        var path = Path.Combine(dir, name ?? fixtureName);
        File.WriteAllText(path, string.Join('\n', edit is null ? lines : edit(lines)));
        return path;
    }

    private static AddedSource Usgs(string path) => new(Path.GetFileName(path), "usgs-mcs", "usgs_mcs2025", "MCS2025", "lithium", "");

    [Fact]
    public async Task Add_UsgsRelease_AddsANewEditionBesideTheOthers()
    {
        // Given
        await using var store = fixture.Copy();
        var path = Copy("mcs2025-lithi_world.csv");
        var t = Read(path);
        var before = await store.GetCountsAsync(Ct);
        var pack = await store.GetSupplyAsync("lithium", cancellationToken: Ct);

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, Usgs(path), null, Ct);

        // Then
        result.Errors.ShouldBeEmpty();
        var added = await store.GetSupplyAsync("lithium", source: "usgs_mcs2025", cancellationToken: Ct);
        added.Count.ShouldBe(t.Rows.Count * 2, "two production columns per row");
        var argentina = t.Rows.Single(r => r[1] == "Argentina");
        added.Single(f => f.Iso3 == "ARG" && f.Year == 2024).Value.ShouldBe(double.Parse(argentina[4], CultureInfo.InvariantCulture));
        added.Single(f => f.Iso3 == "ARG" && f.Year == 2024).IsEstimate.ShouldBeTrue("the column is Prod_t_est_2024");
        added.Single(f => f.Iso3 == "CHN" && f.Year == 2023).IsEstimate.ShouldBeTrue("'Chinae' carries the estimate flag");
        added.Single(f => f.Iso3 == "USA" && f.Year == 2023).Value.ShouldBeNull("W is withheld, never zero");
        added.Single(f => f.Iso3 == "ZWE" && f.Year == 2024).Value.ShouldBe(22000);
        added.Single(f => f.AggregateKind == "other" && f.Year == 2023).Value.ShouldBe(4000);
        var reserves = await store.GetReservesAsync("lithium", "usgs_mcs2025", Ct);
        reserves.Single(r => r.Iso3 == "CHL").ReservesT.ShouldBe(double.Parse(t.Rows.Single(r => r[1] == "Chile")[6], CultureInfo.InvariantCulture) * 1000);
        // the other sources stay as they were
        (await store.GetSupplyAsync("lithium", cancellationToken: Ct)).Where(f => f.Source != "usgs_mcs2025").Count().ShouldBe(pack.Count);
        var after = await store.GetCountsAsync(Ct);
        after["trade_flows"].ShouldBe(before["trade_flows"]);
        after["supply_facts"].ShouldBe(before["supply_facts"] + added.Count);
        store.GetAddedSources().ShouldHaveSingleItem().Dataset.ShouldBe("usgs_mcs2025");
        (await store.GetDatasetsAsync(Ct)).ShouldContain(d => d.Source == "usgs_mcs2025" && d.Table == "supply_facts" && d.Years == "2023-2024");

        // and a full re-import keeps it
        (await store.ImportAsync(RepoPaths.Data, null, Ct)).Succeeded.ShouldBeTrue();
        (await store.GetSupplyAsync("lithium", source: "usgs_mcs2025", cancellationToken: Ct)).Count.ShouldBe(added.Count);
        (await store.FindChangedSourcesAsync(RepoPaths.Data, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_UsgsReleaseWithOneCorruptCell_NamesFileLineColumnAndChangesNothing()
    {
        // Given: Australia's 2024 production "88000" becomes "88k00"
        await using var store = fixture.Copy();
        var path = Copy("mcs2025-lithi_world.csv", edit: lines => [.. lines.Select(l => l.StartsWith("MCS2025,Australia", StringComparison.Ordinal) ? l.Replace("88000", "88k00", StringComparison.Ordinal) : l)]);
        var lines = File.ReadAllText(path).Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("88k00", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("88k00", StringComparison.Ordinal) + 1;
        var before = await PackStoreFixture.FingerprintAsync(store);

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, Usgs(path), null, Ct);

        // Then
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe(("mcs2025-lithi_world.csv", line, column));
        error.Message.ShouldContain("'88k00'");
        error.Message.ShouldContain("expected a quantity");
        (await PackStoreFixture.FingerprintAsync(store)).ShouldBe(before);
        store.GetAddedSources().ShouldBeEmpty();
        Directory.Exists(store.AddedDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task Add_SameEditionAsThePack_IsRefused()
    {
        // Given: an MCS 2024 lithium file; the pack's MCS 2024 data release already holds lithium under usgs_mcs2024
        await using var store = fixture.Copy();
        var path = Copy("mcs2025-lithi_world.csv", "mcs2024-lithi_world.csv", lines => [.. lines.Select(l => l.Replace("MCS2025,", "MCS2024,", StringComparison.Ordinal))]);

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, Usgs(path) with { Dataset = "usgs_mcs2024", Edition = "MCS2024" }, null, Ct);

        // Then
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("usgs_mcs2024 already holds lithium");
    }

    [Fact]
    public async Task Add_ComtradeExport_KeepsTotalsOnlyAndStatesCoverage()
    {
        // Given
        await using var store = fixture.Copy();
        var path = Copy("comtrade_export.csv");
        var t = Read(path);
        string F(CsvRow r, string c) => r[t.IndexOf(c)];
        var codes = Read(Path.Combine(RepoPaths.Data, "catalogue", "hs_codes.csv")) is var h ? h.Rows.Select(r => r[h.IndexOf("hs_code")]).ToHashSet() : [];
        var kept = t.Rows.Where(r => F(r, "motCode") == "0" && F(r, "flowCode") is "M" or "X"
            && (codes.Contains(F(r, "cmdCode")) || codes.Contains(F(r, "cmdCode")[..4]))).ToList();
        kept.Count.ShouldBeLessThan(t.Rows.Count - 2, "the fixture has a breakdown row, a re-export and codes of no catalogue mineral");

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, new AddedSource("comtrade_export.csv", "comtrade", "comtrade_test", "fixture", "", ""), null, Ct);

        // Then
        result.Errors.ShouldBeEmpty();
        var rows = await store.GetTradeExtractsAsync("comtrade_test", cancellationToken: Ct);
        rows.Count.ShouldBe(kept.Count);
        foreach (var r in kept)
        {
            var row = rows.Single(x => x.Provenance.Line == r.Line);
            var kg = F(r, "netWgt").Length > 0 ? F(r, "netWgt") : F(r, "qty");
            row.QuantityT.ShouldNotBeNull().ShouldBe(double.Parse(kg, CultureInfo.InvariantCulture) / 1000, 1e-9);
            row.ValueUsd.ShouldBe(double.Parse(F(r, "primaryValue"), CultureInfo.InvariantCulture));
            row.Coverage.ShouldContain("IND");
        }
        var source = (await store.GetSourcesAsync(Ct)).Single(s => s.File == "comtrade_export.csv");
        source.ExcludedRows.ShouldBe(t.Rows.Count - kept.Count);
        source.Exclusions.ShouldContain("motCode");
    }

    [Fact]
    public async Task Add_Baci_MapsNumericCodesAndLeavesOtherProductsOut()
    {
        // Given
        await using var store = fixture.Copy();
        var path = Copy("baci_hs22.csv");
        var t = Read(path);

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, new AddedSource("baci_hs22.csv", "baci", "baci", "BACI HS22 fixture", "", ""), null, Ct);

        // Then
        result.Errors.ShouldBeEmpty();
        var rows = await store.GetTradeExtractsAsync("baci", cancellationToken: Ct);
        rows.Count.ShouldBe(t.Rows.Count - 1, "HS 010121 (live horses) is no catalogue mineral");
        var first = rows.Single(r => r.Provenance.Line == 2);
        (first.ReporterIso3, first.PartnerIso3, first.Flow, first.MineralId).ShouldBe(("IND", "CHN", "import", "graphite"));
        first.QuantityT.ShouldBe(45000.25);
        first.ValueUsd.ShouldNotBeNull().ShouldBe(95000.5 * 1000, 1e-6);
        rows.Single(r => r.Provenance.Line == 4).QuantityT.ShouldBeNull("NA is no quantity");
    }

    [Fact]
    public async Task Add_BaciWithUnknownCountryCode_IsLocated()
    {
        // Given
        await using var store = fixture.Copy();
        var path = Copy("baci_hs22.csv", edit: lines => [.. lines.Select((l, i) => i == 2 ? l.Replace("508,", "9999,", StringComparison.Ordinal) : l)]);
        var before = await PackStoreFixture.FingerprintAsync(store);

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, new AddedSource("baci_hs22.csv", "baci", "baci", "x", "", ""), null, Ct);

        // Then
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe(("baci_hs22.csv", 3, 6));
        error.Message.ShouldContain("'9999'");
        (await PackStoreFixture.FingerprintAsync(store)).ShouldBe(before);
    }
}
