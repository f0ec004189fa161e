namespace Khanij.Data.Import;

/// <summary>Everything read from a data pack, held in memory until it has been checked; only then is it written.</summary>
internal sealed class PackData
{
    private readonly Dictionary<string, List<object?[]>> _tables = Schema.Tables.ToDictionary(t => t.Name, _ => new List<object?[]>());

    public IReadOnlyDictionary<string, List<object?[]>> Tables => _tables;

    public List<SourceInfo> Sources { get; } = [];

    /// <summary>Findings that do not stop the import (e.g. the cross-source check), in the order found.</summary>
    public List<string> Warnings { get; } = [];

    public void Add(string table, object?[] row) => _tables[table].Add(row);

    public int Count(string table) => _tables[table].Count;
}

/// <summary>One file of the pack as recorded in the <c>sources</c> table.</summary>
internal sealed record SourceInfo(
    string File, string Dataset, string Publisher, string Edition, string Licence, string Tables,
    int FileRows, int ImportedRows, int ExcludedRows, string Exclusions, string Sha256);
