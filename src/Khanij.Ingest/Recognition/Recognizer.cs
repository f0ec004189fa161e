using Khanij.Ingest.Text;

namespace Khanij.Ingest.Recognition;

/// <summary>Runs both lexicon layers over a sentence and sorts the matches into <see cref="SentenceFacts"/>.</summary>
internal sealed class Recognizer(Lexicon lexicon)
{
    private static readonly string[] FutureSuffixes = ["ेगा", "ेगी", "ेंगे", "ेगे", "एगा", "एगी", "एंगे", "ोगा", "ोगी", "ोंगे", "ाएगा", "ाएंगे"];

    private static readonly HashSet<string> PortfolioHeads = new(
        ((string[])["minister", "ministry", "department", "secretary", "मंत्री", "मंत्रालय", "विभाग", "सचिव"]).Select(Tokenizer.Key),
        StringComparer.Ordinal);

    private static readonly HashSet<string> PortfolioJoiners = new(
        ((string[])["and", "&", ",", "एवं", "और", "तथा", "खान", "mines", "steel", "इस्पात"]).Select(Tokenizer.Key), StringComparer.Ordinal);

    /// <summary>A mineral that is part of a portfolio title: "Minister/Ministry of [Steel and] Coal [and Mines]" or
    /// "कोयला [एवं खान] मंत्री/मंत्रालय" (a few joined portfolio words at most).</summary>
    internal static bool IsPortfolio(IReadOnlyList<Token> tokens, Mention m)
    {
        for (var k = m.FirstToken - 1; k >= 0 && k >= m.FirstToken - 4; k--)
        {
            var key = tokens[k].Key;
            if (key is "of" or "for")
            {
                return k > 0 && PortfolioHeads.Contains(tokens[k - 1].Key);
            }
            if (!PortfolioJoiners.Contains(key))
            {
                break;
            }
        }
        for (var k = m.FirstToken + m.TokenCount; k < tokens.Count && k < m.FirstToken + m.TokenCount + 4; k++)
        {
            var key = tokens[k].Key;
            if (PortfolioHeads.Contains(key))
            {
                return true;
            }
            if (!PortfolioJoiners.Contains(key))
            {
                break;
            }
        }
        return false;
    }

