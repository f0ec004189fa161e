using System.Globalization;
using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Risk;

public sealed class IeaPublishedTop3Tests
{
    private const string File = "iea_cmo2025_supply_mining_refining_by_country.csv";

    [Fact]
    public void Compute_IeaTablesWhoseRowsAddUpToTheTotal_ReproduceTheIeaPublishedTopThreeShare()
    {
        // Given: every IEA table (mineral × stage × year) read from the pack, with the IEA's own top-3 share row
        var table = Csv.Parse(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Data, File)), File);
        int mi = table.IndexOf("mineral"), st = table.IndexOf("stage"), co = table.IndexOf("country"), rt = table.IndexOf("row_type"),
            yr = table.IndexOf("year"), va = table.IndexOf("value_kt");
        var checkedTables = 0;
        foreach (var g in table.Rows.GroupBy(r => (r[mi], r[st], r[yr])))
        {
            var published = g.Where(r => r[rt] == "top3_share_fraction").Select(r => double.Parse(r[va], CultureInfo.InvariantCulture)).Single();
            var total = g.Where(r => r[rt] == "total").Select(r => double.Parse(r[va], CultureInfo.InvariantCulture)).Single();
            var facts = g.Where(r => r[rt] is "country" or "rest_of_world" or "total" && r[va].Length > 0).Select(r => new SupplyFact(
                "iea", g.Key.Item1, g.Key.Item2 == "mining" ? Stage.Mining : Stage.Refining,
                r[rt] == "country" ? r[co] : null, r[rt] == "country" ? null : r[rt],
                int.Parse(g.Key.Item3, CultureInfo.InvariantCulture), g.Key.Item3 == "2024" ? null : "base_case", "production",
                double.Parse(r[va], CultureInfo.InvariantCulture) * 1000, "t", "", false, new Provenance(File, r.Line, "IEA", "kt", r[va], r[co]))).ToList();

            // When
            var result = SupplyConcentration.Compute(facts);

            // Then: where the listed rows add up to the IEA total, the top-3 share is the IEA's own figure
            if (Math.Abs(result.Denominator - total * 1000) / result.Denominator < 1e-9)
            {
                result.Top3Share!.Value.ShouldBe(published, 1e-9, $"{g.Key}");
                checkedTables++;
            }
            else if (Math.Abs(result.Denominator - total * 1000) / result.Denominator > 0.001)
            {
                result.Notes.ShouldContain(n => n.Contains("published total", StringComparison.Ordinal), $"{g.Key}");
            }
        }
        checkedTables.ShouldBeGreaterThan(30);
    }
}
