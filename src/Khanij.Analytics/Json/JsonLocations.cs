using System.Text;
using System.Text.Json;
using Khanij.Analytics.Simulation;

namespace Khanij.Analytics.Json;

/// <summary>Line and column of every value (and property name, keyed <c>path#name</c>) in a well-formed JSON text, by path such as
/// <c>$.deployment[2].value</c>, so problems found after parsing still point at the text. Shared by the scenario readers
/// (<see cref="ScenarioReader"/>, <see cref="Demand.DemandScenarioReader"/>).</summary>
internal sealed class JsonLocations
{
    /// <summary>Parses <paramref name="utf8"/> (comments allowed) or returns the one problem that stops it, at the parser's line and column.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="file">File name for the message.</param>
    /// <param name="format">Where the format is described, e.g. <c>docs/demand.md</c>.</param>
    /// <param name="document">The document when the text is well-formed.</param>
    public static ScenarioError? TryParse(byte[] utf8, string file, string format, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return null;
        }
        catch (JsonException e)
        {
            document = null;
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return new ScenarioError(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                "not valid JSON: " + (cut > 0 ? message[..cut] : message) + $" Expected a JSON object as described in {format}.");
        }
    }

    private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);
    private readonly List<int> _lineStarts = [0];
    private readonly byte[] _utf8;

    public JsonLocations(byte[] utf8)
    {
        _utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var open = new Stack<(string Path, bool IsArray, int Count)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                _offsets.TryAdd($"{open.Peek().Path}.{property}#name", (int)reader.TokenStartIndex);
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                open.Pop();
                continue;
            }
            string path;
            if (open.Count == 0)
            {
                path = "$";
            }
            else if (open.Peek().IsArray)
            {
                var top = open.Pop();
                path = $"{top.Path}[{top.Count}]";
                open.Push(top with { Count = top.Count + 1 });
            }
            else
            {
                path = $"{open.Peek().Path}.{property}";
            }
            _offsets.TryAdd(path, (int)reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                open.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
    }

    /// <summary>1-based line and column of the value at <paramref name="path"/>; (0, 0) when the path is not in the text.</summary>
    public (int Line, int Column) Of(string path)
    {
        if (!_offsets.TryGetValue(path, out var offset))
        {
            return (0, 0);
        }
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return (line + 1, Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], offset - _lineStarts[line]) + 1);
    }
}
