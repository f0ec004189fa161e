namespace Khanij.Application.Services;

/// <summary>One problem with a request, found before any work starts. <see cref="Field"/> is the request field in snake_case (the API's
/// query or body name; the CLI shows it as <c>--field-name</c>); <see cref="Message"/> says what is wrong and what was expected.</summary>
/// <param name="Field">The field at fault, e.g. <c>mineral</c>, <c>partner_frameworks</c>, or a JSON path inside a scenario.</param>
/// <param name="Message">What was found and what was expected, without the field name.</param>
internal sealed record RequestError(string Field, string Message)
{
    /// <summary>The value as given, when the message is about it (shown as <c>'--field value'</c> by the CLI).</summary>
    public string? Value { get; init; }

    /// <summary>For a problem inside a document (a scenario file or body): its name, line and column (line 0 when unknown).</summary>
    public string? File { get; init; }

    /// <summary>Line in <see cref="File"/>, 1-based; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>Column in <see cref="File"/>, 1-based; 0 when unknown.</summary>
    public int Column { get; init; }
}

/// <summary>The outcome of a use case: its value, or the request's problems (nothing was run).</summary>
internal sealed class ServiceResult<T>
    where T : class
{
    private ServiceResult(T? value, IReadOnlyList<RequestError> errors, string? summary)
    {
        Value = value;
        Errors = errors;
        Summary = summary;
    }

    /// <summary>The result; null when <see cref="Errors"/> is not empty.</summary>
    public T? Value { get; }

    /// <summary>Every problem found; empty on success.</summary>
    public IReadOnlyList<RequestError> Errors { get; }

    /// <summary>A one-line title for the problems (e.g. "3 problems in the scenario; nothing was run."), or null.</summary>
    public string? Summary { get; }

    /// <summary>True when the request was valid and the use case ran.</summary>
    public bool IsOk => Value is not null;

    public static ServiceResult<T> Ok(T value) => new(value, [], null);

    public static ServiceResult<T> Invalid(IReadOnlyList<RequestError> errors, string? summary = null) =>
        errors.Count == 0 ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : new(null, errors, summary);

    public static ServiceResult<T> Invalid(string field, string message, string? value = null) =>
        Invalid([new RequestError(field, message) { Value = value }]);
}
