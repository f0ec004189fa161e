using System.Globalization;
using Khanij.Core.Events;

namespace Khanij.Core.Registry;

/// <summary>Field-by-field text form of a record, used for audit entries (what changed) and for display.</summary>
public static class RecordDiff
{
    /// <summary>Every field of <paramref name="record"/> as (name, text or null), names as in the JSON form
    /// (<c>minerals</c>, <c>commitment.due</c>); lists are joined with ", ".</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Fields(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var f = new List<KeyValuePair<string, string?>>
        {
            new("kind", record.Kind.ToId()),
            new("title", record.Title),
            new("parties", Join(record.Parties)),
            new("instrument", record.Instrument),
            new("status", record.Status),
            new("date", record.Date),
            new("end_date", record.EndDate),
            new("minerals", Join(record.Minerals)),
            new("stages", Join(record.Stages)),
            new("areas", Join(record.Areas)),
            new("officials", Join(record.Officials.Select(Format))),
            new("organisations", Join(record.Organisations.Select(o => o.Country is null ? o.Name : $"{o.Name} ({o.Country})"))),
            new("parent_id", record.ParentId),
            new("sources", Join(record.Sources.Select(s => $"{s.Document} [{s.Evidence.Count} evidence]"))),
            new("review", record.Review.ToString().ToLowerInvariant()),
            new("conflicts", Join(record.Conflicts.Select(c => $"{c.Field}: kept {c.Kept ?? "∅"}, {c.Source} says {c.Incoming ?? "∅"}"))),
        };
        if (record.Partnership is { } p)
        {
            f.Add(new("partnership.framework_id", p.FrameworkId));
            f.Add(new("partnership.members", Join(p.Members)));
        }
        if (record.Occasion is { } o)
        {
            f.Add(new("occasion.session_number", o.SessionNumber?.ToString(CultureInfo.InvariantCulture)));
            f.Add(new("occasion.venue_country", o.VenueCountry));
            f.Add(new("occasion.venue_city", o.VenueCity));
            f.Add(new("occasion.reviews", Join(o.Reviews)));
        }
        if (record.Project is { } j)
        {
            f.Add(new("project.facility", j.Facility));
            f.Add(new("project.location", j.Location));
            f.Add(new("project.capacity", j.Capacity));
            f.Add(new("project.partners", Join(j.Partners)));
            f.Add(new("project.financing", j.Financing));
        }
        if (record.Investment is { } i)
        {
            f.Add(new("investment.amount", i.Amount?.ToString("R", CultureInfo.InvariantCulture)));
            f.Add(new("investment.currency", i.Currency));
            f.Add(new("investment.period", i.Period));
            f.Add(new("investment.other", Join(i.Other.Select(a => $"{a.Value.ToString("R", CultureInfo.InvariantCulture)} {a.Unit} ({a.What})"))));
        }
        if (record.Commitment is { } c)
        {
            f.Add(new("commitment.text", c.Text));
            f.Add(new("commitment.owner", c.Owner));
            f.Add(new("commitment.due", c.Due));
            f.Add(new("commitment.status", c.Status.ToString().ToLowerInvariant()));
        }
        return f;
    }

    /// <summary>The fields whose text differs between <paramref name="before"/> and <paramref name="after"/>, in field order.</summary>
    public static IReadOnlyList<FieldChange> Changes(RegistryRecord? before, RegistryRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = before is null ? [] : Fields(before).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var (field, value) in Fields(after))
        {
            var was = old.GetValueOrDefault(field);
            if (!string.Equals(was, value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, was, value));
            }
        }
        return changes;
    }

    private static string Format(Official o) =>
        o.Country is null ? $"{o.Name} ({o.Role})" : $"{o.Name} ({o.Role}, {o.Country})";

    private static string? Join(IEnumerable<string> values)
    {
        var text = string.Join(", ", values);
        return text.Length == 0 ? null : text;
    }
}
