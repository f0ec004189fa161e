using System.Globalization;

namespace Khanij.Core.Registry;

/// <summary>Reviewer edits of the form <c>field=value</c> (<c>minerals=lithium,cobalt</c>, <c>commitment.status=done</c>).
/// An empty value clears an optional field. The result must still pass <see cref="RegistryValidator"/>.</summary>
public static class RegistryEdits
{
    /// <summary>The fields an edit may set.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "title", "parties", "instrument", "status", "date", "end_date", "minerals", "stages", "areas", "parent_id",
        "partnership.framework_id", "partnership.members",
        "occasion.session_number", "occasion.venue_country", "occasion.venue_city", "occasion.reviews",
        "project.facility", "project.location", "project.capacity", "project.partners", "project.financing",
        "investment.amount", "investment.currency", "investment.period",
        "commitment.text", "commitment.owner", "commitment.due", "commitment.status",
    ];

    /// <summary>Applies one edit.</summary>
    /// <exception cref="FormatException">Unknown field, a field of another kind, or a value that cannot be read (the message says which
    /// and what was expected).</exception>
    public static RegistryRecord Apply(RegistryRecord record, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        var v = value.Trim();
        string? text = v.Length == 0 ? null : v;
        return field.Trim().ToLowerInvariant() switch
        {
            "title" => record with { Title = text ?? throw new FormatException("title cannot be empty.") },
            "parties" => record with { Parties = [.. List(v).Select(p => p.ToUpperInvariant())] },
            "instrument" => record with { Instrument = text?.ToLowerInvariant() },
            "status" => record with { Status = text?.ToLowerInvariant() },
            "date" => record with { Date = text },
            "end_date" => record with { EndDate = text },
            "minerals" => record with { Minerals = List(v) },
            "stages" => record with { Stages = List(v) },
            "areas" => record with { Areas = List(v) },
            "parent_id" => record with { ParentId = text },
            "partnership.framework_id" => record with { Partnership = Need(record.Partnership, field) with { FrameworkId = text?.ToUpperInvariant() } },
            "partnership.members" => record with
            {
                Partnership = Need(record.Partnership, field) with { Members = [.. List(v).Select(p => p.ToUpperInvariant())] },
            },
            "occasion.session_number" => record with { Occasion = Need(record.Occasion, field) with { SessionNumber = Int(text, field) } },
            "occasion.venue_country" => record with { Occasion = Need(record.Occasion, field) with { VenueCountry = text?.ToUpperInvariant() } },
            "occasion.venue_city" => record with { Occasion = Need(record.Occasion, field) with { VenueCity = text } },
            "occasion.reviews" => record with { Occasion = Need(record.Occasion, field) with { Reviews = List(v) } },
            "project.facility" => record with { Project = Need(record.Project, field) with { Facility = text } },
            "project.location" => record with { Project = Need(record.Project, field) with { Location = text } },
            "project.capacity" => record with { Project = Need(record.Project, field) with { Capacity = text } },
            "project.partners" => record with { Project = Need(record.Project, field) with { Partners = List(v) } },
            "project.financing" => record with { Project = Need(record.Project, field) with { Financing = text } },
            "investment.amount" => record with { Investment = Need(record.Investment, field) with { Amount = Number(text, field) } },
            "investment.currency" => record with { Investment = Need(record.Investment, field) with { Currency = text?.ToUpperInvariant() } },
            "investment.period" => record with { Investment = Need(record.Investment, field) with { Period = text } },
            "commitment.text" => record with
            {
                Commitment = Need(record.Commitment, field) with { Text = text ?? throw new FormatException("commitment.text cannot be empty.") },
            },
            "commitment.owner" => record with { Commitment = Need(record.Commitment, field) with { Owner = text } },
            "commitment.due" => record with { Commitment = Need(record.Commitment, field) with { Due = text } },
            "commitment.status" => record with { Commitment = Need(record.Commitment, field) with { Status = FollowUp(text) } },
            _ => throw new FormatException($"'{field}' is not an editable field; expected one of {string.Join(", ", Fields)}."),
        };
    }

    /// <summary>Parses a follow-up status id (open, done, overdue, dropped).</summary>
    /// <exception cref="FormatException">Unknown status.</exception>
    public static FollowUpStatus FollowUp(string? text) => text?.ToLowerInvariant() switch
    {
        "open" => FollowUpStatus.Open,
        "done" => FollowUpStatus.Done,
        "overdue" => FollowUpStatus.Overdue,
        "dropped" => FollowUpStatus.Dropped,
        _ => throw new FormatException($"'{text}' is not a follow-up status; expected open, done, overdue or dropped."),
    };

    private static T Need<T>(T? details, string field)
        where T : class =>
        details ?? throw new FormatException($"'{field}' belongs to another kind of record; this record has no {field.Split('.')[0]} details.");

    private static List<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static int? Int(string? text, string field) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"{field} '{text}' is not a whole number.");

    private static double? Number(string? text, string field) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"{field} '{text}' is not a number (use a dot for decimals, no thousands separators).");
}
