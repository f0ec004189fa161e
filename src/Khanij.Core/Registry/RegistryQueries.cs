namespace Khanij.Core.Registry;

/// <summary>The registry's read-side questions over a set of records: who partners with whom on what, a country's timeline and
/// follow-ups. Only accepted records are considered.</summary>
public static class RegistryQueries
{
    /// <summary>Partnership rows. With <paramref name="country"/>, one row per counterpart of that country (country or framework);
    /// without, one row per distinct party set. With <paramref name="mineral"/>, only records covering it (naming it, naming
    /// <c>critical_minerals</c> or naming no mineral — the same rule as <see cref="Partners.PartnerLink.Covers(string, string, string)"/>).
    /// Rows are ordered by counterpart (or parties).</summary>
    public static IReadOnlyList<PartnerSummary> Partners(IEnumerable<RegistryRecord> records, string? country = null, string? mineral = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = new List<(string Key, IReadOnlyList<string> Parties, string? Counterpart, RegistryRecord Record)>();
        foreach (var r in Accepted(records).Where(r => r.Kind != RecordKind.Commitment))
        {
            if (mineral is not null && !Covers(r, mineral))
            {
                continue;
            }
            if (country is null)
            {
                var parties = r.Parties.Order(StringComparer.Ordinal).ToList();
                rows.Add((string.Join("+", parties), parties, null, r));
            }
            else if (r.Parties.Contains(country) || (r.Partnership?.Members.Contains(country) ?? false))
            {
                foreach (var other in r.Parties.Where(p => p != country).Distinct(StringComparer.Ordinal))
                {
                    rows.Add((other, [country, other], other, r));
                }
            }
        }
        return [.. rows
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var recs = g.Select(x => x.Record).OrderBy(r => r.Date ?? "9999", StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
                var dated = recs.Where(r => r.Date is not null).ToList();
                return new PartnerSummary(
                    g.First().Parties,
                    g.First().Counterpart,
                    [.. recs.Select(r => r.Instrument ?? r.Kind.ToId()).Distinct(StringComparer.Ordinal)],
                    [.. recs.SelectMany(r => r.Minerals).Distinct(StringComparer.Ordinal)],
                    [.. recs.SelectMany(r => r.Stages).Distinct(StringComparer.Ordinal)],
                    [.. recs.SelectMany(r => r.Areas).Distinct(StringComparer.Ordinal)],
                    dated.FirstOrDefault()?.Date,
                    dated.LastOrDefault()?.Date,
                    (dated.LastOrDefault() ?? recs[^1]).Status,
                    [.. recs.Select(r => r.Id)],
                    recs.SelectMany(r => r.Sources).Select(s => s.Document).Distinct(StringComparer.Ordinal).Count());
            })];
    }

    /// <summary>Accepted records naming <paramref name="country"/> (as a party or framework member), oldest first; undated records last.</summary>
    public static IReadOnlyList<RegistryRecord> Timeline(IEnumerable<RegistryRecord> records, string country)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(country);
        return [.. Accepted(records)
            .Where(r => r.Parties.Contains(country) || (r.Partnership?.Members.Contains(country) ?? false))
            .OrderBy(r => r.Date ?? r.Commitment?.Due ?? "9999", StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>Accepted commitments with their status as of <paramref name="today"/> (YYYY-MM-DD), due date first (undated last).
    /// With <paramref name="overdueOnly"/>, only those overdue on that day.</summary>
    public static IReadOnlyList<(RegistryRecord Record, FollowUpStatus Status)> FollowUps(
        IEnumerable<RegistryRecord> records, string today, bool overdueOnly = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. Accepted(records)
            .Where(r => r.Commitment is not null)
            .Select(r => (Record: r, Status: r.Commitment!.EffectiveStatus(today)))
            .Where(x => !overdueOnly || x.Status == FollowUpStatus.Overdue)
            .OrderBy(x => x.Record.Commitment!.Due ?? "9999", StringComparer.Ordinal)
            .ThenBy(x => x.Record.Id, StringComparer.Ordinal)];
    }

    private static IEnumerable<RegistryRecord> Accepted(IEnumerable<RegistryRecord> records) =>
        records.Where(r => r.Review == ReviewState.Accepted);

    private static bool Covers(RegistryRecord r, string mineral) =>
        r.Minerals.Count == 0 || r.Minerals.Contains(mineral) || r.Minerals.Contains(RegistryVocabulary.CriticalMinerals);
}
