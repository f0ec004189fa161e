using Khanij.Core.Events;
using Khanij.Ingest.Recognition;

namespace Khanij.Ingest.Events;

/// <summary>Officials with roles: a role word (मंत्री, सचिव, Minister, Secretary …) with the portfolio words before it and the
/// name after it ("केंद्रीय खान मंत्री जी. किशन रेड्डी", "Minister of Mines Kishan Reddy"), or "Name, Role of …" in English.
/// Hindi names are kept as written; portfolios are put into English from a small word list.</summary>
internal static class Officials
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "ने", "के", "की", "का", "से", "को", "में", "और", "एवं", "तथा", "द्वारा", "पर", "भी", "है", "हैं", "था", "थे", "ही", "तो", "व", "या",
        "ने,", "श्री", "श्रीमती", "डॉ", "उन्होंने", "उनके", "साथ", "नेतृत्व", "said", "says", "and", "the", "of", "on", "in", "at", "to", "with",
        "for", "has", "had", "was", "is", "who", "also", "met", "said,",
    };

    private static readonly (string Hindi, string English)[] Portfolio =
    [
        ("खान", "Mines"), ("खनन", "Mines"), ("इस्पात", "Steel"), ("भारी", "Heavy"), ("उद्योग", "Industries"), ("विदेश", "External Affairs"),
        ("वित्त", "Finance"), ("वाणिज्य", "Commerce"), ("इलेक्ट्रॉनिक्स", "Electronics"), ("सूचना", "Information"), ("प्रौद्योगिकी", "Technology"),
        ("प्राकृतिक", "Natural"), ("संसाधन", "Resources"), ("ऊर्जा", "Energy"), ("कोयला", "Coal"), ("रक्षा", "Defence"), ("व्यापार", "Trade"),
        ("केंद्रीय", "Union"), ("उप", "Deputy"), ("संयुक्त", "Joint"), ("अतिरिक्त", "Additional"), ("ट्रेजरी", "Treasury"),
    ];

    private static bool CommaBetween(SentenceFacts s, Token left, Token right)
    {
        var verbatim = s.Sentence.Verbatim;
        if (verbatim.Length != s.Sentence.End - s.Sentence.Start)
        {
            return false; // evidence text differs in length from the normalised text; offsets would not line up
        }
        var from = left.End - s.Sentence.Start;
        var to = right.Start - s.Sentence.Start;
        return from >= 0 && to <= verbatim.Length && from < to && verbatim.AsSpan(from, to - from).Contains(',');
    }

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Shri", "Smt", "Mr", "Ms", "Mrs", "Dr", "Sh" };

    /// <summary>The capitalised words ending at token <paramref name="last"/> (at most four besides initials), stopping at a
    /// lower-case word, a comma, an entity or an honorific.</summary>
    private static List<string> NameBefore(SentenceFacts s, int last)
    {
        var name = new List<string>();
        for (var j = last; j >= 0 && name.Count(t => t.Length > 1) < 4; j--)
        {
            var t = s.Tokens[j].Surface;
            if (!char.IsUpper(t[0]) || Honorifics.Contains(t) || s.Entities.Any(e => e.FirstToken <= j && j < e.FirstToken + e.TokenCount)
                || s.Cues.Any(c => c.FirstToken <= j && j < c.FirstToken + c.TokenCount) || (j < last && CommaBetween(s, s.Tokens[j], s.Tokens[j + 1])))
            {
                break;
            }
            name.Insert(0, t.Length == 1 ? t + "." : t);
        }
        return name.Count(t => t.Length > 2) >= 1 ? name : [];
    }

    public static IEnumerable<Official> Find(SentenceFacts s, string? home)
    {
        var tokens = s.Tokens;
        foreach (var role in s.Cues.Where(c => c.Kind == EntryKind.Role))
        {
            var after = role.FirstToken + role.TokenCount;
            var latin = tokens[role.FirstToken].Surface.Any(char.IsAsciiLetter);
            var nameTokens = new List<string>();
            var englishPortfolio = new List<string>();
            string? titleCountry = null;
            if (latin)
            {
                // "Secretary of State Marco Rubio", "Minister Penny Wong": a run of capitalised words; with "of", the last two are the name
                var run = new List<string>();
                var sawOf = false;
                for (var j = after; j < tokens.Count && run.Count < 6; j++)
                {
                    var t = tokens[j].Surface;
                    if (j > after && CommaBetween(s, tokens[j - 1], tokens[j]))
                    {
                        break; // "Minister of Coal and Mines, and Ms. …": the title ends at the comma
                    }
                    if (t is "of" or "for" or "and" && (run.Count == 0 || sawOf))
                    {
                        sawOf = true;
                        run.Add(t);
                        continue;
                    }
                    if (!char.IsUpper(t[0]) || s.Cues.Any(c => c.FirstToken == j && c.Kind == EntryKind.Role)
                        || (run.Count > 0 && s.Entities.Any(e => e.FirstToken == j && e.Kind is EntryKind.Country or EntryKind.Framework)))
                    {
                        break;
                    }
                    run.Add(t);
                }
                var closing = after + run.Count;
                while (run.Count > 0 && run[^1] is "of" or "for" or "and")
                {
                    run.RemoveAt(run.Count - 1); // "Secretary of State Marco Rubio and …": the joiner after the name is not part of it
                }
                var names = run.Where(t => t is not ("of" or "for" or "and")).ToList();
                if (sawOf && names.Count >= 3)
                {
                    nameTokens.AddRange(names.TakeLast(names.Count >= 4 ? 3 : 2));
                    englishPortfolio.AddRange(run.Take(run.Count - nameTokens.Count).SkipWhile(t => t is "of" or "for"));
                }
                else if (sawOf && names.Count > 0 && !names.Contains("Ms") && !names.Contains("Mr"))
                {
                    // "…, Minister of Coal and Mines,": the name comes before; "Minister for Resources of Australia": the country closes it
                    englishPortfolio.AddRange(run.SkipWhile(t => t is "of" or "for"));
                    while (englishPortfolio.Count > 0 && englishPortfolio[^1] is "of" or "for" or "and")
                    {
                        englishPortfolio.RemoveAt(englishPortfolio.Count - 1);
                    }
                    titleCountry = s.Entities.FirstOrDefault(e => e.FirstToken == closing && e.Kind == EntryKind.Country)?.Id;
                }
                else if (!sawOf)
                {
                    // initials do not count towards the three words of a name: "V. L. Kantha Rao"
                    foreach (var n in names)
                    {
                        if (nameTokens.Count(t => t.Length > 1) >= 3)
                        {
                            break;
                        }
                        nameTokens.Add(n);
                    }
                }
            }
            else
            {
                for (var j = after; j < tokens.Count && nameTokens.Count < 3; j++)
                {
                    var t = tokens[j].Surface;
                    if (Stop.Contains(t) || s.Cues.Any(c => c.FirstToken == j) || s.Entities.Any(e => e.FirstToken == j && e.Kind != EntryKind.City)
                        || t.All(char.IsDigit))
                    {
                        break;
                    }
                    nameTokens.Add(t);
                }
            }
            var portfolio = new List<string>();
            var country = titleCountry;
            for (var j = role.FirstToken - 1; j >= 0 && j >= role.FirstToken - 5; j--)
            {
                var t = tokens[j].Surface;
                if (latin && CommaBetween(s, tokens[j], tokens[j + 1]))
                {
                    if (nameTokens.Count == 0)
                    {
                        nameTokens.AddRange(NameBefore(s, j)); // "Shri G. Kishan Reddy, Union Minister of …"
                    }
                    break;
                }
                var entity = s.Entities.FirstOrDefault(e => e.FirstToken <= j && j < e.FirstToken + e.TokenCount);
                if (entity?.Kind == EntryKind.Country)
                {
                    country = entity.Id;
                    break;
                }
                if (latin)
                {
                    if (!char.IsUpper(t[0]))
                    {
                        break;
                    }
                    if (t is "Union" or "External")
                    {
                        country = home;
                    }
                    portfolio.Insert(0, t);
                    continue;
                }
                if (t == "केंद्रीय")
                {
                    country = home;
                }
                var english = Portfolio.FirstOrDefault(p => p.Hindi == t).English;
                if (english is not null)
                {
                    portfolio.Insert(0, english);
                }
                else if (t is "और" or "एवं" or "तथा")
                {
                    portfolio.Insert(0, "and");
                }
                else
                {
                    break;
                }
            }
            if (nameTokens.Count < 2)
            {
                continue; // a single word is too often a title or a pronoun, not a name
            }
            var roleName = role.Entry.Id;
            if (latin)
            {
                var prefix = portfolio.Count > 0 ? string.Join(' ', portfolio) + " " : "";
                var suffix = englishPortfolio.Count > 0 ? " of " + string.Join(' ', englishPortfolio) : "";
                yield return new Official(string.Join(' ', nameTokens), prefix + roleName + suffix, country);
                continue;
            }
            while (portfolio.Count > 0 && portfolio[0] == "and")
            {
                portfolio.RemoveAt(0);
            }
            var union = portfolio.Remove("Union");
            var deputy = portfolio.Remove("Deputy");
            var text = (union ? "Union " : "") + (deputy ? "Deputy " : "") + roleName + (portfolio.Count > 0 ? " of " + string.Join(' ', portfolio).Trim() : "");
            yield return new Official(string.Join(' ', nameTokens), text, country);
        }
    }
}
