using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Khanij.Cli.Tests;

/// <summary>Issue 15, the command line as a newcomer types it: help, typos, conflicting flags, Devanagari tables, shock ranges.</summary>
public sealed class CliUsabilityTests(SimulateStoreFixture store) : IClassFixture<SimulateStoreFixture>
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => SimulateCommandTests.RunAsync(args);

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory]
    [InlineData]
    [InlineData("risk")]
    [InlineData("partners", "review")]
    public async Task Help_ListsTheExitCodesOnce(params string[] verb)
    {
        // When
        var run = await RunAsync([.. verb, "--help"]);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        Occurrences(run.Out, "Exit codes:").ShouldBe(1);
        Occurrences(run.Out, "130").ShouldBe(1);
    }

    [Theory]
    [InlineData("mineral", "lithum", "lithium")]
    [InlineData("country", "Jaapan", "JPN (Japan)")]
    public async Task Typo_IsRefusedWithASuggestion(string verb, string typo, string suggestion)
    {
        // When
        var run = await RunAsync(verb, typo, "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain($"Did you mean {suggestion}?");
    }

    [Fact]
    public async Task UnknownVerb_SuggestsTheVerbAndPointsToHelpWithoutPrintingIt()
    {
        // When
        var run = await RunAsync("minerls");

        // Then
        run.Exit.ShouldBe(1);
        (run.Out + run.Err).ShouldContain("minerals");
        run.Err.ShouldContain("Run 'khanij --help'");
        (run.Out + run.Err).ShouldNotContain("Commands:");
    }

    [Fact]
    public async Task JsonAndCsv_Together_AreRefused()
    {
        // When
        var run = await RunAsync("risk", "--mineral", "lithium", "--json", "--csv", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("--json and --csv cannot be given together");
        run.Out.ShouldNotContain("\"mineral\"");
    }

    /// <summary>Columns a terminal gives the text, counted here by the POSIX wcwidth rule: combining marks that sit on a letter and
    /// format characters take none; everything else in these tables one (written out in the test, independent of DisplayWidth).</summary>
    private static int TerminalColumns(string line) =>
        line.EnumerateRunes().Count(r => Rune.GetUnicodeCategory(r) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.Control));

    [Theory]
    [InlineData("minerals")]
    [InlineData("countries")]
    public async Task DevanagariTable_EveryLineIsAsWideOnATerminal(string verb)
    {
        // When
        var run = await RunAsync(verb, "--db", store.Db);

        // Then: every table line (borders and rows, Hindi names included) ends in the same column
        run.Exit.ShouldBe(0, run.Err);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && "┌│├└".Contains(l[0], StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBeGreaterThan(40);
        lines.Any(l => l.Any(c => c is >= '\u0900' and <= '\u097F')).ShouldBeTrue();
        lines.Select(TerminalColumns).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Countries_OneMatch_SaysOneCountry()
    {
        // When
        var run = await RunAsync("countries", "--search", "japan", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("1 country (");
    }

    [Theory]
    [InlineData("CHN:rare_earths:refining:0.5:0", "0 months")]
    [InlineData("CHN:rare_earths:refining:0:12", "a fraction of 0")]
    [InlineData("CHN:rare_earths:refining:0.7..0.3:12", "increasing order")]
    [InlineData("CHN:rare_earths:refining:1.5:12", "not a fraction")]
    public async Task Shock_ThatChangesNothingOrIsMalformed_IsRefused(string shock, string reason)
    {
        // When
        var run = await RunAsync("simulate", "--shock", shock, "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain(reason);
    }

    [Fact]
    public async Task SpareCapacity_AboveOne_IsRefused()
    {
        // When
        var run = await RunAsync("simulate", "--shock", "CHN:rare_earths:refining:0.5:12", "--spare-capacity", "2", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("from 0 to 1");
    }

    private static double RefiningShortfall(string json, string statistic) =>
        JsonDocument.Parse(json).RootElement.GetProperty("minerals")[0].GetProperty("stages").EnumerateArray()
            .Single(s => s.GetProperty("stage").GetString() == "refining").GetProperty("distribution").GetProperty("world_shortfall_t")
            .GetProperty(statistic).GetDouble();

    private static double FixedShortfall(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("minerals")[0].GetProperty("stages").EnumerateArray()
            .Single(s => s.GetProperty("stage").GetString() == "refining").GetProperty("world_shortfall_t").GetDouble();

    [Fact]
    public async Task ShockRanges_VaryTheRunsBetweenTheFixedShocksAtTheirEnds()
    {
        // Given: the same cut at the low and the high end of the ranges, as single runs
        var low = await RunAsync("simulate", "--shock", "CHN:rare_earths:refining:0.3:6", "--spare-capacity", "0", "--json", "--db", store.Db);
        var high = await RunAsync("simulate", "--shock", "CHN:rare_earths:refining:0.7:18", "--spare-capacity", "0", "--json", "--db", store.Db);
        low.Exit.ShouldBe(0, low.Err);
        high.Exit.ShouldBe(0, high.Err);

        // When
        var ranged = await RunAsync("simulate", "--shock", "CHN:rare_earths:refining:0.3..0.7:6..18", "--spare-capacity", "0", "--runs", "2000",
            "--json", "--db", store.Db);

        // Then: a shortfall grows with the fraction and the duration, so every run lies between the two ends, and they differ
        ranged.Exit.ShouldBe(0, ranged.Err);
        var min = RefiningShortfall(ranged.Out, "min");
        var max = RefiningShortfall(ranged.Out, "max");
        min.ShouldBeLessThan(max);
        min.ShouldBeGreaterThanOrEqualTo(FixedShortfall(low.Out) * (1 - 1e-9));
        max.ShouldBeLessThanOrEqualTo(FixedShortfall(high.Out) * (1 + 1e-9));
        JsonDocument.Parse(ranged.Out).RootElement.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ManyRunsOfAFixedShock_Warn()
    {
        // When
        var run = await RunAsync("simulate", "--shock", "CHN:rare_earths:refining:0.5:12", "--runs", "100", "--json", "--db", store.Db);

        // Then
        run.Exit.ShouldBe(0, run.Err);
        var warnings = JsonDocument.Parse(run.Out).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        warnings.ShouldContain(w => w!.Contains("nothing varies between runs", StringComparison.Ordinal));
    }
}
