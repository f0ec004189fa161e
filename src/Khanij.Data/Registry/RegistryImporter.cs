using System.Text.Json;
using Khanij.Core.Catalogue;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>Imports a curated registry file: reads it, checks every record (shape, catalogue, word lists, sources, ids, references),
/// and stores all records in one transaction — or none, with every problem reported as <c>file:line:column: message</c>.</summary>
public static class RegistryImporter
{
    /// <summary>Checks and imports <paramref name="path"/>; returns what was added and what merged into records of the same event.</summary>
    /// <exception cref="RegistryException">The file is missing, not JSON, or has invalid records; nothing was changed.</exception>
    public static async Task<ImportOutcome> ImportFileAsync(
        string path, RegistryStore store, KhanijCatalogue catalogue, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!File.Exists(path))
        {
            throw new RegistryException($"{path}: file not found.");
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var existing = (await store.ListAsync(cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var records = Check(path, bytes, catalogue, existing);
        return await store.ImportAsync(records, who, catalogue, cancellationToken);
    }

    /// <summary>Checks every file of <paramref name="paths"/>, then imports all their records in one transaction — or nothing when any
    /// file has a problem (each problem reported with its file, line and column).</summary>
    /// <exception cref="RegistryException">A file is missing, not JSON, or has invalid records; nothing was changed.</exception>
    public static async Task<ImportOutcome> ImportFilesAsync(
        IReadOnlyList<string> paths, RegistryStore store, KhanijCatalogue catalogue, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(store);
        if (paths.Count == 1)
        {
            return await ImportFileAsync(paths[0], store, catalogue, who, cancellationToken);
        }
        var known = (await store.ListAsync(cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var records = new List<RegistryRecord>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                problems.Add($"{path}: file not found.");
                continue;
            }
            try
            {
                // Ids of the files before count as taken, and as places a reference may point.
                var read = Check(path, await File.ReadAllBytesAsync(path, cancellationToken), catalogue, known);
                records.AddRange(read);
                known.UnionWith(read.Select(r => r.Id));
            }
            catch (RegistryException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0)
        {
            throw new RegistryException([.. problems, $"{paths.Count} files: nothing was imported."]);
        }
        return await store.ImportAsync(records, who, catalogue, cancellationToken);
    }

    /// <summary>The records of a file's bytes when all are valid.</summary>
    /// <param name="name">File name used in messages.</param>
    /// <param name="utf8">The file's bytes (UTF-8, optional BOM).</param>
    /// <param name="catalogue">Catalogue to check names against.</param>
    /// <param name="existingIds">Ids already in the registry (taken, and valid references).</param>
    /// <exception cref="RegistryException">Every problem, each as <c>name:line:column: message</c>.</exception>
    public static IReadOnlyList<RegistryRecord> Check(string name, byte[] utf8, KhanijCatalogue catalogue, IReadOnlySet<string> existingIds)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(existingIds);
        var body = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        if (InvalidUtf8At(body) is { } bad)
        {
            var line = body.AsSpan(0, bad).Count((byte)'\n');
            var start = LineStart(body, line);
            var column = System.Text.Encoding.UTF8.GetCharCount(body, start, bad - start) + 1;
            throw new RegistryException($"{name}:{line + 1}:{column}: not valid UTF-8 (byte 0x{body[bad]:X2} at offset {bad}); "
                + "expected a UTF-8 text file. Nothing was imported.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException x)
        {
            var line = (int)(x.LineNumber ?? 0);
            var start = LineStart(body, line);
            var bytesIn = (int)Math.Min(x.BytePositionInLine ?? 0, body.Length - start);
            var column = System.Text.Encoding.UTF8.GetCharCount(body, start, bytesIn) + 1;
            throw new RegistryException($"{name}:{line + 1}:{column}: not valid JSON: {FirstSentence(x.Message)} Nothing was imported.");
        }
        using (document)
        {
            if (DuplicateKey(body) is { } duplicate)
            {
                var line = body.AsSpan(0, duplicate.Offset).Count((byte)'\n');
                var start = LineStart(body, line);
                var column = System.Text.Encoding.UTF8.GetCharCount(body, start, duplicate.Offset - start) + 1;
                throw new RegistryException($"{name}:{line + 1}:{column}: the key \"{duplicate.Name}\" appears twice in the same object; "
                    + "expected each key once (a reader would keep only one of the two values). Nothing was imported.");
            }
            var positions = new JsonPositions(body);
            var reader = new RegistryFileReader();
            var read = reader.Read(document.RootElement);
            var problems = reader.Problems.Select(p => (p.Path, p.Message)).ToList();
            var ids = read.Select(r => r.Record.Id).ToList();
            var known = existingIds.Concat(ids).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (index, record) in read)
            {
                var prefix = $"records[{index}]";
                var shapeProblems = problems.Select(p => p.Path).ToList();
                problems.AddRange(RegistryValidator.Validate(record, catalogue)
                    .Select(p => (Path: Join(prefix, p.Path), p.Message))
                    .Where(p => !shapeProblems.Any(s => s == p.Path || (s.StartsWith(p.Path, StringComparison.Ordinal) && p.Path.Length > prefix.Length)))
                    .Where(p => !shapeProblems.Contains(prefix) || !p.Message.Contains("empty", StringComparison.Ordinal)));
                problems.AddRange(RegistryStore.MissingReferences(record, known).Select(p => (Join(prefix, p.Path), p.Message)));
                if (existingIds.Contains(record.Id))
                {
                    problems.Add((prefix + ".id", $"id \"{record.Id}\" {TakenSuffix}"));
                }
                if (!seen.Add(record.Id))
                {
                    problems.Add((prefix + ".id", $"id \"{record.Id}\" is used by an earlier record in this file."));
                }
            }
            if (problems.Count > 0)
            {
                var located = problems
                    .Select(p => (Pos: positions.Of(p.Path), p.Path, p.Message))
                    .OrderBy(p => p.Pos.Line).ThenBy(p => p.Pos.Column)
                    .Select(p => $"{name}:{p.Pos.Line}:{p.Pos.Column}: {(p.Path.Length == 0 ? "" : p.Path + ": ")}{p.Message}")
                    .Append($"{name}: {problems.Count} problem(s); nothing was imported.");
                // Only ids someone else already took: the file is fine, the registry's state is in the way (409 from the API).
                if (problems.All(p => p.Message.EndsWith(TakenSuffix, StringComparison.Ordinal)))
                {
                    throw new RegistryConflictException([.. located]);
                }
                throw new RegistryException([.. located]);
            }
            if (read.Count == 0)
            {
                throw new RegistryException($"{name}: \"records\" is empty; nothing to import.");
            }
            return [.. read.Select(r => r.Record)];
        }
    }

    private const string TakenSuffix = "is already in the registry; choose a new id.";

    private static string Join(string prefix, string path) => path.Length == 0 ? prefix : path.StartsWith('[') ? prefix + path : $"{prefix}.{path}";

    /// <summary>The first property name repeated within one object (ordinal), with the byte offset of its second occurrence.</summary>
    internal static (int Offset, string Name)? DuplicateKey(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var open = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    open.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName when open.Peek() is { } keys:
                    var key = reader.GetString() ?? "";
                    if (!keys.Add(key))
                    {
                        return ((int)reader.TokenStartIndex, key);
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or null when all of it is valid.</summary>
    internal static int? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return null;
    }

    private static int LineStart(byte[] body, int line)
    {
        var offset = 0;
        for (var l = 0; l < line && offset < body.Length; offset++)
        {
            if (body[offset] == (byte)'\n')
            {
                l++;
            }
        }
        return offset;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ') + ".";
    }
}
