using System.Text;
using System.Text.Json;
using Khanij.Core.Events;

namespace Khanij.Data.Registry;

/// <summary>Reads an events file in the gold schema (<c>{"events": [...]}</c>, as <c>khanij ingest extract --json</c> prints), so
/// events extracted elsewhere or curated by hand can be added to the registry.</summary>
public static class EventsFile
{
    /// <summary>The events of <paramref name="json"/>; missing lists become empty.</summary>
    /// <param name="name">File name for messages.</param>
    /// <param name="json">The file's text.</param>
    /// <exception cref="RegistryException">Not JSON, no <c>events</c> array, or an event without <c>doc</c> or <c>instrument</c>
    /// (message with line and column where known).</exception>
    public static IReadOnlyList<CooperationEvent> Parse(string name, string json)
    {
        List<CooperationEvent?>? events;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new RegistryException($"{name}:1:1: expected an object with an \"events\" array (the gold schema of shared/gold/README.md).");
            }
            events = array.Deserialize<List<CooperationEvent?>>(RegistryJson.Options);
        }
        catch (JsonException x)
        {
            var line = (x.LineNumber ?? 0) + 1;
            var column = (x.BytePositionInLine ?? 0) + 1;
            throw new RegistryException(
                $"{name}:{line}:{column}: not a valid events file{(x.Path is null ? "" : $" at {x.Path}")}: {x.Message.Split(" Path:")[0]}", x);
        }
        var result = new List<CooperationEvent>();
        var problems = new List<string>();
        for (var i = 0; i < (events ?? []).Count; i++)
        {
            var e = events![i];
            if (e is null || string.IsNullOrWhiteSpace(e.Doc) || string.IsNullOrWhiteSpace(e.Instrument))
            {
                problems.Add($"{name}: events[{i}]: an event needs \"doc\" and \"instrument\".");
                continue;
            }
            result.Add(e with
            {
                Parties = e.Parties ?? [],
                Minerals = e.Minerals ?? [],
                Areas = e.Areas ?? [],
                Officials = e.Officials ?? [],
                Organisations = e.Organisations ?? [],
                Amounts = e.Amounts ?? [],
                Evidence = e.Evidence ?? [],
                Status = e.Status ?? "reported",
            });
        }
        return problems.Count > 0 ? throw new RegistryException(problems) : result;
    }

    /// <summary>Reads <paramref name="path"/> as UTF-8 and parses it.</summary>
    public static async Task<IReadOnlyList<CooperationEvent>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(Path.GetFileName(path), await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken));
}
