using Khanij.Ingest.Text;

namespace Khanij.Ingest.Recognition;

/// <summary>Runs both lexicon layers over a sentence and sorts the matches into <see cref="SentenceFacts"/>.</summary>
internal sealed class Recognizer(Lexicon lexicon)
{
    private static readonly string[] FutureSuffixes = ["ेगा", "ेगी", "ेंगे", "ेगे", "एगा", "एगी", "एंगे", "ोगा", "ोगी", "ोंगे", "ाएगा", "ाएंगे"];

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
                case EntryKind.Country:
                    AddOnce(facts.Countries, m.Id);
                    break;
                case EntryKind.Framework:
                    AddOnce(facts.Frameworks, m.Id);
                    break;
                case EntryKind.Mineral:
                    AddOnce(facts.Minerals, m.Id);
                    break;
                case EntryKind.Organisation when lexicon.Organisations.TryGetValue(m.Id, out var org):
                    if (!facts.Organisations.Contains(org))
                    {
                        facts.Organisations.Add(org);
                    }
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
        if (!facts.Future)
        {
            facts.Future = tokens.Any(t => t.Surface.Length > 3 && FutureSuffixes.Any(s => t.Surface.EndsWith(s, StringComparison.Ordinal)));
        }
        return facts;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
