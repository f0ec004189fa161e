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
