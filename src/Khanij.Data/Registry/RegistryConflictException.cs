namespace Khanij.Data.Registry;

/// <summary>A write that cannot happen because of the registry's current state or another writer: the id is already taken, or the
/// change kept colliding with concurrent changes. Nothing was changed. The web API answers it with 409 Conflict.</summary>
public sealed class RegistryConflictException : RegistryException
{
    /// <summary>Creates the exception with its problems.</summary>
    public RegistryConflictException(IReadOnlyList<string> problems)
        : base(problems)
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    public RegistryConflictException(string problem)
        : base(problem)
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public RegistryConflictException(string problem, Exception inner)
        : base(problem, inner)
    {
    }

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public RegistryConflictException()
        : base("The registry changed while this write ran; nothing was changed.")
    {
    }
}
