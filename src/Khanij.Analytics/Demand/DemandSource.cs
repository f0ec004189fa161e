namespace Khanij.Analytics.Demand;

/// <summary>A document a demand scenario cites (or, when <see cref="IsAssumption"/> is true, an analyst's stated assumption).</summary>
/// <param name="Id">Key used by deployment rows, e.g. <c>cea-nep-2023</c>.</param>
/// <param name="Publisher">Who published it, e.g. <c>Central Electricity Authority, Government of India</c>.</param>
/// <param name="Document">Title of the document or announcement.</param>
/// <param name="Year">Year of publication.</param>
/// <param name="Url">Where to read it, or null.</param>
/// <param name="IsAssumption">True when the entry is not a publication but an assumption of the file's author; its figures are
/// labelled as assumptions in every output.</param>
/// <param name="Note">What exactly the document says, or why the assumption was made; may be null.</param>
public sealed record DemandSource(string Id, string Publisher, string Document, int Year, string? Url, bool IsAssumption, string? Note)
{
    /// <summary>The note in Hindi (<c>note_hi</c>), or null when the file gives none.</summary>
    public string? NoteHi { get; init; }

    /// <summary>"Publisher, Document (Year)", with "assumption:" in front when it is one.</summary>
    public string Citation => (IsAssumption ? "assumption: " : "") + $"{Publisher}, {Document} ({Year})";
}
