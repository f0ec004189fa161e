using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary>The API's problem responses, so every handler words them the same way.</summary>
internal static class Problems
{
    /// <summary>400 naming the field at fault and saying what was expected.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            detail: $"'{field}': {message}", title: "One or more request fields are invalid.");

    /// <summary>404 with a detail that says what was looked for and how to find valid values.</summary>
    public static NotFoundProblem NotFound(string detail) => new(detail);
}
