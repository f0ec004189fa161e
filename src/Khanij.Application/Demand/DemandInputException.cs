namespace Khanij.Application.Demand;

/// <summary>Bad input to a demand or diversification request (unknown country, missing or invalid scenario file, bad option). The message says
/// what was wrong and what was expected; hosts turn it into exit code 1 or a 400 problem.</summary>
public sealed class DemandInputException : Exception
{
    /// <summary>Creates the exception for the request field (as the API names it: <c>country</c>, <c>max_change</c>, …) that was wrong.</summary>
    public DemandInputException(string field, string message) : base(message) => Field = field;

    /// <summary>Creates the exception for the request as a whole.</summary>
    public DemandInputException(string message) : base(message)
    {
    }

    /// <summary>The request field that was wrong, as the API names it, or <c>request</c> when it is the request as a whole.</summary>
    public string Field { get; } = "request";

    /// <summary>Creates the exception.</summary>
    public DemandInputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DemandInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
