using System.Text;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Text;
using Khanij.Data;
using Khanij.Ingest.Amounts;
using Khanij.Ingest.Dates;
using Khanij.Ingest.Events;
using Khanij.Ingest.Html;
using Khanij.Ingest.Recognition;
using Khanij.Ingest.Text;

namespace Khanij.Ingest;

/// <summary>News ingestion: text or HTML in, cooperation events out. Stages: decode → HTML to text → normalise → boilerplate →
/// sentences → recognition (countries, frameworks, minerals, organisations, cities, cues) → dates and amounts → events → merge
/// across documents. No network, no models; every stage is linear in the input. Thread-safe: one instance can serve many calls.</summary>
public sealed class IngestPipeline
{
    private readonly Lexicon _lexicon;
    private readonly Recognizer _recognizer;
    private readonly EventExtractor _extractor;

    private readonly IPhrasebook _phrases;

    private IngestPipeline(Lexicon lexicon, IReadOnlySet<string> frameworkIds, IPhrasebook phrases)
    {
        _phrases = phrases;
        _lexicon = lexicon;
        _recognizer = new Recognizer(lexicon);
        _extractor = new EventExtractor(frameworkIds);
    }

    /// <summary>Builds the pipeline from the catalogue and <c>catalogue/organisations.csv</c> and <c>catalogue/cities.csv</c> of
    /// <paramref name="dataDir"/> (default: the located data pack). The warnings come from <paramref name="phrases"/> (the message catalogue,
    /// read in the language of each call; null gives message keys only).</summary>
    public static IngestPipeline Create(KhanijCatalogue catalogue, string? dataDir = null, IPhrasebook? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var dir = dataDir ?? DataDirectory.Locate();
        string? Read(string name)
        {
            var path = Path.Combine(dir, "catalogue", name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        var cues = Read(CueCatalogue.FileName)
            ?? throw new IngestException($"{Path.Combine(dir, "catalogue", CueCatalogue.FileName)}: not found; the cue lexicon (language, phrase, kind, value, note) is needed to read news.");
        var lexicon = Lexicon.Build(catalogue, Read("organisations.csv"), Read("cities.csv"), cues, Path.Combine(dir, "catalogue", CueCatalogue.FileName));
        return new IngestPipeline(lexicon, catalogue.Frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal), phrases ?? IPhrasebook.Keys);
    }

    /// <summary>Builds the pipeline from the bundled data pack.</summary>
    public static IngestPipeline CreateDefault(string? dataDir = null) => Create(CatalogueLoader.Load(dataDir), dataDir);

    /// <summary>Extracts events from a file (UTF-8 text or HTML). <c>doc</c> of each event is the file's name.</summary>
    /// <exception cref="IngestException">The file is binary, not UTF-8, or too large; the message says where.</exception>
    public async Task<IngestResult> ExtractFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Extract(Path.GetFileName(path), bytes, path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase), cancellationToken);
    }

    /// <summary>Extracts events from bytes (UTF-8, with or without BOM).</summary>
    public IngestResult Extract(string docName, ReadOnlySpan<byte> bytes, bool? isHtml = null, CancellationToken cancellationToken = default)
    {
        var text = InputDecoder.Decode(bytes, docName);
        return Run(docName, text, isHtml, cancellationToken);
    }

    /// <summary>Extracts events from text (plain or HTML, detected unless <paramref name="isHtml"/> says).</summary>
    public Task<IngestResult> ExtractAsync(string docName, string text, bool? isHtml = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docName);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > InputDecoder.MaxBytes)
        {
            throw new IngestException($"{docName}: {text.Length:N0} characters is more than the {InputDecoder.MaxBytes:N0} allowed for one document.");
        }
        return Task.FromResult(Run(docName, text, isHtml, cancellationToken));
    }

    /// <summary>Merges the same event reported by several documents (or in two languages) into one event that lists every source.</summary>
    public static IReadOnlyList<CooperationEvent> Merge(IEnumerable<IngestResult> results) => EventMerger.Merge(results);

    private IngestResult Run(string docName, string input, bool? isHtml, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var html = isHtml ?? HtmlToText.LooksLikeHtml(input);
        string? metaPublished = null;
        var original = html ? HtmlToText.Convert(input, out metaPublished) : input;
        var source = SourceText.From(original);
        var text = source.Text;
        var folded = FoldDigits(text);
        var lines = Boilerplate.Classify(text, folded);
        cancellationToken.ThrowIfCancellationRequested();
        var published = Published(text, folded, lines, DateParser.ParseIsoPrefix(metaPublished));
        var sentences = SentenceSplitter.Split(text, source, lines);
        var facts = new List<SentenceFacts>(sentences.Count);
        DateMention? lastRange = null;
        foreach (var s in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var f = _recognizer.Analyse(text, s);
            var slice = folded[s.Start..s.End];
            foreach (var d in DateParser.Find(slice))
            {
                var at = d with { Start = d.Start + s.Start, End = d.End + s.Start };
                f.Dates.Add(at.TenseDependent || at.Weekday is not null || at.Month > 0 ? at.ForTense(Recognizer.FutureAt(f, at.Start)) : at);
            }
            // "On the final day, … signed …", "सम्मेलन के दूसरे दिन": that day of the range stated before (or earlier in this sentence)
            if (DateParser.FindRangeDay(slice) is var (rs, re, dayIndex) && rs >= 0)
            {
                var range = f.Dates.LastOrDefault(d => d.RangeEnd > 0 && d.Start < rs + s.Start) ?? lastRange;
                if (range?.DayOfRange(rs + s.Start, re + s.Start, dayIndex) is { } rangeDay)
                {
                    f.Dates.Insert(f.Dates.Count(d => d.Start < rangeDay.Start), rangeDay);
                }
            }
            lastRange = f.Dates.LastOrDefault(d => d.RangeEnd > 0) ?? lastRange;
            if ((f.Instruments.Count > 0 || f.MineralRelevant) && slice.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                f.Amounts.AddRange(AmountParser.Find(slice));
            }
            facts.Add(f);
        }
        ResolveBareCongo(facts);
        int dev = 0, lat = 0;
        foreach (var l in lines.Where(l => l.Kind is LineKind.Body or LineKind.Heading))
        {
            var (d, la) = Script.Count(text.AsSpan(l.Start, l.Length));
            dev += d;
            lat += la;
        }
        var language = Script.Language(dev, lat);
        // India is the home country when the article names it (or an Indian body or a Union minister); a Hindi article about
        // other countries' dealings does not make India a party
        var home = facts.Any(f => f.Countries.Contains("IND") || f.HomeCue || f.Organisations.Any(o => o.Country == "IND")) ? "IND" : null;
        var pair = facts.SelectMany(f => f.PartyCountries.Distinct()).GroupBy(c => c, StringComparer.Ordinal)
            .Select((g, i) => (g.Key, Count: g.Count(), First: i)).OrderByDescending(x => x.Count).ThenBy(x => x.First).Take(2).Select(x => x.Key).ToList();
        var docFacts = new DocumentFacts(docName, language, published, facts, pair, home);
        var events = _extractor.Extract(docFacts);
        if (published is null)
        {
            warnings.Add(_phrases.Format("Ingest_NoDate"));
        }
        if (sentences.Count == 0)
        {
            warnings.Add(_phrases.Format(text.Length == 0 ? "Ingest_Empty" : "Ingest_NoArticleText"));
        }
        var title = lines.FirstOrDefault(l => l.Kind == LineKind.Heading) is { } h ? source.Verbatim(h.Start, h.End) : null;
        var document = new IngestDocument(docName, original, language, published is { } p ? DateParser.Iso8601(p) : null, title, html,
            sentences.Count, lines.Count(l => l.Kind == LineKind.Boilerplate));
        return new IngestResult(document, events, warnings);
    }

    /// <summary>At most four words, each capitalised (Latin) or Devanagari: "WASHINGTON", "New Delhi", "नई दिल्ली".</summary>
    private static bool IsPlaceName(ReadOnlySpan<char> span)
    {
        var words = span.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && words.All(w => char.IsUpper(w[0]) || w[0] is >= '\u0900' and <= '\u097F');
    }

    /// <summary>A bare "Congo"/"कॉंगो" is the Republic of the Congo in the catalogue, but a story that also names the Democratic
    /// Republic of the Congo (DRC, Congolese, कांगो (डीआरसी)) means the DRC by the short form, as news writing does.</summary>
    internal static void ResolveBareCongo(IReadOnlyList<SentenceFacts> facts)
    {
        if (!facts.Any(f => f.Countries.Contains("COD")))
        {
            return;
        }
        foreach (var f in facts)
        {
            var bare = f.Entities.Any(e => e.Kind == EntryKind.Country && e.Id == "COG" && e.TokenCount == 1);
            if (bare && !f.Entities.Any(e => e.Kind == EntryKind.Country && e.Id == "COG" && e.TokenCount > 1))
            {
                f.Countries.Remove("COG");
                if (!f.Countries.Contains("COD"))
                {
                    f.Countries.Add("COD");
                }
            }
        }
    }

    /// <summary>The publication date, from what the page prints, in this order: a labelled date (Published, प्रकाशित, Posted …); an
    /// unlabelled byline or date line ("Mar 13, 2026 01:42 pm IST", "Site Admin | फ़रवरी 27, 2025"); a date in the page's URL; the
    /// wire dateline ("LIMA, June 10 (Reuters)", "नई दिल्ली, 19सितंबर", its year taken from the other dates of the page); an "Updated"
    /// stamp; last, a page-header date (a weekday and today's date, "शनिवार, 22 नवंबर 2025"), which is the day the page was
    /// viewed, not written, and is used only when nothing else is printed. HTML publication metadata (<paramref name="meta"/>) comes
    /// after the dateline and before the update stamp and the header date.</summary>
    internal static DateOnly? Published(string text, string folded, IReadOnlyList<DocLine> lines, DateOnly? meta = null)
    {
        DateOnly? publishedLabel = null, unlabelled = null, updated = null, header = null, url = null;
        string? pendingLabel = null;
        foreach (var line in lines.Where(l => l.Kind == LineKind.Metadata))
        {
            var raw = text.Substring(line.Start, line.Length);
            if (Boilerplate.IsUrl(raw))
            {
                url ??= DateParser.FromUrl(raw);
                continue;
            }
            var lower = raw.ToLowerInvariant();
            var lineFolded = folded.Substring(line.Start, line.Length);
            var date = DateParser.Find(lineFolded).Select(d => d.Date).FirstOrDefault(d => d is not null);
            var label = IsUpdate(lower) ? "updated" : IsPublished(lower) ? "published" : pendingLabel;
            if (date is null)
            {
                pendingLabel = label;
                continue;
            }
            pendingLabel = null;
            switch (label)
            {
                case "updated":
                    updated ??= date;
                    break;
                case "published":
                    publishedLabel ??= date;
                    break;
                default:
                    if (!DateParser.HasClock(lineFolded) && DateParser.HasWeekdayDate(lineFolded))
                    {
                        header ??= date;
                    }
                    else
                    {
                        unlabelled ??= date;
                    }
                    break;
            }
        }
        var printed = publishedLabel ?? unlabelled ?? url;
        // the page's own publication metadata (article:published_time, JSON-LD) outranks an update stamp and a header date
        return printed ?? DatelineDate(text, folded, lines, meta ?? updated ?? header) ?? meta ?? updated ?? header;
    }

    /// <summary>A wire dateline dates the story when no metadata line does: place, comma, a date, then a dash, an agency in brackets
    /// or a danda ("WASHINGTON, May 6, 2026 - …", "Lima, 4 March 2026 (Reuters) –", "New Delhi, Nov 13 (IANS)", "नई दिल्ली, 19सितंबर।").
    /// A date without its year takes the year that puts it on or before <paramref name="yearHint"/> (another date the page prints),
    /// and stays unresolved without one.</summary>
    internal static DateOnly? DatelineDate(string text, string folded, IReadOnlyList<DocLine> lines, DateOnly? yearHint = null)
    {
        foreach (var line in lines.Where(l => l.Kind == LineKind.Body).Take(3))
        {
            var head = text.AsSpan(line.Start, Math.Min(line.Length, 60));
            var comma = head.IndexOf(',');
            if (comma < 2 || !char.IsLetter(head[0]) || head[..comma].ContainsAny(".!?:।".AsSpan()) || !IsPlaceName(head[..comma]))
            {
                continue;
            }
            var rest = head[(comma + 1)..];
            var stop = rest.IndexOfAny("-–—(।:".AsSpan());
            if (stop < 0)
            {
                continue;
            }
            var offset = line.Start + comma + 1;
            var mention = DateParser.Find(folded.Substring(offset, stop)).FirstOrDefault(d => d.Date is not null || d.Month > 0);
            if (mention?.Date is { } d)
            {
                return d;
            }
            if (mention is { Month: > 0 } partial && yearHint is { } hint)
            {
                var candidate = DateParser.TryDate(hint.Year, partial.Month, partial.Day);
                return candidate is { } c && c > hint ? DateParser.TryDate(hint.Year - 1, partial.Month, partial.Day) : candidate;
            }
        }
        return null;
    }

    private static bool IsUpdate(string lower) =>
        lower.Contains("updated", StringComparison.Ordinal) || lower.Contains("update", StringComparison.Ordinal)
        || lower.Contains("अपडेट", StringComparison.Ordinal) || lower.Contains("संशोधित", StringComparison.Ordinal);

    private static bool IsPublished(string lower) =>
        lower.Contains("published", StringComparison.Ordinal) || lower.Contains("प्रकाशित", StringComparison.Ordinal)
        || lower.Contains("posted", StringComparison.Ordinal) || lower.Contains("प्रविष्टि", StringComparison.Ordinal)
        || lower.Contains("दिनांक", StringComparison.Ordinal) || lower.Contains("date", StringComparison.Ordinal);

    private static string FoldDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= '\u0966' and <= '\u096F' ? (char)('0' + (c - '\u0966')) : c);
        }
        return sb.ToString();
    }
}
