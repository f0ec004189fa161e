using Khanij.Core.Text;

namespace Khanij.Ingest.Recognition;

/// <summary>One row of <c>data/catalogue/cues.csv</c>: a word or phrase the extractor reacts to.</summary>
/// <param name="Language"><c>hi</c> or <c>en</c>.</param>
/// <param name="Phrase">The words as they are written (matched by word key: case, nukta and plural folded).</param>
/// <param name="Kind">What the phrase signals (see <see cref="CueCatalogue.Kinds"/>).</param>
/// <param name="Value">The id it stands for, e.g. <c>mou</c> for an instrument, <c>processing</c> for an area.</param>
/// <param name="Line">1-based line in the file, for messages.</param>
internal sealed record CueRow(string Language, string Phrase, string Kind, string Value, int Line);

/// <summary>Reads and validates the cue lexicon (<c>data/catalogue/cues.csv</c>: language, phrase, kind, value, note), so a curator
/// adds a word without a build. Every problem is reported as <c>file:line:column</c> with what was found and what was expected, and
/// nothing is loaded from a file with a problem.</summary>
internal static class CueCatalogue
{
    public const string FileName = "cues.csv";

    private static readonly string[] Columns = ["language", "phrase", "kind", "value", "note"];

    private static readonly string[] InstrumentIds = ["mou", "moc", "protocol", "agreement", "trade_agreement", "joint_statement", "project", "investment"];

    /// <summary>Each kind with the values it allows (null: any lower-case id; empty: any text).</summary>
    public static IReadOnlyDictionary<string, string[]?> Kinds { get; } = new Dictionary<string, string[]?>(StringComparer.Ordinal)
    {
        ["instrument"] = InstrumentIds,
        ["meeting"] = ["meeting", "ministerial", "working_group"],
        ["discussion"] = ["discuss"],
        ["status"] = ["signed", "announced", "approved", "ongoing", "planned"],
        ["future"] = ["future"],
        ["area"] = null,
        ["role"] = [],
        ["both_sides"] = ["both"],
        ["home"] = ["IND"],
        ["home_title"] = ["IND"],
        ["mineral_context"] = ["minerals", "mining"],
        ["cooperation"] = ["cooperation"],
        ["critical_minerals"] = ["critical_minerals"],
        ["currency"] = ["currency"],
        ["region"] = ["region"],
        ["follow_up"] = ["task_team", "next_meeting", "review"],
        ["negation"] = ["not"],
        ["condition"] = ["if"],
    };

    /// <summary>The layer and kind a cue row feeds: entity-layer kinds compete with names (so "Latin American" is not "American"),
    /// signals are matched on their own so that they never hide a cue.</summary>
    public static (CueLayer Layer, EntryKind Kind) Target(string kind) => kind switch
    {
        "instrument" => (CueLayer.Cue, EntryKind.Instrument),
        "meeting" => (CueLayer.Cue, EntryKind.MeetingCue),
        "discussion" => (CueLayer.Cue, EntryKind.DiscussionCue),
        "status" => (CueLayer.Cue, EntryKind.Status),
        "future" => (CueLayer.Cue, EntryKind.Future),
        "area" => (CueLayer.Cue, EntryKind.Area),
        "role" => (CueLayer.Cue, EntryKind.Role),
        "both_sides" => (CueLayer.Cue, EntryKind.BothSides),
        "home" => (CueLayer.Cue, EntryKind.HomeCue),
        "mineral_context" => (CueLayer.Cue, EntryKind.MineralContext),
        "cooperation" => (CueLayer.Cue, EntryKind.Cooperation),
        "home_title" => (CueLayer.Entity, EntryKind.HomeCue),
        "critical_minerals" => (CueLayer.Entity, EntryKind.Mineral),
        "currency" => (CueLayer.Entity, EntryKind.Currency),
        "region" => (CueLayer.Entity, EntryKind.Region),
        "follow_up" => (CueLayer.Signal, EntryKind.FollowUp),
        "negation" => (CueLayer.Signal, EntryKind.Negation),
        "condition" => (CueLayer.Signal, EntryKind.Condition),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown cue kind."),
    };

