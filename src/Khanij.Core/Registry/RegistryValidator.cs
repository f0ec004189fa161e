using Khanij.Core.Catalogue;

namespace Khanij.Core.Registry;

/// <summary>Checks a record against the catalogue and the registry's word lists. Pure; references to other records (parent, reviews)
/// are checked by the store, which knows which ids exist.</summary>
public static class RegistryValidator
{
    /// <summary>The problems of <paramref name="record"/>; empty when it is valid.</summary>
    /// <param name="record">The record to check.</param>
    /// <param name="catalogue">Countries, frameworks and minerals that may be named.</param>
    /// <param name="strictAreas">True for curated records: minerals must be catalogue ids and areas must come from
    /// <see cref="RegistryVocabulary.Areas"/>. Ingested proposals keep whatever mineral or area the extractor found (a reviewer can
    /// correct it with an edit).</param>
    public static IReadOnlyList<RegistryProblem> Validate(RegistryRecord record, KhanijCatalogue catalogue, bool strictAreas = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<RegistryProblem>();
        void Add(string path, string message) => problems.Add(new RegistryProblem(path, message));

        if (!RegistryVocabulary.IsValidId(record.Id))
        {
            Add("id", $"id '{record.Id}' is not valid; expected 1–40 lower-case letters, digits or hyphens, starting with a letter (e.g. 'msp').");
        }
        if (string.IsNullOrWhiteSpace(record.Title))
        {
            Add("title", "title is empty; expected a short human title.");
        }
        for (var i = 0; i < record.Parties.Count; i++)
        {
            var p = record.Parties[i];
            if (catalogue.CountryByIso3(p) is null && catalogue.FrameworkById(p) is null)
            {
                Add($"parties[{i}]", $"party '{p}' is neither an ISO 3166-1 alpha-3 code in the catalogue (e.g. IND, JPN) nor a framework id ("
                    + string.Join(", ", catalogue.Frameworks.Select(f => f.Id)) + ").");
            }
        }
        var isFramework = record.FrameworksIn(catalogue).Any();
        if (record.Kind is RecordKind.Partnership or RecordKind.Occasion && record.Parties.Count < 2 && !isFramework)
        {
            Add("parties", $"a {record.Kind.ToId()} needs two or more parties, or a framework; found {record.Parties.Count}.");
        }
        else if (record.Parties.Count == 0)
        {
            Add("parties", "parties is empty; expected at least one ISO3 country code or framework id.");
        }
        var instruments = RegistryVocabulary.InstrumentsOf(record.Kind);
        if (instruments.Count > 0 && (record.Instrument is null || !instruments.Contains(record.Instrument)))
        {
            Add("instrument", $"instrument '{record.Instrument}' is not valid for a {record.Kind.ToId()}; expected one of {string.Join(", ", instruments)}.");
        }
        else if (instruments.Count == 0 && record.Instrument is not null)
        {
            Add("instrument", $"a {record.Kind.ToId()} has no instrument; found '{record.Instrument}'. Remove it or change the kind.");
        }
        if (record.Status is not null && !RegistryVocabulary.Statuses.Contains(record.Status))
        {
            Add("status", $"status '{record.Status}' is not known; expected one of {string.Join(", ", RegistryVocabulary.Statuses)}.");
        }
        CheckDate(record.Date, "date", Add);
        CheckDate(record.EndDate, "end_date", Add);
        if (record.Date is not null && record.EndDate is not null && string.CompareOrdinal(record.EndDate, record.Date) < 0)
        {
            Add("end_date", $"end_date {record.EndDate} is before date {record.Date}.");
        }
        for (var i = 0; i < record.Minerals.Count; i++)
        {
            var m = record.Minerals[i];
            if (strictAreas && m != RegistryVocabulary.CriticalMinerals && catalogue.MineralById(m) is null)
            {
                var hint = catalogue.FindMineral(m) is { } found ? $" Did you mean '{found.Id}'?" : "";
                Add($"minerals[{i}]", $"mineral '{m}' is not a catalogue mineral id (see 'khanij minerals'), nor '{RegistryVocabulary.CriticalMinerals}'.{hint}");
            }
        }
        CheckWords(record.Stages, "stages", RegistryVocabulary.Stages, Add);
        if (strictAreas)
        {
            CheckWords(record.Areas, "areas", RegistryVocabulary.Areas, Add);
        }
        for (var i = 0; i < record.Officials.Count; i++)
        {
            var o = record.Officials[i];
            if (string.IsNullOrWhiteSpace(o.Name))
            {
                Add($"officials[{i}].name", "official without a name.");
            }
            CheckCountry(catalogue, o.Country, $"officials[{i}].country", Add);
        }
        for (var i = 0; i < record.Organisations.Count; i++)
        {
            var o = record.Organisations[i];
            if (string.IsNullOrWhiteSpace(o.Name))
            {
                Add($"organisations[{i}].name", "organisation without a name.");
            }
            CheckCountry(catalogue, o.Country, $"organisations[{i}].country", Add);
        }
        if (record.ParentId is not null && !RegistryVocabulary.IsValidId(record.ParentId))
        {
            Add("parent_id", $"parent_id '{record.ParentId}' is not a valid record id.");
        }
        if (record.Sources.Count == 0)
        {
            Add("sources", "no source; every record must cite at least one source document (document and url or verbatim evidence).");
        }
        for (var i = 0; i < record.Sources.Count; i++)
        {
            var s = record.Sources[i];
            if (string.IsNullOrWhiteSpace(s.Document))
            {
                Add($"sources[{i}].document", "source without a document name; expected a file name or a citation (publisher, title).");
            }
            if (string.IsNullOrWhiteSpace(s.Url) && !s.Evidence.Any(e => !string.IsNullOrWhiteSpace(e)))
            {
                Add($"sources[{i}]", "source has neither a url nor verbatim evidence; expected at least one, so the claim can be checked.");
            }
            CheckDate(s.Published, $"sources[{i}].published", Add);
        }
        CheckDetails(record, catalogue, Add);
        return problems;
    }

