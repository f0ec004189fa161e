using System.Globalization;
using Khanij.Core.Events;

namespace Khanij.Ingest.Events;

/// <summary>Merges events reported by several documents: same kind of instrument (meetings of any form count as one kind), the same
/// countries, both dated and no more than three days apart (two undated reports are never taken for one event), and minerals that
/// overlap (or are unknown on one side).
/// The merged event keeps the first document's fields and evidence and lists every document under <c>Sources</c>.</summary>
internal static class EventMerger
{
    public static IReadOnlyList<CooperationEvent> Merge(IEnumerable<IngestResult> results)
    {
        var merged = new List<(CooperationEvent Event, List<EventSource> Sources)>();
        foreach (var r in results)
        {
            foreach (var e in r.Events)
            {
                var source = new EventSource(r.Document.Name, r.Document.Published, r.Document.Language, e.Evidence);
                var i = merged.FindIndex(m => m.Event.Doc != e.Doc && Same(m.Event, e));
                if (i < 0)
                {
                    merged.Add((e, [source]));
                    continue;
                }
                var (first, sources) = merged[i];
                sources.Add(source);
                merged[i] = (first with
                {
                    Minerals = [.. first.Minerals.Union(e.Minerals)],
                    Areas = [.. first.Areas.Union(e.Areas)],
                    Organisations = [.. first.Organisations.Union(e.Organisations)],
                    Officials = [.. first.Officials.Concat(e.Officials.Where(o => !first.Officials.Any(f => f.Name == o.Name)))],
                    VenueCountry = first.VenueCountry ?? e.VenueCountry,
                    VenueCity = first.VenueCity ?? e.VenueCity,
                    Date = first.Date ?? e.Date,
                    FollowUps = [.. first.FollowUps.Concat(e.FollowUps.Where(f => !first.FollowUps.Any(x => x.Text == f.Text)))],
                }, sources);
            }
        }
        return [.. merged.Select(m => m.Sources.Count > 1 ? m.Event with { Sources = m.Sources } : m.Event)];
    }

    internal static bool Same(CooperationEvent a, CooperationEvent b)
    {
        if (Family(a.Instrument) != Family(b.Instrument))
        {
            return false;
        }
        var pa = a.Parties.Where(p => p.Length == 3).ToHashSet(StringComparer.Ordinal);
        var pb = b.Parties.Where(p => p.Length == 3).ToHashSet(StringComparer.Ordinal);
        if (!pa.SetEquals(pb))
        {
            return false;
        }
        if (!DateOnly.TryParseExact(a.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var da)
            || !DateOnly.TryParseExact(b.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var db)
            || Math.Abs(da.DayNumber - db.DayNumber) > 3)
        {
            return false; // a missing date on either side is no evidence of the same day
        }
        return a.Minerals.Count == 0 || b.Minerals.Count == 0 || a.Minerals.Intersect(b.Minerals).Any();
    }

    private static string Family(string instrument) =>
        instrument is "meeting" or "ministerial" or "working_group_session" ? "meeting" : instrument is "mou" or "moc" ? "mou" : instrument;
}
