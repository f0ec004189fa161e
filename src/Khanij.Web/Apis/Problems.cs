using Khanij.Application.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary>The API's problem responses, so every handler words them the same way.</summary>
internal static class Problems
{
    /// <summary>400 naming the field at fault and saying what was expected.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            detail: $"'{field}': {message}", title: "One or more request fields are invalid.");

    /// <summary>409: the registry's state (an id already taken) or concurrent writers stopped a write; the detail says which, and
    /// nothing was changed.</summary>
    public static ProblemHttpResult Conflict(Data.Registry.RegistryConflictException e) =>
        TypedResults.Problem(detail: string.Join(" ", e.Problems), title: "The registry could not take this change; nothing was changed.",
            statusCode: StatusCodes.Status409Conflict);

    /// <summary>400 from a use case's request errors: each keyed by its field, with the value it had or the line and column in the body.</summary>
    public static ValidationProblem From<T>(ServiceResult<T> result)
        where T : class
    {
        var fields = result.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => g.Select(Text).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(fields,
            detail: string.Join(" ", result.Errors.Select(e => e.Line > 0 ? $"{e.File}:{e.Line}:{e.Column}: {e.Message}" : $"'{e.Field}': {Text(e)}")),
            title: result.Summary ?? "One or more request fields are invalid.");
    }

    private static string Text(RequestError e) => e switch
    {
        { Line: > 0 } => $"line {e.Line}, column {e.Column}: {e.Message}",
        { Value: { } value } => $"'{value}' {e.Message}",
        _ => e.Message,
    };

    /// <summary>404 with a detail that says what was looked for and how to find valid values.</summary>
    public static NotFoundProblem NotFound(string detail) => new(detail);
}
