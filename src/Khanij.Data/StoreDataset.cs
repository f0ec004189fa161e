namespace Khanij.Data;

/// <summary>One source id and edition as stored in one table, e.g. <c>usgs_mcs2024</c> in <c>supply_facts</c>.</summary>
/// <param name="Source">Source id used by <c>--source</c>.</param>
/// <param name="Edition">Edition string (every row keeps it in its provenance).</param>
/// <param name="Table">Table the rows are in.</param>
/// <param name="File">File the rows came from.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Minerals">Mineral ids covered.</param>
/// <param name="Years">First and last year, or null for tables without years (reserves).</param>
public sealed record StoreDataset(string Source, string Edition, string Table, string File, long Rows, IReadOnlyList<string> Minerals, string? Years);
