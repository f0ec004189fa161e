using System.Globalization;
using System.Text.RegularExpressions;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Text;

namespace Khanij.Core.Registry;

/// <summary>Turns extracted <see cref="CooperationEvent"/>s into proposed registry records, and decides when two of them are the same
/// event (reported by two articles or in two languages) so they merge into one record with both sources.</summary>
/// <remarks>The merge key: same kind; same instrument (any two occasion instruments count as the same, and a plain <c>agreement</c>
/// matches a more specific instrument); the same set of countries (framework ids ignored when both sides name two or more countries);
/// dates within <see cref="DateWindowDays"/> days of each other (the record date, else the first source's publication date; two
/// undated records match, a dated and an undated one do not); and minerals that overlap, or one side naming only
/// <c>critical_minerals</c> or none.</remarks>
public static partial class EventRecords
{
    /// <summary>How many days apart two reports of one event may date it (articles written a few days later resolve "on Tuesday"
    /// differently).</summary>
    public const int DateWindowDays = 3;

    /// <summary>The proposed record an event becomes (its <see cref="RegistryRecord.Id"/> is empty until the store assigns one).</summary>
    /// <param name="e">The event.</param>
    /// <param name="catalogue">When given, mineral names the catalogue knows under another id (<c>aluminium</c>) become catalogue ids
    /// (<c>bauxite_aluminium</c>), so the analytics can match them; unknown names are kept as found.</param>
    /// <exception cref="ArgumentException">The event's instrument is not one of the gold schema's instruments.</exception>
    public static RegistryRecord FromEvent(CooperationEvent e, KhanijCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var instrument = e.Instrument.Trim().ToLowerInvariant();
        RecordKind kind;
        string? recordInstrument = instrument;
        if (RegistryVocabulary.PartnershipInstruments.Contains(instrument))
        {
            kind = RecordKind.Partnership;
        }
        else if (RegistryVocabulary.OccasionInstruments.Contains(instrument))
        {
            kind = RecordKind.Occasion;
        }
        else if (instrument == "project")
        {
            kind = RecordKind.Project;
            recordInstrument = null;
        }
        else if (instrument == "investment_commitment")
        {
            kind = RecordKind.Investment;
            recordInstrument = null;
        }
        else
        {
            throw new ArgumentException(
                $"Event from '{e.Doc}' has instrument '{e.Instrument}'; expected one of "
                + string.Join(", ", RegistryVocabulary.PartnershipInstruments.Concat(RegistryVocabulary.OccasionInstruments))
                + ", project, investment_commitment.", nameof(e));
        }
        var parties = e.Parties.Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var areas = Distinct(e.Areas);
        var record = new RegistryRecord(
            Id: "",
            Kind: kind,
            Title: MakeTitle(kind, recordInstrument, parties),
            Parties: parties,
            Instrument: recordInstrument,
            Status: string.IsNullOrWhiteSpace(e.Status) ? null : e.Status.Trim().ToLowerInvariant(),
            Date: e.Date,
            EndDate: null,
            Minerals: Distinct(e.Minerals.Select(m => CatalogueId(m, catalogue))),
            Stages: [.. areas.Where(RegistryVocabulary.Stages.Contains)],
            Areas: areas,
            Officials: [.. e.Officials.DistinctBy(o => TextNormalizer.Key(o.Name))],
            Organisations: [.. e.Organisations.Distinct(StringComparer.Ordinal).Select(o => new Organisation(o, null))],
            ParentId: null,
            Sources: e.Sources.Count > 0
                ? [.. e.Sources.Select(s => new SourceRef(s.Doc, null, null, s.Published, [.. s.Evidence.Distinct(StringComparer.Ordinal)]))]
                : [new SourceRef(e.Doc, null, null, e.Published, [.. e.Evidence.Distinct(StringComparer.Ordinal)])],
            Review: ReviewState.Proposed);
        return kind switch
        {
            RecordKind.Occasion => record with
            {
                Occasion = new OccasionDetails(SessionNumberIn(e.Evidence), e.VenueCountry, e.VenueCity, []),
            },
            RecordKind.Partnership => record with { Partnership = new PartnershipDetails(null, []) },
            RecordKind.Project => record with
            {
                Project = new ProjectDetails(null, null, null, [.. e.Organisations.Distinct(StringComparer.Ordinal)], null),
            },
            RecordKind.Investment => record with { Investment = InvestmentOf(e.Amounts) },
            _ => record,
        };
    }

