using System.CommandLine;
using System.Text.Json;
using Khanij.Cli.Commands;
using Khanij.Testing;
using Spectre.Console;

namespace Khanij.Cli.Tests;

public sealed class IngestCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stdout, stderr);
        var root = new RootCommand { IngestCommand.Create(context) };
        var exit = await root.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Samples => Path.Combine(RepoPaths.Root, "samples", "articles");

    [Fact]
    public async Task Extract_Json_PrintsEventsInGoldSchemaWithFileName()
    {
        // When
        var (exit, output, _) = await RunAsync("ingest", "extract", Path.Combine(Samples, "en_us_japan_agreement.txt"), "--json");
        // Then
        exit.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var e = doc.RootElement.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("doc").GetString().ShouldBe("en_us_japan_agreement.txt");
        e.GetProperty("instrument").GetString().ShouldBe("agreement");
        e.GetProperty("venue_city").GetString().ShouldBe("Tokyo");
        foreach (var field in new[] { "date", "published", "parties", "venue_country", "status", "minerals", "areas", "officials", "organisations", "amounts", "evidence" })
        {
            e.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task Eval_OwnSamples_PrintsScoreLine()
    {
        // When
        var (exit, output, _) = await RunAsync("ingest", "eval", "--gold", Path.Combine(Samples, "gold.json"), "--docs", Samples);
        // Then
        exit.ShouldBe(0);
        output.ShouldContain("event_f1=");
    }

    [Fact]
    public async Task Extract_MissingFile_ExitOneWithMessage()
    {
        // When
        var (exit, _, err) = await RunAsync("ingest", "extract", "/no/such/article.txt");
        // Then
        exit.ShouldBe(1);
        err.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Eval_MalformedGold_ExitOneWithLocation()
    {
        // Given
        var gold = Path.Combine(Path.GetTempPath(), $"khanij-gold-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(gold, "{\"events\": [ {\"doc\": }", TestContext.Current.CancellationToken);
        try
        {
            // When
            var (exit, _, err) = await RunAsync("ingest", "eval", "--gold", gold, "--docs", Samples);
            // Then
            exit.ShouldBe(1);
            err.ShouldContain(gold + ":1:");
        }
        finally
        {
            File.Delete(gold);
        }
    }
}
