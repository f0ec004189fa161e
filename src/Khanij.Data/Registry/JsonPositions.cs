using System.Text;
using System.Text.Json;

namespace Khanij.Data.Registry;

/// <summary>Line and column (1-based, columns in characters) of every value in a JSON text, by path (<c>records[2].parties[1]</c>),
/// so messages about a value can point at it. The JSON must already be known to be well-formed.</summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _byPath = new(StringComparer.Ordinal);
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];

    public JsonPositions(byte[] utf8)
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
        var stack = new Stack<(bool IsArray, int Index, string Path)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            var path = "";
            if (stack.Count > 0)
            {
                var top = stack.Pop();
                if (top.IsArray)
                {
                    path = $"{top.Path}[{top.Index}]";
                    stack.Push(top with { Index = top.Index + 1 });
                }
                else
                {
                    path = top.Path.Length == 0 ? property ?? "" : $"{top.Path}.{property}";
                    stack.Push(top);
                }
            }
            _byPath[path] = Position((int)reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((reader.TokenType == JsonTokenType.StartArray, 0, path));
            }
        }
    }

    /// <summary>Position of <paramref name="path"/>, or of its nearest enclosing value when it is missing (a missing field points at
    /// its object).</summary>
    public (int Line, int Column) Of(string path)
    {
        while (true)
        {
            if (_byPath.TryGetValue(path, out var p))
            {
                return p;
            }
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _byPath.GetValueOrDefault("", (1, 1));
            }
            path = path[..cut];
        }
    }

    /// <summary>Line and character column of a byte offset.</summary>
    public (int Line, int Column) Position(int byteOffset)
    {
        var line = _lineStarts.BinarySearch(byteOffset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        var start = _lineStarts[line];
        return (line + 1, Encoding.UTF8.GetCharCount(_utf8, start, Math.Min(byteOffset, _utf8.Length) - start) + 1);
    }
}
