namespace Khanij.Cli;

/// <summary>Process exit codes, listed in <c>--help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Failure = 2;
    public const int Cancelled = 130;

    public const string HelpText =
        "Exit codes: 0 ok; 1 bad input or validation errors (nothing was changed); 2 unexpected failure; 130 cancelled (Ctrl+C).";
}