    private static void CheckDetails(RegistryRecord record, KhanijCatalogue catalogue, Action<string, string> add)
    {
        var present = new (string Name, bool Has, RecordKind Kind)[]
        {
            ("partnership", record.Partnership is not null, RecordKind.Partnership),
            ("occasion", record.Occasion is not null, RecordKind.Occasion),
            ("project", record.Project is not null, RecordKind.Project),
            ("investment", record.Investment is not null, RecordKind.Investment),
            ("commitment", record.Commitment is not null, RecordKind.Commitment),
        };
        foreach (var (name, has, kind) in present)
        {
            if (has && kind != record.Kind)
            {
                add(name, $"a {record.Kind.ToId()} record cannot have '{name}' details; they belong to kind '{kind.ToId()}'.");
            }
        }
        if (record.Partnership is { } p)
        {
            if (p.FrameworkId is not null && catalogue.FrameworkById(p.FrameworkId) is null)
            {
                add("partnership.framework_id", $"framework '{p.FrameworkId}' is not in the catalogue; expected one of "
                    + string.Join(", ", catalogue.Frameworks.Select(f => f.Id)) + ".");
            }
            for (var i = 0; i < p.Members.Count; i++)
            {
                CheckCountry(catalogue, p.Members[i], $"partnership.members[{i}]", add);
            }
            if (record.Instrument == "framework" && p.FrameworkId is null)
            {
                add("partnership.framework_id", "instrument 'framework' needs partnership.framework_id (e.g. MSP, QUAD).");
            }
        }
        if (record.Occasion is { } o)
        {
            if (o.SessionNumber is <= 0)
            {
                add("occasion.session_number", $"session number {o.SessionNumber} is not positive.");
            }
            CheckCountry(catalogue, o.VenueCountry, "occasion.venue_country", add);
        }
        if (record.Investment is { } inv)
        {
            if (inv.Amount is { } a && (!double.IsFinite(a) || a < 0))
            {
                add("investment.amount", $"amount {a} is not a finite non-negative number.");
            }
            if (inv.Currency is { } c && !RegistryVocabulary.IsIso3(c))
            {
                add("investment.currency", $"currency '{c}' is not an ISO 4217 code (three upper-case letters, e.g. INR, JPY, USD).");
            }
        }
        if (record.Kind == RecordKind.Commitment && record.Commitment is null)
        {
            add("commitment", "a commitment record needs 'commitment' details (text, owner, due, status).");
        }
        if (record.Commitment is { } cm)
        {
            if (string.IsNullOrWhiteSpace(cm.Text))
            {
                add("commitment.text", "commitment text is empty; expected what was committed.");
            }
            CheckDate(cm.Due, "commitment.due", add);
        }
    }

    private static void CheckDate(string? date, string path, Action<string, string> add)
    {
        if (date is not null && !RegistryVocabulary.IsDate(date))
        {
            add(path, $"'{date}' is not a date; expected YYYY-MM-DD (or YYYY-MM, YYYY).");
        }
    }

    private static void CheckCountry(KhanijCatalogue catalogue, string? iso3, string path, Action<string, string> add)
    {
        if (iso3 is not null && catalogue.CountryByIso3(iso3) is null)
        {
            add(path, $"'{iso3}' is not an ISO 3166-1 alpha-3 country code in the catalogue (e.g. IND, JPN, USA).");
        }
    }

    private static void CheckWords(IReadOnlyList<string> values, string path, IReadOnlyList<string> allowed, Action<string, string> add)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!allowed.Contains(values[i]))
            {
                add($"{path}[{i}]", $"'{values[i]}' is not a known value of {path}; expected one of {string.Join(", ", allowed)}.");
            }
        }
    }
}
