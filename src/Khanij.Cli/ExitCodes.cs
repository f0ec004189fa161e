namespace Khanij.Cli;

/// <summary>Process exit codes, listed in <c>--help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Failure = 2;
    public const int Cancelled = 130;
}
