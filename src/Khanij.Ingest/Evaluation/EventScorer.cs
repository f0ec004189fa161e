using System.Text.Json;

namespace Khanij.Ingest.Evaluation;

/// <summary>A port of <c>shared/tools/score_events.py</c>: the same matching, the same figures. Works on JSON values, so that
/// missing fields, nulls and alternatives behave exactly as they do in Python.</summary>
public static class EventScorer
{
    /// <summary>Events of a gold or prediction file: <c>{"events": [...]}</c> or a bare list.</summary>
    public static IReadOnlyList<JsonElement> LoadEvents(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new IngestException($"{source}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({e.Message}); "
                + "expected {\"events\": [...]} or a list of events.");
        }
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
        {
            return [.. events.EnumerateArray()];
        }
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray()];
        }
        throw new IngestException($"{source}:1:1: found a JSON {root.ValueKind}; expected an object with an \"events\" array or a list of events.");
    }

    /// <summary>Scores <paramref name="pred"/> against <paramref name="gold"/>. <paramref name="docsDir"/> (optional) holds the documents,
    /// for the verbatim-evidence check. <paramref name="strict"/> is the script's <c>--strict</c> (needs <paramref name="docsDir"/>): every
    /// article of the folder counts (a prediction on one without gold events is a false positive), a prediction matched to an optional
    /// gold event is left out of precision, and optional mineral values are neutral.</summary>
    public static EventScore Score(IReadOnlyList<JsonElement> gold, IReadOnlyList<JsonElement> pred, string? docsDir, bool strict = false)
    {
        if (strict && docsDir is null)
        {
            throw new IngestException("--strict needs --docs DIR: the articles, including those with no gold event.");
        }
        var goldDocs = new HashSet<string>(gold.Select(g => NormDoc(PyText.Str(Get(g, "doc")))), StringComparer.Ordinal);
        if (strict)
        {
            goldDocs.UnionWith(ArticleNames(docsDir!));
        }
        var preds = pred.Where(p => goldDocs.Contains(NormDoc(GetStrOr(p, "doc", "")))).ToList();
        var coreOccasions = new HashSet<string>(gold.Where(g => !Truthy(Get(g, "optional"))).Select(Occasion), StringComparer.Ordinal);

        var matched = 0;
        var neutralPreds = 0;
        var detected = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(double Parties, double Minerals, double Instrument, bool? Date)>();
        foreach (var p in preds)
        {
            var pdoc = NormDoc(PyText.Str(Get(p, "doc")));
            JsonElement? best = null;
            var bestSim = double.NegativeInfinity;
            foreach (var g in gold)
            {
                if (NormDoc(PyText.Str(Get(g, "doc"))) != pdoc)
                {
                    continue;
                }
                var s = Similarity(p, g);
                if (s > bestSim)
                {
                    bestSim = s;
                    best = g;
                }
            }
            if (best is not { } b || bestSim < 1.0)
            {
                continue;
            }
            if (strict && Truthy(Get(b, "optional")))
            {
                neutralPreds++;
                continue;
            }
            matched++;
            if (!Truthy(Get(b, "optional")))
            {
                detected.Add(Occasion(b));
                var optionalValues = Get(b, "optional_values");
                var neutral = OptionalValues(optionalValues, "parties");
                var neutralMinerals = strict ? OptionalValues(optionalValues, "minerals") : [];
                rows.Add((SetF1(AsSet(Get(p, "parties")), AsSet(Get(b, "parties")), neutral),
                    SetF1(AsSet(Get(p, "minerals")), AsSet(Get(b, "minerals")), neutralMinerals),
                    Instruments(b).Contains(PredInstrument(p)) ? 1.0 : 0.0,
                    DateOk(p, b)));
            }
        }

        var counted = preds.Count - neutralPreds;
        var precision = counted > 0 ? (double)matched / counted : 0.0;
        var recall = coreOccasions.Count > 0 ? (double)detected.Count(coreOccasions.Contains) / coreOccasions.Count : 1.0;
        var f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);

        int? evidenceOk = null;
        var evidenceTotal = 0;
        if (docsDir is not null)
        {
            evidenceOk = 0;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in preds)
            {
                var name = NormDoc(PyText.Str(Get(p, "doc")));
                if (!texts.TryGetValue(name, out var text))
                {
                    var path = Path.Combine(docsDir, name);
                    text = name.Length > 0 && File.Exists(path) ? PyText.ReadUniversal(path) : "";
                    texts[name] = text;
                }
                var evidence = Get(p, "evidence");
                if (evidence.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var ev in evidence.EnumerateArray())
                {
                    evidenceTotal++;
                    if (ev.ValueKind == JsonValueKind.String && ev.GetString() is { Length: > 0 } s && text.Contains(s, StringComparison.Ordinal))
                    {
                        evidenceOk++;
                    }
                }
            }
        }

        return new EventScore(goldDocs.Count, coreOccasions.Count, preds.Count, matched, precision, recall, f1, rows.Count,
            Mean(rows.Select(r => (double?)r.Parties)), Mean(rows.Select(r => (double?)r.Minerals)),
            Mean(rows.Select(r => (double?)r.Instrument)), Mean(rows.Select(r => r.Date is null ? (double?)null : r.Date.Value ? 1.0 : 0.0)),
            evidenceOk, evidenceTotal, strict, neutralPreds);
    }

    /// <summary>The article names of a folder as the script lists them in strict mode: entries whose suffix (Python's
    /// <c>Path.suffix</c>, lower-cased) is .txt, .html or .htm.</summary>
    public static IReadOnlyList<string> ArticleNames(string docsDir) =>
        [.. Directory.EnumerateFileSystemEntries(docsDir).Select(Path.GetFileName).OfType<string>()
            .Where(n => PySuffix(n).ToLowerInvariant() is ".txt" or ".html" or ".htm").Order(StringComparer.Ordinal)];

    private static string PySuffix(string name)
    {
        // pathlib: the part from the last dot, unless the dot is the first or the last character.
        var i = name.LastIndexOf('.');
        return i > 0 && i < name.Length - 1 ? name[i..] : "";
    }

    private static HashSet<string> OptionalValues(JsonElement optionalValues, string field) =>
        optionalValues.ValueKind == JsonValueKind.Object && optionalValues.TryGetProperty(field, out var v) ? AsSet(v) : [];

    internal static double Similarity(JsonElement p, JsonElement g)
    {
        var gp = AsSet(Get(g, "parties"));
        var pp = AsSet(Get(p, "parties"));
        var inst = Instruments(g).Contains(PredInstrument(p)) ? 1.0 : 0.0;
        double baseScore;
        if (gp.Count > 0)
        {
            var overlap = gp.Count(pp.Contains);
            if (overlap == 0)
            {
                return 0.0;
            }
            baseScore = 2.0 * overlap / gp.Union(pp).Count();
        }
        else
        {
            if (inst == 0.0)
            {
                return 0.0;
            }
            baseScore = 0.5;
        }
        return baseScore + inst + (0.5 * SetF1(AsSet(Get(p, "minerals")), AsSet(Get(g, "minerals")), []));
    }

    internal static double SetF1(HashSet<string> pred, HashSet<string> gold, HashSet<string> neutral)
    {
        var p = new HashSet<string>(pred, StringComparer.Ordinal);
        p.ExceptWith(neutral.Where(n => !gold.Contains(n)));
        if (p.Count == 0 && gold.Count == 0)
        {
            return 1.0;
        }
        if (p.Count == 0 || gold.Count == 0)
        {
            return 0.0;
        }
        var tp = p.Count(gold.Contains);
        if (tp == 0)
        {
            return 0.0;
        }
        double precision = (double)tp / p.Count, recall = (double)tp / gold.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static bool? DateOk(JsonElement p, JsonElement g)
    {
        var accepted = new List<JsonElement> { Get(g, "date") };
        var alternatives = Get(g, "date_alternatives");
        if (alternatives.ValueKind == JsonValueKind.Array)
        {
            accepted.AddRange(alternatives.EnumerateArray());
        }
        accepted.RemoveAll(a => a.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);
        if (accepted.Count == 0)
        {
            return null;
        }
        var pd = Get(p, "date");
        return accepted.Any(a => JsonEquals(a, pd));
    }

    private static bool JsonEquals(JsonElement a, JsonElement b) =>
        (a.ValueKind, b.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => a.GetString() == b.GetString(),
            (JsonValueKind.Number, JsonValueKind.Number) => a.GetDouble().Equals(b.GetDouble()),
            _ => a.ValueKind == b.ValueKind && a.ValueKind is JsonValueKind.True or JsonValueKind.False,
        };

    private static HashSet<string> Instruments(JsonElement g)
    {
        var values = new List<JsonElement> { Get(g, "instrument") };
        var alternatives = Get(g, "instrument_alternatives");
        if (alternatives.ValueKind == JsonValueKind.Array)
        {
            values.AddRange(alternatives.EnumerateArray());
        }
        return AsSet(values);
    }

    private static string PredInstrument(JsonElement p)
    {
        var v = Get(p, "instrument");
        return (v.ValueKind == JsonValueKind.Undefined ? "" : PyText.Str(v)).ToLowerInvariant();
    }

    private static HashSet<string> AsSet(JsonElement values)
    {
        if (!Truthy(values))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        return values.ValueKind switch
        {
            JsonValueKind.Array => AsSet(values.EnumerateArray()),
            JsonValueKind.String => AsSet(values.GetString()!.Select(c => c.ToString())),
            JsonValueKind.Object => AsSet(values.EnumerateObject().Select(o => o.Name)),
            _ => new HashSet<string>(StringComparer.Ordinal),
        };
    }

    private static HashSet<string> AsSet(IEnumerable<JsonElement> values) => AsSet(values.Select(PyText.Str));

    private static HashSet<string> AsSet(IEnumerable<string> values)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            var s = v.Trim();
            if (s.Length > 0)
            {
                set.Add(s.ToLowerInvariant());
            }
        }
        return set;
    }

    private static double Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count > 0 ? list.Sum() / list.Count : 0.0;
    }

    private static string Occasion(JsonElement g)
    {
        var occasion = Get(g, "occasion");
        return Truthy(occasion) ? PyText.Str(occasion) : PyText.Str(Get(g, "id"));
    }

    private static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static string GetStrOr(JsonElement e, string name, string fallback)
    {
        var v = Get(e, name);
        return v.ValueKind == JsonValueKind.Undefined ? fallback : PyText.Str(v);
    }

    private static bool Truthy(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => v.GetString()!.Length > 0,
        JsonValueKind.Array => v.GetArrayLength() > 0,
        JsonValueKind.Object => v.EnumerateObject().Any(),
        JsonValueKind.Number => v.GetDouble() != 0,
        _ => true,
    };

    private static string NormDoc(string name)
    {
        // Python's Path(name).name: the last component after '/'; "" for "" or ".".
        var trimmed = name.TrimEnd('/');
        var i = trimmed.LastIndexOf('/');
        var last = i >= 0 ? trimmed[(i + 1)..] : trimmed;
        return last == "." ? "" : last;
    }
}
