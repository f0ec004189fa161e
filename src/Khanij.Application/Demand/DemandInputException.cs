namespace Khanij.Application.Demand;

/// <summary>Bad input to a demand or diversification request (unknown country, missing or invalid scenario file, bad option). The message says
/// what was wrong and what was expected; hosts turn it into exit code 1 or a 400 problem.</summary>
public sealed class DemandInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DemandInputException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DemandInputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DemandInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
