using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>The trade-code catalogue (<c>data/catalogue/hs_codes.csv</c>) as imported: permanent magnets (HS 850511) at their rare-earth
/// content, and headings whose content factor agrees with their subheadings'.</summary>
public sealed class TradeCodeCatalogueTests(PackStoreFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PermanentMagnets_850511_AreARareEarthBasketCodeAtNdFeBContent()
    {
        // Given: the neodymium share of Nd2Fe14B by hand (IUPAC standard atomic weights), the floor of any NdFeB magnet's rare-earth content;
        // commercial sintered magnets carry more (a rare-earth-rich grain boundary), 29–33 % by weight as the factor's basis cites
        const double nd = 144.242, fe = 55.845, b = 10.81;
        var stoichiometric = 2 * nd / (2 * nd + 14 * fe + b);
        stoichiometric.ShouldBe(0.2668, 0.0001);

        // When
        var code = (await fixture.Store.GetTradeCodesAsync("rare_earths", Ct)).Single(c => c.HsCode == "850511");

        // Then: counted only on request (it also holds magnets without rare earths, and a magnet is a component, not refinery output)
        code.Kind.ShouldBe(TradeCodeKind.Basket);
        code.Stage.ShouldBe(Stage.Refining);
        code.ContentFactor.ShouldBeGreaterThan(stoichiometric);
        code.ContentFactor.ShouldBeInRange(0.29, 0.33);
        code.ContentBasis.ShouldContain("not REO");
        code.FactorBasis.ShouldContain("29–33 %");
    }

    [Fact]
    public async Task Headings_ContentFactorLiesWithinItsSubheadings()
    {
        // Given: every heading (4 digits) of the catalogue that has subheadings (6 digits) in it too
        var codes = await fixture.Store.GetTradeCodesAsync(cancellationToken: Ct);
        var headings = codes.Where(h => h.HsCode.Length == 4 && codes.Any(s => h.IsHeadingOf(s.HsCode))).ToList();
        headings.Select(h => h.HsCode).ShouldContain("7501");

        // Then: a heading holds a mix of its subheadings' products, so its factor cannot lie outside theirs (7501 once claimed the
        // matte grade while its sinter/MHP subheading was given a different one)
        foreach (var h in headings)
        {
            var subs = codes.Where(s => h.IsHeadingOf(s.HsCode) && s.MineralId == h.MineralId).Select(s => s.ContentFactor).ToList();
            h.ContentFactor.ShouldBeInRange(subs.Min(), subs.Max(), $"HS {h.HsCode}");
        }
    }

    [Fact]
    public async Task TypicalGrades_LieWithinTheRangeTheirBasisCites()
    {
        // Given: the codes whose factor is a typical grade taken from a cited range ("… 70–78 % Ni …"); the first range in the text is the
        // one the factor was taken from (7402 copper anodes, 750110 mattes, 750120 sinters and MHP, ores and concentrates)
        var codes = (await fixture.Store.GetTradeCodesAsync(cancellationToken: Ct))
            .Where(c => c.FactorBasis.StartsWith("typical grade (assumption within a cited range)", StringComparison.Ordinal)).ToList();
        codes.Select(c => c.HsCode).ShouldContain("7402");
        codes.Select(c => c.HsCode).ShouldContain("750120");

        // Then
        foreach (var c in codes)
        {
            var m = System.Text.RegularExpressions.Regex.Match(c.FactorBasis, @"(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?) %");
            m.Success.ShouldBeTrue($"HS {c.HsCode} cites no range: {c.FactorBasis}");
            var low = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 100;
            var high = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 100;
            c.ContentFactor.ShouldBeInRange(low, high, $"HS {c.HsCode}: {c.FactorBasis}");
        }
    }

    [Fact]
    public async Task AddComtrade_MagnetRow_IsKeptAsARareEarthExtract()
    {
        // Given: the Comtrade fixture's import of HS 850511 (left out as "no catalogue mineral" before the code was catalogued)
        var fixtures = Path.Combine(RepoPaths.Root, "tests", "Khanij.Data.Tests", "Fixtures", "publisher-formats");
        var path = Path.Combine(Directory.CreateTempSubdirectory("khanij-magnets-").FullName, "comtrade_export.csv");
        File.Copy(Path.Combine(fixtures, "comtrade_export.csv"), path);
        var t = Csv.Parse(await File.ReadAllTextAsync(path, Ct), path);
        var magnet = t.Rows.Single(r => r[t.IndexOf("cmdCode")] == "850511");
        var kg = r(magnet, "netWgt") is { Length: > 0 } w ? w : r(magnet, "qty");
        await using var store = fixture.Copy();

        // When
        var result = await store.AddSourceAsync(RepoPaths.Data, path, new AddedSource("comtrade_export.csv", "comtrade", "comtrade_magnets", "fixture", "", ""),
            null, Ct);

        // Then
        result.Errors.ShouldBeEmpty();
        var row = (await store.GetTradeExtractsAsync("comtrade_magnets", cancellationToken: Ct)).Single(x => x.HsCode == "850511");
        row.MineralId.ShouldBe("rare_earths");
        row.Provenance.Line.ShouldBe(magnet.Line);
        row.QuantityT.ShouldNotBeNull().ShouldBe(double.Parse(kg, CultureInfo.InvariantCulture) / 1000, 1e-9);

        string r(CsvRow row, string column) => row[t.IndexOf(column)];
    }
}
