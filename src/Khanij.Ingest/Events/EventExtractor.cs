using Khanij.Core.Events;
using Khanij.Ingest.Dates;
using Khanij.Ingest.Recognition;
using Khanij.Ingest.Text;

namespace Khanij.Ingest.Events;

/// <summary>Turns a recognised document into cooperation events by general cues, never by known texts:
/// <list type="bullet">
/// <item>one <b>meeting occasion</b> per document from meeting/discussion sentences (बैठक, मुलाकात, वार्ता, चर्चा; meeting, talks,
/// discussed); it becomes a <c>working_group_session</c> when a working group is named, <c>ministerial</c> when the meeting is called
/// ministerial, else a <c>meeting</c>;</item>
/// <item>one event per <b>instrument</b> (MoU/MoC, protocol, agreement, trade agreement, joint statement, project, investment with
/// an amount), its mentions within the document merged;</item>
/// <item>a <b>project</b> when a state company operates in a foreign country (explores, mines, refines there).</item>
/// </list>
/// Every event must have critical-mineral content (a mineral named, or minerals/mining in general) in its own sentences or, for an
/// instrument, in the sentences just before it in the same paragraph; and at least two parties (a single foreign party is paired with
/// the home country, India, when the article is an Indian one).</summary>
internal sealed class EventExtractor(IReadOnlySet<string> frameworkIds)
{
    /// <summary>At most this many evidence sentences per event: enough for a reviewer, bounded for pathological input.</summary>
    private const int MaxEvidence = 12;

    private static readonly string[] InstrumentPriority =
        ["trade_agreement", "mou", "moc", "protocol", "joint_statement", "agreement", "investment", "project"];

    public IReadOnlyList<CooperationEvent> Extract(DocumentFacts doc)
    {
        var events = new List<CooperationEvent>();
        var consumed = new HashSet<int>();
        var operations = Operations(doc, consumed);
        var instruments = Instruments(doc);
        var meetings = Meetings(doc, consumed);
        var statement = meetings.Count == 1 && IssuesJointStatement(doc);
        foreach (var held in meetings)
        {
            var meeting = held;
            if (statement && meeting.Instrument == "meeting")
            {
                // "the joint statement issued after the summit …", a document titled "Joint Statement on the State Visit …": what the
                // meeting produced is the statement; one event, the statement, announced on the meeting's day
                meeting = meeting with { Instrument = "joint_statement", Status = "announced" };
                var same = instruments.FindAll(i => i.Event.Instrument == "joint_statement" && i.Event.Parties.Count(meeting.Parties.Contains) >= 2);
                foreach (var (e, _) in same)
                {
                    meeting = meeting with
                    {
                        // the statement's generic "critical minerals" adds nothing to minerals the meeting already names
                        Minerals = [.. meeting.Minerals.Concat(e.Minerals.Where(m => m != Lexicon.CriticalMinerals)).Distinct()],
                        Evidence = [.. meeting.Evidence.Concat(e.Evidence).Distinct().Take(MaxEvidence)],
                    };
                }
                instruments.RemoveAll(same.Contains);
            }
            events.Add(meeting);
            // an instrument agreed at the meeting ("बैठक में दोनों देशों ने … सहमति जताई", "both countries agreed to …"), or welcomed
            // in the joint statement of the visit, and dated only by publication or the lead takes the meeting's date
            for (var i = 0; i < instruments.Count; i++)
            {
                var (e, sentences) = instruments[i];
                if (e.Date != meeting.Date && (statement || sentences.Any(s => s.HasMeeting)) && sentences.All(s => FirstDate(s, doc.Published) is null)
                    && e.Parties.Count(meeting.Parties.Contains) >= 2)
                {
                    instruments[i] = (e with { Date = meeting.Date }, sentences);
                }
            }
        }
        events.AddRange(instruments.Select(i => i.Event));
        events.AddRange(operations);
        if (events.Count > 0 && FollowUps(doc, events) is { Count: > 0 } followUps)
        {
            // follow-ups belong to the meeting that agreed them; without a meeting, to the document's first event
            var target = Math.Max(0, events.FindIndex(e => e.Instrument is "meeting" or "ministerial" or "working_group_session"));
            events[target] = events[target] with { FollowUps = followUps };
        }
        return events;
    }