    public SentenceFacts Analyse(string text, Sentence sentence)
    {
        var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
        var entities = lexicon.Entities.Match(tokens);
        var cues = lexicon.CueWords.Match(tokens);
        var signals = lexicon.Signals.Match(tokens);
        var facts = new SentenceFacts { Sentence = sentence, Tokens = tokens, Entities = entities, Cues = cues };
        foreach (var m in entities)
        {
            switch (m.Kind)
            {
                case EntryKind.Country when IsTopic(tokens, m):
                    AddOnce(facts.TopicCountries, m.Id);
                    break;
                case EntryKind.Country:
                    AddOnce(facts.Countries, m.Id);
                    break;
                case EntryKind.Framework:
                    AddOnce(facts.Frameworks, m.Id);
                    break;
                case EntryKind.Mineral when IsPortfolio(tokens, m):
                    break; // "Minister of Coal and Mines", "कोयला एवं खान मंत्री": a title, not the subject
                case EntryKind.Mineral:
                    AddOnce(facts.Minerals, m.Id);
                    break;
                case EntryKind.Organisation when lexicon.Organisations.TryGetValue(m.Id, out var org):
                    if (!facts.Organisations.Contains(org))
                    {
                        facts.Organisations.Add(org);
                    }
                    break;
                case EntryKind.HomeCue:
                    facts.HomeCue = true;
                    break;
                case EntryKind.City when lexicon.Cities.TryGetValue(m.Id, out var city):
                    if (!facts.Cities.Contains(city))
                    {
                        facts.Cities.Add(city);
                    }
                    break;
            }
        }
        foreach (var m in cues)
        {
            switch (m.Kind)
            {
                case EntryKind.Instrument when Negated(tokens, m, signals):
                    break; // "will not be used in any defence project", "समझौते पर हस्ताक्षर नहीं हुए"
                case EntryKind.Instrument:
                    AddOnce(facts.Instruments, m.Id);
                    break;
                case EntryKind.MeetingCue:
                    AddOnce(facts.MeetingCues, m.Id);
                    break;
                case EntryKind.DiscussionCue:
                    facts.Discussion = true;
                    break;
                case EntryKind.Status when m.Id == "signed" && Hedged(tokens, m):
                    AddOnce(facts.Statuses, "planned"); // "हस्ताक्षर हो सकते हैं", "will sign", "expected to be signed"
                    break;
                case EntryKind.Status:
                    AddOnce(facts.Statuses, m.Id);
                    break;
                case EntryKind.Area:
                    AddOnce(facts.Areas, m.Id);
                    break;
                case EntryKind.BothSides:
                    facts.BothSides = true;
                    break;
                case EntryKind.HomeCue:
                    facts.HomeCue = true;
                    break;
                case EntryKind.MineralContext when !entities.Any(e => e.Kind is EntryKind.Organisation && e.Start <= m.Start && m.End <= e.End):
                    facts.MineralContext = true; // "खनिज" inside "खनिज बिदेश इंडिया लिमिटेड" names a company, not minerals
                    break;
                case EntryKind.Future:
                    facts.Future = true;
                    break;
            }
        }
        foreach (var m in signals)
        {
            switch (m.Kind)
            {
                case EntryKind.FollowUp when !IsReviewDone(facts.Tokens, m):
                    facts.FollowUps.Add(m);
                    break;
                case EntryKind.Condition:
                    facts.Conditional = true;
                    break;
            }
        }
        if (facts.Conditional)
        {
            // "if the talks succeed, the two may sign an MoU": nothing has been met, discussed or agreed
            facts.Instruments.Clear();
            facts.MeetingCues.Clear();
            facts.Discussion = false;
        }
        for (var k = 0; k + 1 < tokens.Count && !facts.Future; k++)
        {
            facts.Future = tokens[k].Key is "agreed" or "decided" or "plan" && tokens[k + 1].Key == "to"; // "agreed to set up"
        }
        if (!facts.Future)
        {
            facts.Future = tokens.Any(t => t.Surface.Length > 3 && t.Surface[^1] is '\u093E' or '\u0940' or '\u0947'
                && FutureSuffixes.Any(s => t.Surface.EndsWith(s, StringComparison.Ordinal)));
        }
        return facts;
    }