    /// <summary>True when <paramref name="incoming"/> reports the same event as <paramref name="existing"/> (see the merge key above).
    /// An event from a document that <paramref name="existing"/> already cites matches only when it shares an evidence sentence with
    /// that source (the same event extracted again); otherwise one article reporting two events means two events.</summary>
    /// <param name="existing">A record in the registry.</param>
    /// <param name="incoming">A record made from a new event.</param>
    /// <param name="catalogue">Tells countries from framework ids (MSP looks like an ISO3 code); without it, three capital letters
    /// count as a country.</param>
    public static bool Matches(RegistryRecord existing, RegistryRecord incoming, KhanijCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        return incoming.Sources.All(i => existing.Sources.FirstOrDefault(s => s.Document == i.Document) is not { } same
                || same.Evidence.Intersect(i.Evidence, StringComparer.Ordinal).Any())
            && SameEvent(existing, incoming, catalogue);
    }

    /// <summary>True when <paramref name="existing"/> already holds <paramref name="incoming"/>: the same kind and instrument, and every
    /// incoming source document already cited with all its evidence (so a reviewer's later edits to dates or minerals do not make a
    /// re-added file look new). Adding the same file twice changes nothing.</summary>
    public static bool IsRecorded(RegistryRecord existing, RegistryRecord incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        return existing.Kind == incoming.Kind && SameInstrument(existing, incoming)
            && incoming.Sources.All(i => existing.Sources.Any(s => s.Document == i.Document && i.Evidence.All(s.Evidence.Contains)));
    }

    /// <summary>The record of <paramref name="records"/> that <paramref name="incoming"/> merges into (<see cref="Matches"/>), preferring
    /// one that was not rejected; null when none matches. The one rule for <c>ingest add</c> and <c>partners import</c>.</summary>
    public static RegistryRecord? FindMatch(IEnumerable<RegistryRecord> records, RegistryRecord incoming, KhanijCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(incoming);
        var matching = records.Where(r => Matches(r, incoming, catalogue)).ToList();
        return matching.FirstOrDefault(r => r.Review != ReviewState.Rejected) ?? matching.FirstOrDefault();
    }

    /// <summary>True when two commitments are one follow-up: the same parent record and the same text (compared by matching key).</summary>
    public static bool SameCommitment(RegistryRecord a, RegistryRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Kind == RecordKind.Commitment && b.Kind == RecordKind.Commitment && a.ParentId == b.ParentId
            && a.Commitment is { } ca && b.Commitment is { } cb && TextNormalizer.Key(ca.Text) == TextNormalizer.Key(cb.Text);
    }

