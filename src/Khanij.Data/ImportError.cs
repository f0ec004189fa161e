namespace Khanij.Data;

/// <summary>One problem found while importing the data pack: where it is and what was expected.</summary>
/// <param name="Source">The data file, relative to the data directory (e.g. <c>iea_cmo2025_demand.csv</c>).</param>
/// <param name="Line">1-based line in that file (0 when the problem concerns the whole file, e.g. it is missing).</param>
/// <param name="Column">1-based character column (0 when not applicable).</param>
/// <param name="Message">What was found and what was expected.</param>
public sealed record ImportError(string Source, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: message</c>, the form editors and terminals link to; <c>file: message</c> when the problem is the
    /// whole file (line 0), so a missing file never reads as a fault at "line 0, column 0".</summary>
    public override string ToString() => Line <= 0 ? $"{Source}: {Message}" : $"{Source}:{Line}:{Math.Max(Column, 1)}: {Message}";
}
