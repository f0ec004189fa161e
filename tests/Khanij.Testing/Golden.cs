using System.Runtime.CompilerServices;

using Xunit;

namespace Khanij.Testing;

/// <summary>Golden-file assertions: compares text with <c>Golden/NAME.txt</c> beside the test file.
/// Run with <c>KHANIJ_UPDATE_GOLDEN=1</c> to (re)write the files, then review the diff.</summary>
public static class Golden
{
    /// <summary>Asserts that <paramref name="actual"/> equals the golden file for the calling test.</summary>
    public static void Match(string actual, [CallerMemberName] string name = "", [CallerFilePath] string file = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(SourcePath(file))!, "Golden", name + ".txt");
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("KHANIJ_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Missing {path}. Run with KHANIJ_UPDATE_GOLDEN=1 and review the diff.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>The test file's path on this machine. A CI build (<c>ContinuousIntegrationBuild</c>) maps source paths to
    /// <c>/_/…</c> for deterministic output, so such a path is resolved against the repository root.</summary>
    internal static string SourcePath(string callerFilePath)
    {
        const string Mapped = "/_/";
        return callerFilePath.StartsWith(Mapped, StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.Root, callerFilePath[Mapped.Length..])
            : callerFilePath;
    }
}