    /// <summary>Follow-up actions the document states, one per sentence with a follow-up cue (cues.csv kind <c>follow_up</c>: a task
    /// team to set up, a next meeting, a review of progress), unless the sentence is conditional. Owner: the organisations the
    /// sentence names, else the parties of the event. Due: the date, month or "within N months" the sentence gives.</summary>
    private static List<FollowUpItem> FollowUps(DocumentFacts doc, List<CooperationEvent> events)
    {
        var items = new List<FollowUpItem>();
        // a headline repeats the article's lead ("India, Argentina agree to set up task team"): the body sentence is the item
        foreach (var s in doc.Sentences.Where(s => s.FollowUps.Count > 0 && !s.Conditional && s.Sentence.Kind == LineKind.Body))
        {
            var kinds = s.FollowUps.Select(m => m.Id).ToList();
            var kind = kinds.Contains("next_meeting") ? "next_meeting" : kinds.Contains("task_team") ? "task_team" : "review";
            var text = s.Sentence.Verbatim.Trim();
            var owner = s.Organisations.Count > 0 ? string.Join(", ", s.Organisations.Select(o => o.NameEn).Distinct())
                : string.Join(" and ", events[0].Parties);
            var due = DateParser.DueDate(FoldDigits(text), doc.Published);
            if (!items.Any(i => i.Text == text))
            {
                items.Add(new FollowUpItem(kind, text, owner.Length > 0 ? owner : null, due));
            }
        }
        return items;
    }

