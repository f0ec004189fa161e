namespace Khanij.Data;

/// <summary>One data file as imported: who published it, which edition, its licence, and how many of its rows were imported or excluded.</summary>
/// <param name="File">File name relative to the data directory.</param>
/// <param name="Dataset">Short dataset id (e.g. <c>usgs</c>, <c>iea</c>, <c>trademap</c>).</param>
/// <param name="Publisher">Original publisher (and compiler).</param>
/// <param name="Edition">Edition or vintage.</param>
/// <param name="Licence">Licence as the source states it.</param>
/// <param name="Tables">Tables the rows went to.</param>
/// <param name="FileRows">Data rows in the file.</param>
/// <param name="ImportedRows">Rows imported.</param>
/// <param name="ExcludedRows">Rows deliberately not imported.</param>
/// <param name="Exclusions">What was excluded and why (empty when nothing was).</param>
/// <param name="Sha256">SHA-256 of the file's bytes.</param>
public sealed record StoreSource(
    string File, string Dataset, string Publisher, string Edition, string Licence, string Tables,
    int FileRows, int ImportedRows, int ExcludedRows, string Exclusions, string Sha256);
