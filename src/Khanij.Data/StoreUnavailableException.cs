namespace Khanij.Data;

/// <summary>The store file could not be opened, typically because another process (e.g. a running <c>khanij serve</c>) holds its lock.
/// The message names the file and what to do.</summary>
public sealed class StoreUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException() { }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the provider's exception.</summary>
    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
