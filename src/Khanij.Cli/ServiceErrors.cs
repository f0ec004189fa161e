using Khanij.Application.Services;

namespace Khanij.Cli;

/// <summary>Renders a use case's request errors for the terminal: a field becomes its option (<c>partner_frameworks</c> → <c>--partner-frameworks</c>),
/// a problem in a file is given as file:line:column.</summary>
internal static class ServiceErrors
{
    /// <summary>The value, or a <see cref="CliException"/> (exit 1) listing every problem. Fields named in <paramref name="arguments"/> are
    /// the verb's positional arguments, not options: their problems are shown as <c>'value' message</c>.</summary>
    public static T ValueOrThrow<T>(ServiceResult<T> result, params string[] arguments)
        where T : class
    {
        if (result.Value is { } value)
        {
            return value;
        }
        var lines = result.Errors.Select(e => arguments.Contains(e.Field) && e.Value is { } v && e.File is null ? $"'{v}' {e.Message}" : Text(e)).ToList();
        var text = result.Summary is { } summary
            ? summary + "\n" + string.Join("\n", lines.Select(l => "  " + l))
            : string.Join("\n", lines);
        throw new CliException(text);
    }

    public static string Option(string field) => "--" + field.Replace('_', '-');

    private static string Text(RequestError e) => e switch
    {
        { File: { } file, Line: > 0 } => $"{file}:{e.Line}:{e.Column}: {e.Message}",
        { File: { } file } => $"{file}: {e.Message}",
        { Value: { } value } => $"'{Option(e.Field)} {value}' {e.Message}",
        _ => $"{Option(e.Field)}: {e.Message}",
    };
}
