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

    private static bool SameEvent(RegistryRecord existing, RegistryRecord incoming, KhanijCatalogue? catalogue) =>
        existing.Kind == incoming.Kind
            && SameInstrument(existing, incoming)
            && SameParties(existing, incoming, catalogue)
            && DatesClose(EffectiveDate(existing), EffectiveDate(incoming))
            && MineralsCompatible(existing.Minerals, incoming.Minerals);

    /// <summary>The fields whose change alters what the analytics see (<see cref="RegistryLinks"/>): a merge that changes one of them
    /// sends an accepted record back to review. New sources, areas, stages, officials or organisations are added without reopening.</summary>
    public static IReadOnlyList<string> SubstantiveFields { get; } = ["kind", "parties", "instrument", "date", "end_date", "minerals"];

    /// <summary>Merges <paramref name="incoming"/> into <paramref name="existing"/>: lists are united, missing values filled, sources
    /// added (evidence united per document). Returns the merged record, the field changes, and whether a
    /// <see cref="SubstantiveFields">substantive</see> field changed (which sends an accepted record back to review).</summary>
    public static (RegistryRecord Merged, IReadOnlyList<FieldChange> Changes, bool Substantive) Merge(RegistryRecord existing, RegistryRecord incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        var merged = existing with
        {
            Parties = Union(existing.Parties, incoming.Parties),
            Instrument = existing.Instrument == "agreement" && incoming.Instrument is not null ? incoming.Instrument : existing.Instrument,
            Status = existing.Status ?? incoming.Status,
            Date = existing.Date ?? incoming.Date,
            Minerals = Union(existing.Minerals, incoming.Minerals),
            Stages = Union(existing.Stages, incoming.Stages),
            Areas = Union(existing.Areas, incoming.Areas),
            Officials = [.. existing.Officials.Concat(incoming.Officials).DistinctBy(o => TextNormalizer.Key(o.Name))],
            Organisations = [.. existing.Organisations.Concat(incoming.Organisations).DistinctBy(o => TextNormalizer.Key(o.Name))],
            Sources = MergeSources(existing.Sources, incoming.Sources),
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

    private static List<string> Distinct(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        b.All(a.Contains) ? a : [.. a.Concat(b).Distinct(StringComparer.Ordinal)];
}
