namespace Khanij.Ingest;

/// <summary>Input the pipeline cannot read (binary, too large, malformed gold file); the message says what and where.</summary>
public sealed class IngestException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong, where, and what was expected.</summary>
    public IngestException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public IngestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public IngestException() : base("The input could not be ingested.")
    {
    }
}
