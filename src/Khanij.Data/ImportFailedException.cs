using Khanij.Core.Text;
namespace Khanij.Data;

/// <summary>The data pack could not be imported (thrown by <see cref="KhanijStore.OpenAsync"/> when the first import fails).
/// The store was left unchanged.</summary>
public sealed class ImportFailedException : Exception
{
    /// <summary>Creates the exception from the collected errors.</summary>
    public ImportFailedException(IReadOnlyList<ImportError> errors)
        : base($"The data pack has {English.Count(errors.Count, "error")}; nothing was imported. First: {errors.FirstOrDefault()}") => Errors = errors;

    /// <summary>Creates the exception with a message only.</summary>
    public ImportFailedException() : this([]) { }

    /// <summary>Creates the exception with a message only.</summary>
    public ImportFailedException(string message) : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ImportFailedException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ImportError> Errors { get; }
}
