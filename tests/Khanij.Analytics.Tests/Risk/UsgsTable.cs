using System.Globalization;
using Khanij.Core;
using Khanij.Core.Facts;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Analytics.Tests.Risk;

/// <summary>Reads one USGS MCS 2026 production table straight from the data pack, for tests that recompute metrics by hand.</summary>
internal static class UsgsTable
{
    public const string File = "usgs_mcs2026_world_production_reserves.csv";

    /// <summary>The raw rows (row_type, iso3, value text) of one commodity, measure prefix and year.</summary>
    public static IReadOnlyList<(string RowType, string Iso3, string Value, int Line)> Raw(string commodity, string year)
    {
        var table = Csv.Parse(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Data, File)), File);
        int c = table.IndexOf("commodity"), m = table.IndexOf("measure"), y = table.IndexOf("year"),
            rt = table.IndexOf("row_type"), iso = table.IndexOf("iso3"), v = table.IndexOf("value");
        return [.. table.Rows
            .Where(r => r[c] == commodity && r[y] == year && r[m] != "reserves" && r[m] != "production capacity")
            .Select(r => (r[rt], r[iso], r[v], r.Line))];
    }

    /// <summary>The same rows as facts, the way the store describes them (aggregates have no ISO3).</summary>
    public static IReadOnlyList<SupplyFact> Facts(string commodity, string mineralId, Stage stage, int year) =>
        [.. Raw(commodity, year.ToString(CultureInfo.InvariantCulture)).Select(r => new SupplyFact(
            "usgs", mineralId, stage,
            r.RowType == "country" ? r.Iso3 : null,
            r.RowType == "country" ? null : r.RowType,
            year, null, "mine production",
            r.Value.Length == 0 ? null : double.Parse(r.Value, CultureInfo.InvariantCulture),
            "t", "", false,
            new Provenance(File, r.Line, "USGS MCS 2026", "t", r.Value, r.Iso3)))];
}
