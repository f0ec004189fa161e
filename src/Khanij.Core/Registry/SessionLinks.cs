namespace Khanij.Core.Registry;

/// <summary>Session N of a working group reviews session N−1: finds the pairs not yet linked.</summary>
public static class SessionLinks
{
    /// <summary>For every occasion with a session number N, the occasion of the same countries (and frameworks) numbered N−1 when it
    /// exists and is not yet in its <see cref="OccasionDetails.Reviews"/>. Rejected records take no part.</summary>
    public static IReadOnlyList<(string OccasionId, string ReviewedId)> Missing(IEnumerable<RegistryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sessions = records
            .Where(r => r.Review != ReviewState.Rejected && r.Occasion?.SessionNumber is not null)
            .Select(r => (Record: r, Key: string.Join("+", r.Parties.Order(StringComparer.Ordinal)), N: r.Occasion!.SessionNumber!.Value))
            .ToList();
        var result = new List<(string, string)>();
        foreach (var s in sessions)
        {
            var previous = sessions.FirstOrDefault(p => p.Key == s.Key && p.N == s.N - 1);
            if (previous.Record is not null && !s.Record.Occasion!.Reviews.Contains(previous.Record.Id))
            {
                result.Add((s.Record.Id, previous.Record.Id));
            }
        }
        return result;
    }
}
