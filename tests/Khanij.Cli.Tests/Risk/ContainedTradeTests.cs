using System.Globalization;
using System.Text.Json;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Risk;

/// <summary>Issue 10's import-side defects, each recomputed from the pack's CSVs in the test (not from the program's output).</summary>
public sealed class ContainedTradeTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private const string TradeFile = "cheng2024_trademap_bilateral_quantities.csv";

    // Standard atomic masses (IUPAC, rounded): the test's own stoichiometry.
    private const double Li = 6.941, C = 12.011, O = 15.999, H = 1.008;
    private static readonly double Li2Co3 = 2 * Li / (2 * Li + C + 3 * O);
    private static readonly double LiOhH2O = Li / (Li + O + H + (2 * H + O));

    private static async Task<List<(string Hs, string Partner, double Quantity)>> IndiaImports2021(params string[] codes)
    {
        var csv = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, TradeFile), TestContext.Current.CancellationToken), TradeFile);
        var aggregates = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, "catalogue", "source_aggregates.csv"),
            TestContext.Current.CancellationToken), "source_aggregates.csv");
        var notCountries = aggregates.Rows.Select(r => r[aggregates.IndexOf("spelling")]).ToHashSet(StringComparer.Ordinal);
        int hs = csv.IndexOf("hs_code"), rep = csv.IndexOf("reporter"), mir = csv.IndexOf("mirror_data"), fl = csv.IndexOf("reporter_flow"),
            pa = csv.IndexOf("partner"), y = csv.IndexOf("year"), q = csv.IndexOf("quantity"), u = csv.IndexOf("unit");
        return [.. csv.Rows.Where(r => codes.Contains(r[hs]) && r[rep] == "India" && r[mir] == "0" && r[fl] == "import" && r[y] == "2021"
                && r[u] == "Tons" && r[q].Length > 0 && !notCountries.Contains(r[pa]))
            .Select(r => (r[hs], r[pa], double.Parse(r[q], CultureInfo.InvariantCulture)))];
    }

    [Fact]
    public async Task Risk_IndiaLithiumRefining_PartnersInLithiumContentWithBasketCodesLeftOutAndNoted()
    {
        // Given: India's own 2021 import reports of lithium carbonate and hydroxide, converted with the test's stoichiometry
        var specific = await IndiaImports2021("283691", "282520");
        double Contained((string Hs, string Partner, double Quantity) r) => r.Quantity * (r.Hs == "283691" ? Li2Co3 : LiOhH2O);
        var total = specific.Sum(Contained);
        var russia = specific.Where(r => r.Partner == "Russian Federation").Sum(Contained);
        var basketGross = (await IndiaImports2021("282739")).Sum(r => r.Quantity);

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "lithium", "--stage", "refining", "--year", "2024",
            "--source", "iea", "--country", "IND", "--json");

        // Then: the factors in the catalogue are rounded to four digits, hence the 0.1 % tolerance
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var imports = doc.RootElement[0].GetProperty("imports");
        imports.GetProperty("content_basis").GetString().ShouldBe("Li content");
        imports.GetProperty("total_t").GetDouble().ShouldBe(total, total * 1e-3);
        imports.GetProperty("tonnes_by_partner").GetProperty("RUS").GetDouble().ShouldBe(russia, russia * 1e-3);
        imports.GetProperty("shares").TryGetProperty("JOR", out _).ShouldBeFalse();
        var basket = imports.GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("hs_code").GetString() == "282739");
        basket.GetProperty("counted").GetBoolean().ShouldBeFalse();
        basket.GetProperty("gross_t").GetDouble().ShouldBe(basketGross, 1e-6);
        imports.GetProperty("notes").EnumerateArray().ShouldContain(n => n.GetString()!.Contains("282739", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Risk_IndiaNickelRefining_HeadingNotSummedWithItsSubheadings()
    {
        // Given: the hand check: India's 2021 nickel-refining imports are 54,551 t of product without the 7502 heading
        var heading = (await IndiaImports2021("7502")).Sum(r => r.Quantity);
        var subheadings = (await IndiaImports2021("750210", "750220")).Sum(r => r.Quantity);

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "nickel", "--stage", "refining", "--year", "2024",
            "--source", "iea", "--country", "IND", "--json");

        // Then: the heading (which repeats its subheadings' tonnage) is left out
        exit.ShouldBe(0, error);
        heading.ShouldBe(subheadings, subheadings * 0.01);
        using var doc = JsonDocument.Parse(output);
        var codes = doc.RootElement[0].GetProperty("imports").GetProperty("codes").EnumerateArray().ToList();
        codes.Single(c => c.GetProperty("hs_code").GetString() == "7502").GetProperty("counted").GetBoolean().ShouldBeFalse();
        codes.Where(c => c.GetProperty("counted").GetBoolean()).Sum(c => c.GetProperty("gross_t").GetDouble()).ShouldBe(54_551, 1);
    }

    [Fact]
    public async Task Risk_IndiaManganeseMining_NetImportRelianceUsesUsgsProductionAndContainedTrade()
    {
        // Given: USGS MCS 2026 India manganese mine production 2024 (thousand t Mn content) and India's 2021 ore trade at the catalogue's
        // stated typical grade (44 % Mn)
        const string usgsFile = "usgs_mcs2026_world_production_reserves.csv";
        var usgs = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, usgsFile), TestContext.Current.CancellationToken), usgsFile);
        var production = 1000 * usgs.Rows.Where(r => r[usgs.IndexOf("commodity")] == "Manganese" && r[usgs.IndexOf("iso3")] == "IND"
                && r[usgs.IndexOf("year")] == "2024" && r[usgs.IndexOf("measure")] == "mine production")
            .Select(r => double.Parse(r[usgs.IndexOf("value")], CultureInfo.InvariantCulture)).Single();
        var csv = Csv.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, TradeFile), TestContext.Current.CancellationToken), TradeFile);
        double Sum(string flow) => csv.Rows.Where(r => r[csv.IndexOf("hs_code")] == "260200" && r[csv.IndexOf("reporter")] == "India"
                && r[csv.IndexOf("mirror_data")] == "0" && r[csv.IndexOf("reporter_flow")] == flow && r[csv.IndexOf("year")] == "2021"
                && r[csv.IndexOf("partner")] != "World" && r[csv.IndexOf("quantity")].Length > 0)
            .Sum(r => double.Parse(r[csv.IndexOf("quantity")], CultureInfo.InvariantCulture)) * 0.44;
        var (imports, exports) = (Sum("import"), Sum("export"));
        var expected = (imports - exports) / (production + imports - exports);

        // When
        var (exit, output, _, error) = await store.RunAsync("risk", "--mineral", "manganese", "--stage", "mining", "--year", "2024",
            "--source", "usgs", "--country", "IND", "--json");

        // Then: not 0 or 1, as the old gross-tonnage rule gave
        exit.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var reliance = doc.RootElement[0].GetProperty("reliance");
        reliance.GetProperty("value").GetDouble().ShouldBe(expected, 1e-6);
        reliance.GetProperty("production_t").GetDouble().ShouldBe(production);
        reliance.GetProperty("is_upper_bound").GetBoolean().ShouldBeFalse();
        expected.ShouldBeInRange(0.5, 0.95);
    }
}
