namespace Khanij.Cli;

/// <summary>Bad input from the user: printed as a message (no stack trace) and exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
