using Khanij.Core.Text;
namespace Khanij.Data.Import;

/// <summary>Collects import errors so that all of them can be reported together, at most <see cref="MaxPerFile"/> per file: one bad
/// byte or an empty key file can make every later row wrong, and thousands of lines of the same error hide the first, which is the
/// one to fix. The rest are counted in one closing line per file.</summary>
internal sealed class ImportErrors(int maxPerFile = ImportErrors.DefaultMaxPerFile)
{
    /// <summary>Errors shown per file unless the reader is told otherwise.</summary>
    public const int DefaultMaxPerFile = 50;

    private readonly List<ImportError> _errors = [];
    private readonly Dictionary<string, int> _perFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _suppressed = new(StringComparer.Ordinal);

    /// <summary>How many errors a file may show.</summary>
    public int MaxPerFile { get; } = maxPerFile;

    /// <summary>Every error found, shown or not.</summary>
    public int Count => _errors.Count + _suppressed.Values.Sum();

    /// <summary>The errors shown, then for each file over the limit one line counting the others.</summary>
    public IReadOnlyList<ImportError> All =>
        [.. _errors, .. _suppressed.Select(s => new ImportError(s.Key, 0, 0,
            $"{English.Count(s.Value, "more error")} in this file not shown (the first {MaxPerFile} are listed); fix those and import again."))];

    public void Add(string source, int line, int column, string message)
    {
        var shown = _perFile.GetValueOrDefault(source);
        if (shown >= MaxPerFile)
        {
            _suppressed[source] = _suppressed.GetValueOrDefault(source) + 1;
            return;
        }
        _perFile[source] = shown + 1;
        _errors.Add(new ImportError(source, line, column, message));
    }
}
