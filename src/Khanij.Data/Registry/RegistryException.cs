namespace Khanij.Data.Registry;

/// <summary>A registry operation could not be done because of what the user asked (unknown id, invalid edit, bad file). Nothing was
/// changed. <see cref="Problems"/> lists every problem found, each a complete message.</summary>
public class RegistryException : Exception
{
    /// <summary>Creates the exception with its problems; the message is the problems joined by new lines.</summary>
    public RegistryException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates the exception with one problem.</summary>
    public RegistryException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public RegistryException(string problem, Exception inner)
        : base(problem, inner) => Problems = [problem];

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public RegistryException()
        : this("The registry operation failed.")
    {
    }

    /// <summary>Every problem found, one message each.</summary>
    public IReadOnlyList<string> Problems { get; }

    internal static RegistryException UnknownId(string id, IEnumerable<string> known) =>
        new($"No registry record has id '{id}'. "
            + (known.Any() ? "Known ids include: " + string.Join(", ", known.Take(8)) + ". " : "The registry is empty. ")
            + "List them with 'khanij partners review' (proposals) or 'khanij partners --json'.");
}