    /// <summary>An instrument word under a negation: English "not"/"never"/"unlikely" in the six words before it ("would not sign any
    /// new supply pact"), Hindi "नहीं" in the four words after it ("समझौता नहीं हुआ").</summary>
    private static bool Negated(List<Token> tokens, Mention m, List<Mention> signals)
    {
        foreach (var n in signals.Where(s => s.Kind == EntryKind.Negation))
        {
            var before = m.FirstToken - (n.FirstToken + n.TokenCount);
            var after = n.FirstToken - (m.FirstToken + m.TokenCount);
            var hindi = tokens[n.FirstToken].Surface.Any(c => c is >= '\u0900' and <= '\u097F');
            if ((!hindi && before is >= 0 and < 6) || (hindi && after is >= 0 and < 4))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> HindiPastVerbs = new(StringComparer.Ordinal)
    {
        "की", "किया", "किए", "किये", "हुई", "हुआ", "हुए", "था", "थी", "थे", "गया", "गई", "गए", "गयी", "गये", "ली", "लिया", "लिए", "दी", "दिया", "दिए",
    };

    /// <summary>"बैठक हुई, जिसमें प्रगति की समीक्षा की गई": a review that took place (a past passive right after the cue) describes the
    /// meeting itself; only a review still to come ("की जाएगी", "to review progress") is a follow-up.</summary>
    private static bool IsReviewDone(List<Token> tokens, Mention m)
    {
        if (m.Id != "review")
        {
            return false;
        }
        var next = m.FirstToken + m.TokenCount;
        var t1 = next < tokens.Count ? tokens[next].Surface : "";
        var t2 = next + 1 < tokens.Count ? tokens[next + 1].Surface : "";
        return t1 is "हुई" or "हुआ" or "हुए"
            || (t1 is "की" or "किया" or "किये" or "किए" && t2 is "गई" or "गयी" or "गया" or "गए" or "गये" or "थी" or "था" or "थे");
    }

    private static bool HindiFuture(string surface) =>
        surface.Length > 3 && surface[^1] is '\u093E' or '\u0940' or '\u0947' && FutureSuffixes.Any(s => surface.EndsWith(s, StringComparison.Ordinal));

    /// <summary>Whether the verb that governs a time word at <paramref name="position"/> is future: English "will"/"shall" in the
    /// ten words before it (not past a "said"); in Hindi the first verb after the word within its clause (up to और/तथा/एवं or eight words), else any future verb
    /// of the sentence. "agreed to …" does not make a time word future (the agreeing happened).</summary>
    internal static bool FutureAt(SentenceFacts facts, int position)
    {
        var tokens = facts.Tokens;
        var first = tokens.FindIndex(t => t.Start >= position);
        var from = first < 0 ? tokens.Count : first;
        for (var k = from - 1; k >= 0 && k >= from - 10; k--)
        {
            var key = tokens[k].Key;
            if (key is "will" or "shall")
            {
                return true; // "will meet on Tuesday"
            }
            if (key is "said" or "told" or "announced" or "agreed" or "was" or "were" or "had")
            {
                break; // "said on Tuesday it will …": the saying is past
            }
        }
        if (first >= 0)
        {
            for (var k = first + 1; k < tokens.Count && k <= first + 8; k++)
            {
                var t = tokens[k].Surface;
                if (t is "और" or "तथा" or "एवं")
                {
                    break;
                }
                if (HindiFuture(t))
                {
                    return true;
                }
                if (HindiPastVerbs.Contains(t))
                {
                    return false;
                }
            }
        }
        return tokens.Any(t => HindiFuture(t.Surface));
    }

    private static readonly HashSet<string> TopicBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "outside", "excluding", "except", "beyond", "than", "against", "rival", "besides", "unlike", "without",
    };

    /// <summary>A country named as a topic, not a participant: "plants outside China", "dependence on China",
    /// "चीन के बाहर", "चीन पर निर्भरता", "चीन से आयात".</summary>
    private static bool IsTopic(List<Token> tokens, Mention m)
    {
        var prev = m.FirstToken - 1;
        if (prev >= 0 && TopicBefore.Contains(tokens[prev].Surface))
        {
            return true;
        }
        if (prev >= 1 && tokens[prev].Surface is "on" or "upon" && tokens[prev - 1].Key is "dependence" or "reliance" or "dependency" or "dependent" or "reliant")
        {
            return true;
        }
        var next = m.FirstToken + m.TokenCount;
        string Next(int k) => next + k < tokens.Count ? tokens[next + k].Surface : "";
        return (Next(0) == "के" && Next(1) is "बाहर" or "अलावा" or "खिलाफ" or "विरुद्ध" or "मुकाबले")
            || (Next(0) == "पर" && Next(1).StartsWith("निर्भर", StringComparison.Ordinal))
            || (Next(0) == "से" && Next(1) is "आयात" or "निर्भरता" or "दूरी");
    }

    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "संभव", "सकते", "सकता", "सकती", "संभावना", "उम्मीद", "will", "would", "may", "might", "could", "expected", "likely", "to", "plan", "proposed",
    };

    /// <summary>A signing that has not happened yet: a modal or future word within two words before or three after the cue.</summary>
    private static bool Hedged(List<Token> tokens, Mention m)
    {
        for (var k = Math.Max(0, m.FirstToken - 2); k < Math.Min(tokens.Count, m.FirstToken + m.TokenCount + 3); k++)
        {
            if (k >= m.FirstToken && k < m.FirstToken + m.TokenCount)
            {
                continue;
            }
            var t = tokens[k].Surface;
            if (Hedges.Contains(tokens[k].Key) || (t.Length > 3 && FutureSuffixes.Any(f => t.EndsWith(f, StringComparison.Ordinal))))
            {
                return true;
            }
        }
        return false;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
