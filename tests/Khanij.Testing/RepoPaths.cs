using Xunit;

namespace Khanij.Testing;

/// <summary>Paths the tests need: the repository root, its <c>data/</c>, and <c>../shared</c> beside it.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the directory holding <c>Khanij.slnx</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The project's bundled data directory.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary><c>../shared</c> beside the repository; may not exist.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>True when <c>../shared</c> with its seeds is present.</summary>
    public static bool HasShared => Directory.Exists(Path.Combine(Shared, "seeds"));

    /// <summary>Skips the calling test with a clear message when <c>../shared</c> is absent.</summary>
    public static void SkipUnlessShared() =>
        Assert.SkipUnless(HasShared, $"../shared is not beside the repository (looked at {Shared}); seed-based tests need it.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Khanij.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find Khanij.slnx above " + AppContext.BaseDirectory);
    }
}
