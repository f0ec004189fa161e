namespace Khanij.Data;

/// <summary>The outcome of an import. When <see cref="Errors"/> is not empty nothing was written.</summary>
/// <param name="Errors">Every problem found, in file order.</param>
/// <param name="Counts">Rows per table after the import (the previous counts when the import failed).</param>
public sealed record ImportResult(IReadOnlyList<ImportError> Errors, IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>True when the pack was imported.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Findings that did not stop the import (e.g. two sources' world totals more than 3× apart); empty when there are none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
