using Khanij.Testing;

namespace Khanij.Fuzz.Tests;

/// <summary>The fuzz harnesses replayed in-process over the committed corpus (<c>fuzz/corpus/&lt;harness&gt;/</c>: seeds and what afl
/// kept) and over every crash afl ever found (<c>fuzz/regressions/&lt;harness&gt;/</c>), so a fixed crash stays fixed. Needs no afl.</summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string> HarnessNames => [.. Harnesses.All.Keys];

    private static IEnumerable<string> Inputs(string folder, string harness)
    {
        var dir = Path.Combine(RepoPaths.Root, "fuzz", folder, harness);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal) : [];
    }

    [Theory]
    [MemberData(nameof(HarnessNames))]
    public void Corpus_EveryInput_RunsWithoutFinding(string harness)
    {
        // Given
        var inputs = Inputs("corpus", harness).ToList();
        inputs.Count.ShouldBeGreaterThan(0, $"fuzz/corpus/{harness} has no inputs");

        // When
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            try
            {
                Harnesses.All[harness](File.ReadAllBytes(input));
            }
            catch (Exception e)
            {
                failures.Add($"{Path.GetFileName(input)}: {e.GetType().Name}: {e.Message}");
            }
        }

        // Then
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(HarnessNames))]
    public void Regressions_EveryCrashAflFound_NoLongerCrashes(string harness)
    {
        // Given
        var inputs = Inputs("regressions", harness).ToList();

        // When
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            try
            {
                Harnesses.All[harness](File.ReadAllBytes(input));
            }
            catch (Exception e)
            {
                failures.Add($"{Path.GetFileName(input)}: {e.GetType().Name}: {e.Message}");
            }
        }

        // Then
        failures.ShouldBeEmpty();
    }
}