    /// <summary>Parses and validates the file's text. <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="IngestException">The file has a problem; the message lists each (up to 20) as file:line:column.</exception>
    public static IReadOnlyList<CueRow> Parse(string text, string source)
    {
        CsvTable table;
        try
        {
            table = Csv.Parse(text, source);
        }
        catch (FormatException e)
        {
            throw new IngestException(e.Message);
        }
        var problems = new List<string>();
        for (var i = 0; i < Columns.Length; i++)
        {
            if (i >= table.Header.Count || !string.Equals(table.Header[i], Columns[i], StringComparison.Ordinal))
            {
                throw new IngestException($"{source}:1:1: found the header '{string.Join(",", table.Header)}'; expected '{string.Join(",", Columns)}'.");
            }
        }
        var rows = new List<CueRow>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var r in table.Rows)
        {
            string At(int col) => $"{source}:{r.Line}:{r.ColumnOf(col)}";
            if (r.Fields.Count > Columns.Length)
            {
                problems.Add($"{At(Columns.Length)}: found {r.Fields.Count} fields; expected {Columns.Length} (quote a phrase or note that holds a comma).");
                continue;
            }
            var (language, phrase, kind, value) = (r[0].Trim(), r[1].Trim(), r[2].Trim(), r[3].Trim());
            var before = problems.Count;
            if (language is not ("hi" or "en"))
            {
                problems.Add($"{At(0)}: found language '{language}'; expected 'hi' or 'en'.");
            }
            var devanagari = phrase.Any(c => c is >= '\u0900' and <= '\u097F');
            var tokens = Tokenizer.Tokenize(phrase);
            if (tokens.Count == 0)
            {
                problems.Add($"{At(1)}: found an empty phrase; expected one to {Gazetteer.MaxPhraseWords} words.");
            }
            else if (tokens.Count > Gazetteer.MaxPhraseWords)
            {
                problems.Add($"{At(1)}: found {tokens.Count} words; expected at most {Gazetteer.MaxPhraseWords}.");
            }
            else if ((language == "hi") != devanagari && language is "hi" or "en")
            {
                problems.Add($"{At(1)}: found '{phrase}' for language '{language}'; expected {(language == "hi" ? "Devanagari" : "Latin")} script.");
            }
            if (!Kinds.TryGetValue(kind, out var allowed))
            {
                problems.Add($"{At(2)}: found kind '{kind}'; expected one of {string.Join(", ", Kinds.Keys)}.");
            }
            else if (allowed is null ? !IsId(value) : allowed.Length == 0 ? value.Length == 0 : !allowed.Contains(value, StringComparer.Ordinal))
            {
                var expected = allowed is null ? "a lower-case id (a-z, 0-9, _)" : allowed.Length == 0 ? "a non-empty value" : "one of " + string.Join(", ", allowed);
                problems.Add($"{At(3)}: found value '{value}' for kind '{kind}'; expected {expected}.");
            }
            if (problems.Count > before)
            {
                continue;
            }
            // the matching key, as the gazetteer sees it: short all-capital forms (MOU, EV) match their exact spelling only
            var caseSensitive = phrase.Length <= 5 && phrase.Any(char.IsAsciiLetter) && phrase.Where(char.IsAsciiLetter).All(char.IsAsciiLetterUpper);
            var key = (caseSensitive ? "=" + phrase : string.Join(' ', tokens.Select(t => t.Key)), kind, value);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add($"{At(1)}: found '{phrase}' ({kind} {value}) again; it is already on line {first}. Remove one of them.");
                continue;
            }
            seen[key] = r.Line;
            rows.Add(new CueRow(language, phrase, kind, value, r.Line));
        }
        if (problems.Count > 0)
        {
            throw new IngestException($"{source}: {problems.Count} problem(s), nothing loaded:\n" + string.Join('\n', problems.Take(20))
                + (problems.Count > 20 ? $"\n… and {problems.Count - 20} more." : ""));
        }
        return rows;
    }

    private static bool IsId(string value) =>
        value.Length > 0 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}

/// <summary>Which gazetteer a cue row goes to.</summary>
internal enum CueLayer
{
    /// <summary>Matched with countries, minerals and organisations (longest match wins among them).</summary>
    Entity,
    /// <summary>Event cues: instruments, meetings, status, areas, roles.</summary>
    Cue,
    /// <summary>Follow-ups, negations and conditions, matched separately.</summary>
    Signal,
}
