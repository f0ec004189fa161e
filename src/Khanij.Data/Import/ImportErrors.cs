namespace Khanij.Data.Import;

/// <summary>Collects import errors so that all of them can be reported together.</summary>
internal sealed class ImportErrors
{
    private readonly List<ImportError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<ImportError> All => _errors;

    public void Add(string source, int line, int column, string message) => _errors.Add(new ImportError(source, line, column, message));
}