    private static string FoldDigits(string text) =>
        string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] is >= '\u0966' and <= '\u096F' ? (char)('0' + (t[i] - '\u0966')) : t[i];
            }
        });

    /// <summary>The document's meetings: one per set of participants. Meeting sentences (with a meeting word, not only "discussed")
    /// whose foreign participants (at most two countries, or a framework) share none with another such sentence's are separate meetings, when each makes a meeting
    /// (mineral content, two parties); a next meeting agreed at one is a follow-up, not another meeting
    /// ("The minister met Japan's trade minister on Monday … On Wednesday he held talks with Australia's resources minister …"); each
    /// takes the sentences from its first mention up to the next meeting's, so a following "बैठक में … चर्चा हुई" stays with it. Otherwise
    /// the whole document is one occasion.</summary>
    private List<CooperationEvent> Meetings(DocumentFacts doc, HashSet<int> consumed)
    {
        var candidates = new List<(int Position, HashSet<string> Key)>();
        for (var i = 0; i < doc.Sentences.Count; i++)
        {
            var s = doc.Sentences[i];
            if (consumed.Contains(s.Sentence.Index) || s.MeetingCues.Count == 0 || IsBackgroundTalks(s) || s.Sentence.Kind != LineKind.Body)
            {
                continue; // a headline sums the story up ("holds talks with Saudi, Moroccan ministers"); the body tells the meetings
            }
            var foreign = s.PartyCountries.Where(c => c != doc.Home).Concat(s.Frameworks).ToHashSet(StringComparer.Ordinal);
            if (foreign.Count is 0 or > 2 || s.FollowUps.Count > 0)
            {
                continue;
            }
            candidates.Add((i, foreign));
        }
        // a summary naming two partners each of whom has a meeting sentence of their own ("held separate meetings with the Saudi and
        // Moroccan ministers") joins nothing: the two meetings stay apart
        var summaries = SummaryPositions(candidates);
        var keys = new List<(int Position, HashSet<string> Key)>();
        foreach (var (i, foreign) in candidates.Where(c => !summaries.Contains(c.Position)))
        {
            var joined = keys.FindIndex(k => k.Key.Overlaps(foreign));
            if (joined >= 0)
            {
                keys[joined].Key.UnionWith(foreign);
            }
            else
            {
                keys.Add((i, foreign));
            }
        }
        if (keys.Count < 2 || keys.Any(a => keys.Any(b => a.Position != b.Position && a.Key.Overlaps(b.Key))))
        {
            return Meeting(doc, consumed) is { } single ? [single] : [];
        }
        var meetings = new List<CooperationEvent>();
        for (var g = 0; g < keys.Count; g++)
        {
            var from = g == 0 ? 0 : keys[g].Position;
            var to = g + 1 < keys.Count ? keys[g + 1].Position : doc.Sentences.Count;
            var own = keys[g].Key;
            // a sentence naming this meeting's participants belongs to it wherever it stands; one naming no meeting's participants
            // belongs to the meeting whose stretch it is in
            var all = keys.SelectMany(k => k.Key).ToHashSet(StringComparer.Ordinal);
            var others = all.Where(c => !own.Contains(c)).ToHashSet(StringComparer.Ordinal);
            // a sentence naming another meeting's participants too (a headline or lead summing up the trip) belongs to neither; a
            // multilateral session in the stretch ("addressed the forum's ministerial roundtable") is not this bilateral meeting
            var part = doc.Sentences.Where((s, i) => s.PartyCountries.Concat(s.Frameworks).Any(own.Contains)
                    && !s.PartyCountries.Concat(s.Frameworks).Any(others.Contains)
                || (i >= from && i < to && !s.PartyCountries.Concat(s.Frameworks).Any(all.Contains)
                    && !s.MeetingCues.Contains("ministerial"))).ToList();
            var pair = new List<string>();
            if (doc.Home is not null)
            {
                pair.Add(doc.Home);
            }
            pair.AddRange(own.Where(c => !IsFramework(c)));
            if (Meeting(doc with { Sentences = part, Pair = [.. pair.Take(2)] }, consumed) is { } m)
            {
                meetings.Add(m);
            }
        }
        // split only when every set of participants makes a meeting of its own; otherwise the document is one occasion
        return meetings.Count == keys.Count ? meetings : Meeting(doc, consumed) is { } whole ? [whole] : [];
    }

    /// <summary>The document issues a joint statement at its meeting: a title naming one ("India-Indonesia Joint Statement on the State
    /// Visit …") or a meeting sentence naming the statement issued there ("शिखर बैठक के बाद जारी संयुक्त बयान में दोनों देशों ने …") —
    /// not one where the statement is only the medium of a report ("…, the two sides said in a joint statement").</summary>
    private static bool IssuesJointStatement(DocumentFacts doc) =>
        doc.Sentences.Any(s => s.Instruments.Contains("joint_statement") && !s.Conditional && !IsReportingMedium(s)
            && (s.Sentence.Kind == LineKind.Heading || (s.HasMeeting && s.Sentence.Kind == LineKind.Body)));

    /// <summary>Positions of candidate meeting sentences that name several partners each of whom also has a meeting sentence of
    /// their own: summaries of separate meetings.</summary>
    private static HashSet<int> SummaryPositions(List<(int Position, HashSet<string> Key)> candidates) =>
        candidates.Where(c => c.Key.Count >= 2 && c.Key.All(x => candidates.Any(d => d.Position != c.Position && d.Key.Count == 1 && d.Key.Contains(x))))
            .Select(c => c.Position).ToHashSet();

    /// <summary>A joint statement named as the medium of a report: "said in a joint statement", "stated in their joint statement",
    /// "संयुक्त बयान में कहा/बताया".</summary>
    internal static bool IsReportingMedium(SentenceFacts s) =>
        s.Cues.Where(c => c.Kind == EntryKind.Instrument && c.Id == "joint_statement").Any(c =>
        {
            var before = c.FirstToken;
            var after = c.FirstToken + c.TokenCount;
            var english = before >= 3 && s.Tokens[before - 2].Key == "in" && s.Tokens[before - 3].Key is "said" or "stated" or "announced" or "added" or "noted";
            var hindi = after + 1 < s.Tokens.Count && s.Tokens[after].Surface == "में" && s.Tokens[after + 1].Surface is "कहा" or "बताया";
            return english || hindi;
        });

    /// <summary>"The acquisition was completed after talks with Gecamines", "बातचीत के बाद समझौता हुआ": talks named only as what led to an
    /// instrument of the same sentence are its background, not a meeting of their own.</summary>
    internal static bool IsBackgroundTalks(SentenceFacts s)
    {
        if (s.Instruments.Count == 0)
        {
            return false;
        }
        var talks = s.Cues.Where(c => c.Kind is EntryKind.MeetingCue or EntryKind.DiscussionCue).ToList();
        return talks.Count > 0 && talks.All(c =>
        {
            var before = c.FirstToken - 1;
            var after = c.FirstToken + c.TokenCount;
            return (before >= 0 && s.Tokens[before].Key is "after" or "following")
                || (after + 1 < s.Tokens.Count && s.Tokens[after].Surface == "के" && s.Tokens[after + 1].Surface == "बाद");
        });
    }

    private CooperationEvent? Meeting(DocumentFacts doc, HashSet<int> consumed)
    {
        var meetingSentences = doc.Sentences.Where(s => s.HasMeeting && !consumed.Contains(s.Sentence.Index) && !IsBackgroundTalks(s)).ToList();
        var relevant = meetingSentences.Where(s => s.MineralRelevant).ToList();
        if (relevant.Count == 0)
        {
            return null;
        }
        var parties = new List<string>();
        var crowded = new List<SentenceFacts>();
        foreach (var s in relevant)
        {
            if (s.PartyCountries.Distinct().Count(c => c != doc.Home) > 2)
            {
                crowded.Add(s); // "supply chains that run through China, Argentina and Bolivia": a list, not the participants
                foreach (var f in s.Frameworks)
                {
                    AddOnce(parties, f); // "ministers of A, B, C and D met at the MSP meeting": the framework is the host either way
                }
                continue;
            }
            AddParties(parties, s, doc);
            foreach (var f in s.Frameworks)
            {
                AddOnce(parties, f);
            }
        }
        var named = doc.Sentences.Where(s => s.PartyCountries.Distinct().Count(c => c != doc.Home) <= 2)
            .SelectMany(s => s.PartyCountries).ToHashSet(StringComparer.Ordinal);
        var multilateral = parties.Any(IsFramework) || relevant.Any(s => s.MeetingCues.Contains("ministerial"));
        foreach (var s in crowded)
        {
            foreach (var c in s.PartyCountries.Where(c => multilateral || named.Contains(c)))
            {
                AddOnce(parties, c);
            }
        }
        if (multilateral)
        {
            // at a framework's or a ministerial meeting, the countries whose ministers are listed as attending are participants
            foreach (var s in meetingSentences.Where(s => s.Cues.Any(c => c.Kind == EntryKind.Role)
                && s.PartyCountries.Distinct().Count(c => c != doc.Home) > 2))
            {
                AddParties(parties, s, doc);
            }
        }
        if (parties.Count < 2)
        {
            // "मंत्री ने जापानी समकक्ष से मुलाकात की। बैठक में दुर्लभ पृथ्वी तत्वों पर चर्चा हुई।": the parties are in the other
            // sentences about the meeting
            foreach (var s in meetingSentences.Where(s => s.PartyCountries.Distinct().Count(c => c != doc.Home) <= 2))
            {
                AddParties(parties, s, doc);
                foreach (var f in s.Frameworks)
                {
                    AddOnce(parties, f); // "भारत और यूरोपीय संघ के बीच … की बैठक": a bloc meets like a country
                }
            }
        }
        if (parties.Count < 2)
        {
            foreach (var s in crowded)
            {
                AddParties(parties, s, doc);
            }
        }
        CompleteParties(parties, doc, relevant);
        if (parties.Count < 2)
        {
            return null;
        }
        var instrument = meetingSentences.Any(IsWorkingGroupSession) ? "working_group_session"
            : relevant.Any(s => s.MeetingCues.Contains("ministerial")) ? "ministerial" : "meeting";

        var countryParties = parties.Where(p => !IsFramework(p)).ToHashSet(StringComparer.Ordinal);
        var occasion = doc.Sentences.Where(s => !consumed.Contains(s.Sentence.Index)
            && (s.HasMeeting || s.BothSides || s.PartyCountries.Distinct().Count(countryParties.Contains) >= 2)).ToList();
        var minerals = new List<string>();
        foreach (var s in occasion)
        {
            foreach (var m in s.Minerals)
            {
                AddOnce(minerals, m);
            }
        }
        if (minerals.Count == 0 && occasion.Any(s => s.MineralContext))
        {
            minerals.Add(Lexicon.CriticalMinerals);
        }
        var evidenceSentences = occasion.Where(s => s.MineralRelevant
            || (s.HasMeeting && s.PartyCountries.Any() && s.PartyCountries.All(parties.Contains))).Take(8).ToList();
        // the sentence that reports the meeting between the parties may carry its date even when only the next one names the
        // minerals ("भारत और … के बीच … की बैठक मंगलवार को हुई। बैठक में दुर्लभ मृदा … पर चर्चा की।"); a sentence about one side
        // only ("the minister arrived on Sunday") does not date the meeting
        // a planned meeting takes the date of the sentence announcing it ("अगले मंगलवार को … बैठक करेंगे"); a next session agreed at a
        // held meeting ("will meet again in March") is a follow-up, not the meeting's date
        var planned = relevant.All(s => s.Future);
        var reports = meetingSentences.Where(s => s.FollowUps.Count == 0 && (planned || !s.Future)).ToList();
        var paragraphs = relevant.Select(s => s.Sentence.Paragraph).ToHashSet();
        var date = FirstDate(relevant, doc.Published)
            ?? FirstDate(reports.Where(s => s.PartyCountries.Concat(s.Frameworks).Distinct().Count(parties.Contains) >= 2), doc.Published)
            // "The session was held in Tokyo on 27 November.": the meeting's own sentences in its paragraphs, without the parties
            ?? FirstDate(reports.Where(s => paragraphs.Contains(s.Sentence.Paragraph)), doc.Published)
            ?? FirstDate(Following(doc, relevant, parties), doc.Published)
            ?? LeadDate(doc, parties, planned, vague: false)
            // "अधिकारी ने बताया कि बुधवार को … के बीच बैठक हुई": the sentence that reports the meeting names its day even when the
            // minerals and the partner are in the headline; it outranks a lead that names only a period ("पिछले सप्ताह")
            // (not at a ministerial: its side meetings, "बीते रविवार को वॉशिंगटन पहुंचे … ने … से मुलाकात की", have days of their own)
            ?? (instrument == "ministerial" ? null : FirstPrecise(reports.Where(s => s.MeetingCues.Count > 0), doc.Published))
            ?? LeadDate(doc, parties, planned)
            ?? FirstDate(relevant, doc.Published, reporting: true)
            ?? doc.Published;
        var (venueCountry, venueCity) = Venue(meetingSentences);
        // "met on Tuesday and agreed to …": a meeting dated before publication has happened, whatever it agreed to do next
        var status = relevant.All(s => s.Future) && !(date is { } md && doc.Published is { } pd && md < pd) ? "planned" : "held";
        return Build(doc, date, parties, venueCountry, venueCity, instrument, status, minerals, occasion, evidenceSentences);
    }

    private List<(CooperationEvent Event, List<SentenceFacts> Sentences)> Instruments(DocumentFacts doc)
    {
        var groups = new List<(string Type, List<string> Parties, List<SentenceFacts> Sentences, List<string> Minerals, bool Relevant)>();
        for (var k = 0; k < doc.Sentences.Count; k++)
        {
            var s = doc.Sentences[k];
            var type = InstrumentPriority.FirstOrDefault(s.Instruments.Contains);
            if (type is null)
            {
                continue;
            }
            if (type == "joint_statement" && IsReportingMedium(s))
            {
                // "… signed an agreement on 13 November, the two governments said in a joint statement": the statement reports the
                // agreement; it is the event only when nothing else is
                type = InstrumentPriority.FirstOrDefault(t => t != "joint_statement" && s.Instruments.Contains(t)) ?? type;
            }
            if (type == "project" && (IsAgendaProjects(s) || OnlyPluralProjects(s)))
            {
                continue;
            }
            if (type == "investment")
            {
                if (s.Amounts.Count == 0)
                {
                    // "Under the partnership, KABIL and … will co-invest in lithium and cobalt projects": a later mention without an
                    // amount elaborates the commitment already made by the same parties
                    var mentioned = new List<string>();
                    AddParties(mentioned, s, doc);
                    var commitment = groups.FindLastIndex(g => g.Type == "investment_commitment" && mentioned.Count(g.Parties.Contains) >= 2);
                    if (commitment >= 0)
                    {
                        var g = groups[commitment];
                        g.Sentences.Add(s);
                        foreach (var m in s.Minerals)
                        {
                            AddOnce(g.Minerals, m);
                        }
                        groups[commitment] = (g.Type, g.Parties, g.Sentences, g.Minerals, g.Relevant || s.MineralRelevant);
                    }
                    continue;
                }
                type = "investment_commitment";
            }
            var parties = new List<string>();
            AddParties(parties, s, doc);
            foreach (var f in s.Frameworks)
            {
                AddOnce(parties, f);
            }
            if (parties.Count == 0)
            {
                // "The MoU provides for …", "इस समझौते के तहत …": the instrument named just before, if there is one;
                // otherwise the parties are unspecified ("agreements were signed between various countries") and there is no event
                var previous = groups.FindLastIndex(g => g.Type == type || (type == "agreement" && g.Type is "mou" or "moc" or "protocol"));
                if (previous >= 0)
                {
                    var g = groups[previous];
                    g.Sentences.Add(s);
                    foreach (var m in s.Minerals)
                    {
                        AddOnce(g.Minerals, m);
                    }
                    groups[previous] = (g.Type, g.Parties, g.Sentences, g.Minerals, g.Relevant || s.MineralRelevant);
                }
                continue;
            }
            CompleteParties(parties, doc, [s]);
            if (parties.Count < 2)
            {
                continue;
            }
            var minerals = new List<string>(s.Minerals);
            var relevant = s.MineralRelevant;
            if (!relevant)
            {
                foreach (var c in Context(doc, k))
                {
                    relevant |= c.MineralRelevant;
                    foreach (var m in c.Minerals)
                    {
                        AddOnce(minerals, m);
                    }
                }
            }
            var group = groups.FindIndex(g => g.Type == type && (g.Parties.Intersect(parties).Count() >= Math.Min(2, Math.Min(g.Parties.Count, parties.Count))));
            if (group >= 0)
            {
                var g = groups[group];
                foreach (var p in parties)
                {
                    AddOnce(g.Parties, p);
                }
                foreach (var m in minerals)
                {
                    AddOnce(g.Minerals, m);
                }
                g.Sentences.Add(s);
                groups[group] = (g.Type, g.Parties, g.Sentences, g.Minerals, g.Relevant || relevant);
            }
            else
            {
                groups.Add((type, parties, [s], minerals, relevant));
            }
        }
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var g = groups[i];
            if (g.Type != "agreement")
            {
                continue;
            }
            var specific = groups.FindIndex(x => x.Type is "mou" or "moc" or "protocol" && !x.Parties.Except(g.Parties).Any() && !g.Parties.Except(x.Parties).Any());
            if (specific < 0)
            {
                continue;
            }
            var x = groups[specific];
            foreach (var m in g.Minerals)
            {
                AddOnce(x.Minerals, m);
            }
            x.Sentences.AddRange(g.Sentences);
            x.Sentences.Sort((a, b) => a.Sentence.Index.CompareTo(b.Sentence.Index));
            groups[specific] = (x.Type, x.Parties, x.Sentences, x.Minerals, x.Relevant || g.Relevant);
            groups.RemoveAt(i);
        }
        var events = new List<(CooperationEvent, List<SentenceFacts>)>();
        foreach (var g in groups.Where(g => g.Relevant))
        {
            // the date of the act itself: a sentence that says it was signed/approved/announced, or the first mention; a date in
            // another sentence ("इससे पहले गुरुवार को … बैठक हुई थी जिसमें करार के मसौदे पर चर्चा") is about something else
            // a headline ("India, Malawi to sign pact this week") names the act without its day: the first mention is the first body
            // sentence ("… will sign an MoU on January 16 …")
            var body = g.Sentences.Where(s => s.Sentence.Kind == LineKind.Body).ToList();
            var first = body.Count > 0 ? body[0] : g.Sentences[0];
            var date = FirstDate(g.Sentences.Where(s => s.Statuses.Any(st => st is "signed" or "approved" or "announced")), doc.Published)
                ?? FirstDate(first, doc.Published)
                ?? LeadDate(doc, g.Parties, (body.Count > 0 ? body : g.Sentences).All(s => s.Future))
                ?? FirstDate(g.Sentences, doc.Published, reporting: true)
                ?? doc.Published;
            var status = g.Sentences.Any(s => s.Statuses.Contains("signed")) ? "signed"
                : g.Sentences.Any(s => s.Statuses.Contains("approved")) ? "approved"
                : g.Sentences.Any(s => s.Statuses.Contains("ongoing")) ? "ongoing"
                : g.Sentences.Any(s => s.Future || s.Statuses.Contains("planned")) ? "planned"
                : g.Sentences.Any(s => s.Statuses.Contains("announced")) ? "announced"
                : g.Type is "investment_commitment" or "project" && g.Sentences.Any(s => s.Discussion) ? "planned" : "reported";
            var city = g.Sentences.SelectMany(s => s.Cities).FirstOrDefault();
            var (venueCountry, venueCity) = g.Type is "mou" or "moc" or "protocol" or "agreement" or "joint_statement" && city is not null
                ? (city.Iso3, city.NameEn) : ((string?)null, (string?)null);
            var minerals = g.Minerals.Count > 0 ? g.Minerals : [Lexicon.CriticalMinerals];
            events.Add((Build(doc, date, g.Parties, venueCountry, venueCity, g.Type, status, minerals, g.Sentences, g.Sentences), g.Sentences));
        }
        return events;
    }

    /// <summary>A state company or firm exploring, mining or refining in a foreign country: a project.</summary>
    private List<CooperationEvent> Operations(DocumentFacts doc, HashSet<int> consumed)
    {
        var events = new List<CooperationEvent>();
        foreach (var s in doc.Sentences)
        {
            if (s.Instruments.Count > 0 || s.HasMeeting || !s.MineralRelevant)
            {
                continue;
            }
            var company = s.Organisations.FirstOrDefault(o => o.Kind is "state_company" or "company" && o.Country is not null);
            if (company is null || !s.Areas.Any(a => a is "exploration" or "mining" or "processing" or "refining"))
            {
                continue;
            }
            var foreign = s.Countries.Where(c => c != company.Country).ToList();
            if (foreign.Count == 0)
            {
                continue;
            }
            consumed.Add(s.Sentence.Index);
            var parties = new List<string> { company.Country! };
            parties.AddRange(foreign);
            var status = s.Statuses.Contains("ongoing") ? "ongoing" : s.Future ? "planned" : "reported";
            var minerals = s.Minerals.Count > 0 ? s.Minerals : [Lexicon.CriticalMinerals];
            var date = FirstDate(s, doc.Published) ?? LeadDate(doc, parties, s.Future) ?? FirstDate(s, doc.Published, reporting: true) ?? doc.Published;
            events.Add(Build(doc, date, parties, foreign[0], null, "project", status, minerals, [s], [s]));
        }
        return events;
    }

    private CooperationEvent Build(DocumentFacts doc, DateOnly? date, List<string> parties, string? venueCountry, string? venueCity,
        string instrument, string status, IReadOnlyList<string> minerals, IReadOnlyList<SentenceFacts> all, IReadOnlyList<SentenceFacts> evidence)
    {
        var areas = new List<string>();
        var orgs = new List<string>();
        var officials = new List<Official>();
        var amounts = new List<Amount>();
        foreach (var s in all)
        {
            foreach (var a in s.Areas)
            {
                AddOnce(areas, a);
            }
            foreach (var o in s.Organisations)
            {
                AddOnce(orgs, o.NameEn);
            }
            foreach (var o in Officials.Find(s, doc.Home))
            {
                if (!officials.Any(x => x.Name == o.Name))
                {
                    officials.Add(o);
                }
            }
            var what = s.Instruments.Contains("investment") ? "investment" : instrument == "project" ? "project value" : "amount stated";
            foreach (var a in s.Amounts)
            {
                if (!amounts.Any(x => x.Value.Equals(a.Value) && x.Unit == a.Currency))
                {
                    amounts.Add(new Amount(a.Value, a.Currency, what));
                }
            }
        }
        var ordered = parties.Where(p => !IsFramework(p)).OrderBy(p => p == doc.Home ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal)
            .Concat(parties.Where(IsFramework)).ToList();
        return new CooperationEvent(doc.Name, date is { } d ? DateParser.Iso8601(d) : null,
            doc.Published is { } p ? DateParser.Iso8601(p) : null, ordered, venueCountry, venueCity, instrument, status,
            [.. minerals], areas, officials, orgs, amounts, [.. evidence.Select(s => s.Sentence.Verbatim).Distinct().Take(MaxEvidence)])
        {
            Sources = [],
        };
    }

    private static void AddParties(List<string> parties, SentenceFacts s, DocumentFacts doc)
    {
        foreach (var c in s.PartyCountries)
        {
            AddOnce(parties, c);
        }
        if (s.BothSides)
        {
            foreach (var c in doc.Pair)
            {
                AddOnce(parties, c);
            }
        }
        if (s.HomeCue && doc.Home is not null)
        {
            AddOnce(parties, doc.Home);
        }
    }

    /// <summary>A single country is paired with the home country (an Indian article reports India's cooperation); more than two
    /// are trimmed to those the document keeps returning to, unless the meeting is multilateral.</summary>
    private void CompleteParties(List<string> parties, DocumentFacts doc, IReadOnlyList<SentenceFacts> sentences)
    {
        var countries = parties.Where(p => !IsFramework(p)).ToList();
        if (countries.Count == 1 && doc.Home is not null && countries[0] != doc.Home)
        {
            parties.Insert(0, doc.Home);
        }
        _ = sentences;
    }

    private static readonly HashSet<string> Formation = new(StringComparer.Ordinal)
    {
        "बनाने", "बनाया", "बनाएंगे", "गठन", "स्थापित", "स्थापना", "set", "form", "formed", "establish", "established", "create", "created",
        "launch", "launched", "constitute", "constituted",
    };

    private static readonly HashSet<string> SessionWords = new(StringComparer.Ordinal)
    {
        "सत्र", "बैठक", "दौर", "session", "meeting", "round", "sitting", "met", "meet", "meets", "convened", "held",
    };

    /// <summary>A working group that met ("11वें सत्र", "first session of the JWG"), not one that was only set up ("कार्य समूह बनाने").</summary>
    private static bool IsWorkingGroupSession(SentenceFacts s) =>
        s.MeetingCues.Contains("working_group") && s.Tokens.Any(t => SessionWords.Contains(t.Key)) && !s.Tokens.Any(t => Formation.Contains(t.Key));

    /// <summary>"Ministers of A, B, C and D met at the MSP meeting and agreed to finance nickel projects": projects in the plural at a
    /// multilateral meeting (a framework, or more than two foreign countries) are the meeting's agenda, not a project of their own.</summary>
    /// <summary>A sentence whose only project word is the plural ("reviewed progress on … projects", "in processing projects",
    /// "अनुसंधान परियोजनाएं चलाने") speaks of projects in general, the topic of a meeting or an instrument's content: no project
    /// of its own without a real cue (a joint venture, an acquisition, a stake, an institution, a launch).</summary>
    internal static bool OnlyPluralProjects(SentenceFacts s)
    {
        var projectCues = s.Cues.Where(c => c.Kind == EntryKind.Instrument && c.Id == "project").ToList();
        return projectCues.Count > 0 && projectCues.All(c => s.Tokens[c.FirstToken + c.TokenCount - 1].Surface is var w
            && (w.EndsWith("projects", StringComparison.OrdinalIgnoreCase) || w is "परियोजनाओं" or "परियोजनाएं" or "परियोजनाएँ" or "प्रोजेक्ट्स"));
    }

    internal static bool IsAgendaProjects(SentenceFacts s)
    {
        if (s.MeetingCues.Count == 0 || (s.Frameworks.Count == 0 && s.PartyCountries.Distinct().Count() <= 3))
        {
            return false;
        }
        var projectCues = s.Cues.Where(c => c.Kind == EntryKind.Instrument && c.Id == "project").ToList();
        return projectCues.Count > 0 && projectCues.All(c => s.Tokens[c.FirstToken + c.TokenCount - 1].Surface is var w
            && (w.EndsWith("projects", StringComparison.OrdinalIgnoreCase) || w is "परियोजनाओं" or "परियोजनाएं" or "परियोजनाएँ" or "प्रोजेक्ट्स"));
    }

    private static IEnumerable<SentenceFacts> Context(DocumentFacts doc, int k)
    {
        var s = doc.Sentences[k];
        for (var j = k - 1; j >= 0 && j >= k - 2; j--)
        {
            var c = doc.Sentences[j];
            if (c.Sentence.Paragraph != s.Sentence.Paragraph)
            {
                break;
            }
            yield return c;
        }
    }

    /// <summary>The first date of the sentence that is not a reporting date ("said on Friday"), or with <paramref name="reporting"/>
    /// the first reporting date. A sentence whose only date is a period without a day ("signed last week", "इस महीने की शुरुआत में")
    /// is dated by publication, not by a neighbouring sentence.</summary>
    private static DateOnly? FirstDate(SentenceFacts s, DateOnly? published, bool reporting = false) =>
        Precise(s, published, reporting) ?? (!reporting && HasVague(s) ? published : null);

    /// <summary>The first day one of <paramref name="sentences"/> names; else, when one of them names only a period ("next week"),
    /// the publication date.</summary>
    private static DateOnly? FirstDate(IEnumerable<SentenceFacts> sentences, DateOnly? published, bool reporting = false)
    {
        var list = sentences as IReadOnlyList<SentenceFacts> ?? [.. sentences];
        return list.Select(s => Precise(s, published, reporting)).FirstOrDefault(d => d is not null)
            ?? (!reporting && list.Any(HasVague) ? published : null);
    }

    private static DateOnly? Precise(SentenceFacts s, DateOnly? published, bool reporting)
    {
        foreach (var d in s.Dates)
        {
            if (d.Reporting == reporting && d.Resolve(published) is { } date && (published is null || date <= published.Value.AddDays(366)))
            {
                return date;
            }
        }
        return null;
    }

    private static bool HasVague(SentenceFacts s) => s.Dates.Any(d => d.Vague && !d.Reporting);

    /// <summary>The sentence right after one of <paramref name="sentences"/> in the same paragraph, when it only elaborates: no
    /// instrument, no follow-up, no future, no condition, and no country outside <paramref name="parties"/> ("The session was held
    /// in Tokyo on 27 November.").</summary>
    private static IEnumerable<SentenceFacts> Following(DocumentFacts doc, IReadOnlyList<SentenceFacts> sentences, IReadOnlyCollection<string> parties)
    {
        for (var i = 1; i < doc.Sentences.Count; i++)
        {
            var (before, s) = (doc.Sentences[i - 1], doc.Sentences[i]);
            if (sentences.Contains(before) && !sentences.Contains(s) && s.Sentence.Paragraph == before.Sentence.Paragraph
                && s.Instruments.Count == 0 && s.FollowUps.Count == 0 && !s.Future && !s.Conditional && s.PartyCountries.All(parties.Contains))
            {
                yield return s;
            }
        }
    }

    /// <summary>The news peg: a story's lead (its first two sentences) says when the news happened ("Peru on Wednesday joined the
    /// MSP."), and the sentences after it describe the event without repeating the day. The lead's date dates an event without a
    /// date of its own when the lead names one of the event's parties (or "both countries") and agrees with it in tense.</summary>
    private static DateOnly? LeadDate(DocumentFacts doc, IReadOnlyCollection<string> parties, bool future, bool vague = true)
    {
        foreach (var s in doc.Sentences.Where(s => s.Sentence.Kind == LineKind.Body).Take(2))
        {
            if (s.FollowUps.Count > 0 || s.Future != future || s.Conditional
                || !(s.BothSides || s.PartyCountries.Concat(s.Frameworks).Any(parties.Contains)))
            {
                continue;
            }
            if ((vague ? FirstDate(s, doc.Published) : Precise(s, doc.Published, reporting: false)) is { } d)
            {
                return d;
            }
        }
        return null;
    }

    /// <summary>The first day one of <paramref name="sentences"/> names, ignoring periods without a day.</summary>
    private static DateOnly? FirstPrecise(IEnumerable<SentenceFacts> sentences, DateOnly? published) =>
        sentences.Select(s => Precise(s, published, reporting: false)).FirstOrDefault(d => d is not null);

    private static (string? Country, string? City) Venue(IReadOnlyList<SentenceFacts> sentences)
    {
        foreach (var s in sentences)
        {
            if (s.Cities.Count > 0)
            {
                return (s.Cities[0].Iso3, s.Cities[0].NameEn);
            }
        }
        foreach (var s in sentences)
        {
            foreach (var m in s.Entities.Where(e => e.Kind == EntryKind.Country))
            {
                var next = m.FirstToken + m.TokenCount;
                var prev = m.FirstToken - 1;
                if ((next < s.Tokens.Count && s.Tokens[next].Surface == "में") || (prev >= 0 && s.Tokens[prev].Surface is "in" or "at"))
                {
                    return (m.Id, null);
                }
            }
        }
        return (null, null);
    }

    private bool IsFramework(string party) => frameworkIds.Contains(party);

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
