namespace Khanij.Core.Registry;

/// <summary>Something wrong with a record, at a path in its JSON form (<c>parties[1]</c>, <c>commitment.due</c>, or empty for the
/// whole record).</summary>
/// <param name="Path">Path relative to the record, in snake_case JSON names.</param>
/// <param name="Message">What was found and what was expected.</param>
public sealed record RegistryProblem(string Path, string Message);