    /// <summary>The fields on which <paramref name="incoming"/> disagrees with <paramref name="existing"/>, for a reviewer: both give a
    /// value and the values differ. Not conflicts: a title the registry made up (<c>IND–ARG agreement</c>), a plain <c>agreement</c>
    /// beside a more specific instrument, a date given less precisely (<c>2024-01</c> beside <c>2024-01-15</c>), and lists (they are
    /// united). An organisation named by both with two different countries is one.</summary>
    /// <param name="existing">The record in the registry.</param>
    /// <param name="incoming">The record that matched it.</param>
    /// <param name="source">Where the incoming values come from, for the reviewer.</param>
    public static IReadOnlyList<FieldConflict> Conflicts(RegistryRecord existing, RegistryRecord incoming, string source)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        var theirs = RecordDiff.Fields(incoming).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var conflicts = new List<FieldConflict>();
        foreach (var (field, kept) in RecordDiff.Fields(existing))
        {
            if (!ScalarFields.Contains(field) || kept is null || theirs.GetValueOrDefault(field) is not { } other
                || string.Equals(kept, other, StringComparison.Ordinal))
            {
                continue;
            }
            var compatible = field switch
            {
                "title" => kept == GeneratedTitle(existing) || other == GeneratedTitle(incoming),
                "instrument" => kept == "agreement" || other == "agreement",
                "date" or "end_date" or "commitment.due" => kept.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(kept, StringComparison.Ordinal),
                _ => false,
            };
            if (!compatible)
            {
                conflicts.Add(new FieldConflict(field, kept, other, source));
            }
        }
        foreach (var mine in existing.Organisations)
        {
            if (incoming.Organisations.FirstOrDefault(o => SameOrganisation(mine, o)) is { Country: { } country } same
                && mine.Country is { } kept && kept != country)
            {
                conflicts.Add(new FieldConflict($"organisations[{mine.Name}].country", kept, country, source));
            }
        }
        if (existing.Review == ReviewState.Rejected && incoming.Review == ReviewState.Accepted)
        {
            conflicts.Add(new FieldConflict("review", "rejected", "accepted", source));
        }
        return conflicts;
    }

    /// <summary>True when two organisation entries name one organisation: the same name by matching key, or one is the abbreviation
    /// the other gives in brackets (<c>KABIL</c> and <c>Khanij Bidesh India Ltd (KABIL)</c>).</summary>
    public static bool SameOrganisation(Organisation a, Organisation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ka = TextNormalizer.Key(a.Name);
        var kb = TextNormalizer.Key(b.Name);
        return ka == kb || (Abbreviation(a.Name) is { } aa && TextNormalizer.Key(aa) == kb) || (Abbreviation(b.Name) is { } ab && TextNormalizer.Key(ab) == ka);
    }

    private static string? Abbreviation(string name)
    {
        var open = name.LastIndexOf('(');
        return name.EndsWith(')') && open > 0 ? name[(open + 1)..^1].Trim() : null;
    }

    /// <summary>Fields holding one value, where two sources can disagree (lists are united instead).</summary>
    private static readonly HashSet<string> ScalarFields = new(StringComparer.Ordinal)
    {
        "title", "instrument", "status", "date", "end_date", "parent_id", "partnership.framework_id", "occasion.session_number",
        "occasion.venue_country", "occasion.venue_city", "project.facility", "project.location", "project.capacity", "project.financing",
        "investment.amount", "investment.currency", "investment.period", "commitment.text", "commitment.owner", "commitment.due", "commitment.status",
    };

    private static string GeneratedTitle(RegistryRecord r) => MakeTitle(r.Kind, r.Instrument, r.Parties);

    private static bool SameEvent(RegistryRecord existing, RegistryRecord incoming, KhanijCatalogue? catalogue) =>
        existing.Kind == incoming.Kind
            && SameInstrument(existing, incoming)
            && SameParties(existing, incoming, catalogue)
            && DatesClose(EffectiveDate(existing), EffectiveDate(incoming))
            && MineralsCompatible(existing.Minerals, incoming.Minerals);

    /// <summary>The fields whose change alters what the analytics see (<see cref="RegistryLinks"/>): a merge that changes one of them
    /// sends an accepted record back to review. Stages count since a partnership feeds the analytics only for the stages it names.
    /// New sources, areas, officials or organisations are added without reopening.</summary>
    public static IReadOnlyList<string> SubstantiveFields { get; } = ["kind", "parties", "instrument", "date", "end_date", "minerals", "stages"];

    /// <summary>Merges <paramref name="incoming"/> into <paramref name="existing"/>: lists are united, missing values filled, sources
    /// added (evidence united per document). Returns the merged record, the field changes, and whether a
    /// <see cref="SubstantiveFields">substantive</see> field changed (which sends an accepted record back to review).</summary>
    public static (RegistryRecord Merged, IReadOnlyList<FieldChange> Changes, bool Substantive) Merge(RegistryRecord existing, RegistryRecord incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        var merged = existing with
        {
            // A title the registry made up gives way to one a person wrote.
            Title = existing.Title == GeneratedTitle(existing) && incoming.Title != GeneratedTitle(incoming) ? incoming.Title : existing.Title,
            Parties = Union(existing.Parties, incoming.Parties),
            Instrument = existing.Instrument == "agreement" && incoming.Instrument is not null ? incoming.Instrument : existing.Instrument,
            Status = existing.Status ?? incoming.Status,
            Date = existing.Date ?? incoming.Date,
            EndDate = existing.EndDate ?? incoming.EndDate,
            ParentId = existing.ParentId ?? incoming.ParentId,
            Minerals = Union(existing.Minerals, incoming.Minerals),
            Stages = Union(existing.Stages, incoming.Stages),
            Areas = Union(existing.Areas, incoming.Areas),
            Officials = [.. existing.Officials.Concat(incoming.Officials).DistinctBy(o => TextNormalizer.Key(o.Name))],
            Organisations = MergeOrganisations(existing.Organisations, incoming.Organisations),
            Sources = MergeSources(existing.Sources, incoming.Sources),
            Partnership = existing.Partnership is { } pa && incoming.Partnership is { } pb
                ? pa with { FrameworkId = pa.FrameworkId ?? pb.FrameworkId, Members = Union(pa.Members, pb.Members) }
                : existing.Partnership ?? incoming.Partnership,
            Project = existing.Project is { } ja && incoming.Project is { } jb
                ? ja with
                {
                    Facility = ja.Facility ?? jb.Facility,
                    Location = ja.Location ?? jb.Location,
                    Capacity = ja.Capacity ?? jb.Capacity,
                    Partners = Union(ja.Partners, jb.Partners),
                    Financing = ja.Financing ?? jb.Financing,
                }
                : existing.Project ?? incoming.Project,
            Commitment = existing.Commitment is { } ca && incoming.Commitment is { } cb
                ? ca with { Owner = ca.Owner ?? cb.Owner, Due = ca.Due ?? cb.Due }
                : existing.Commitment ?? incoming.Commitment,
            Occasion = existing.Occasion is { } o && incoming.Occasion is { } i
                ? o with
                {
                    SessionNumber = o.SessionNumber ?? i.SessionNumber,
                    VenueCountry = o.VenueCountry ?? i.VenueCountry,
                    VenueCity = o.VenueCity ?? i.VenueCity,
                }
                : existing.Occasion,
            Investment = existing.Investment is { } a && incoming.Investment is { } b
                ? a with
                {
                    Amount = a.Amount ?? b.Amount,
                    Currency = a.Currency ?? b.Currency,
                    Other = [.. a.Other.Concat(b.Other).Distinct()],
                }
                : existing.Investment,
        };
        var changes = RecordDiff.Changes(existing, merged);
        return (merged, changes, changes.Any(c => SubstantiveFields.Contains(c.Field)));
    }

    /// <summary>The record's date, else its first source's publication date, else null.</summary>
    public static string? EffectiveDate(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Date ?? record.Sources.Select(s => s.Published).FirstOrDefault(p => p is not null);
    }

    /// <summary>The session number stated in the evidence ("11th session", "11वें सत्र", "ग्यारहवें सत्र" are not all covered: digits
    /// followed by an ordinal suffix and a session/meeting word), or null.</summary>
    public static int? SessionNumberIn(IEnumerable<string> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        foreach (var sentence in evidence)
        {
            var m = SessionPattern().Match(sentence);
            if (m.Success && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000)
            {
                return n;
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?<n>[0-9]{1,3})\s*(?:st|nd|rd|th|वें|वीं|वां|वाँ|वी|वे)?\s*(?:-\s*)?(?:session|meeting|round|सत्र|बैठक|दौर)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionPattern();

    private static string CatalogueId(string mineral, KhanijCatalogue? catalogue) =>
        catalogue is null || mineral == RegistryVocabulary.CriticalMinerals || catalogue.MineralById(mineral) is not null
            ? mineral
            : catalogue.FindMineral(mineral.Replace('_', ' '))?.Id ?? mineral;

    private static InvestmentDetails InvestmentOf(IReadOnlyList<Amount> amounts)
    {
        var money = amounts.Where(a => !string.Equals(a.Unit, "count", StringComparison.OrdinalIgnoreCase)).ToList();
        var first = money.FirstOrDefault();
        return new InvestmentDetails(first?.Value, first?.Unit, null, [.. amounts.Where(a => !ReferenceEquals(a, first))]);
    }

    private static string MakeTitle(RecordKind kind, string? instrument, IReadOnlyList<string> parties)
    {
        var who = parties.Count == 0 ? "Unnamed parties" : string.Join("–", parties);
        var what = kind switch
        {
            RecordKind.Project => "project",
            RecordKind.Investment => "investment commitment",
            _ => instrument switch
            {
                "mou" => "MoU",
                "moc" => "MoC",
                "working_group_session" => "working group session",
                "joint_statement" => "joint statement",
                "trade_agreement" => "trade agreement",
                null => kind.ToId(),
                _ => instrument,
            },
        };
        return who + " " + what;
    }

    private static bool SameInstrument(RegistryRecord a, RegistryRecord b) =>
        a.Kind == RecordKind.Occasion
        || a.Instrument == b.Instrument
        || a.Instrument == "agreement" || b.Instrument == "agreement";

    private static bool SameParties(RegistryRecord a, RegistryRecord b, KhanijCatalogue? catalogue)
    {
        var ca = a.CountriesIn(catalogue).ToHashSet(StringComparer.Ordinal);
        var cb = b.CountriesIn(catalogue).ToHashSet(StringComparer.Ordinal);
        if (ca.Count >= 2 && cb.Count >= 2)
        {
            return ca.SetEquals(cb);
        }
        return a.Parties.ToHashSet(StringComparer.Ordinal).SetEquals(b.Parties);
    }

    private static bool DatesClose(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (ToDay(a) is { } da && ToDay(b) is { } db)
        {
            return Math.Abs(da.DayNumber - db.DayNumber) <= DateWindowDays;
        }
        // A month or year only: the same prefix is the best that can be said.
        var n = Math.Min(a.Length, b.Length);
        return string.CompareOrdinal(a, 0, b, 0, n) == 0;
    }

    private static DateOnly? ToDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static bool MineralsCompatible(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var sa = a.Where(m => m != RegistryVocabulary.CriticalMinerals).ToHashSet(StringComparer.Ordinal);
        var sb = b.Where(m => m != RegistryVocabulary.CriticalMinerals).ToHashSet(StringComparer.Ordinal);
        return sa.Count == 0 || sb.Count == 0 || sa.Overlaps(sb);
    }

    private static IReadOnlyList<SourceRef> MergeSources(IReadOnlyList<SourceRef> existing, IReadOnlyList<SourceRef> incoming)
    {
        var result = existing.ToList();
        foreach (var source in incoming)
        {
            var i = result.FindIndex(s => s.Document == source.Document);
            if (i < 0)
            {
                result.Add(source);
            }
            else
            {
                var evidence = Union(result[i].Evidence, source.Evidence);
                if (evidence.Count != result[i].Evidence.Count)
                {
                    result[i] = result[i] with { Evidence = evidence };
                }
            }
        }
        return result;
    }

    /// <summary>Organisations of both sides, one entry per organisation (<see cref="SameOrganisation"/>): the fuller name, and the
    /// country where only one side gives it.</summary>
    private static IReadOnlyList<Organisation> MergeOrganisations(IReadOnlyList<Organisation> existing, IReadOnlyList<Organisation> incoming)
    {
        var result = existing.ToList();
        foreach (var o in incoming)
        {
            var i = result.FindIndex(r => SameOrganisation(r, o));
            if (i < 0)
            {
                result.Add(o);
                continue;
            }
            var r = result[i];
            result[i] = new Organisation(o.Name.Length > r.Name.Length ? o.Name : r.Name, r.Country ?? o.Country);
        }
        return result.SequenceEqual(existing) ? existing : result;
    }

    private static List<string> Distinct(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        b.All(a.Contains) ? a : [.. a.Concat(b).Distinct(StringComparer.Ordinal)];
}
