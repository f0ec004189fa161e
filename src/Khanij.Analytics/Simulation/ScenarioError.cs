namespace Khanij.Analytics.Simulation;

/// <summary>A problem in a scenario file or a <c>--shock</c> value.</summary>
/// <param name="File">File name (or <c>--shock</c>).</param>
/// <param name="Line">1-based line, 0 when not applicable.</param>
/// <param name="Column">1-based column, 0 when not applicable.</param>
/// <param name="Message">What was wrong and what was expected.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
