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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Eval_Unseen14_LastLineEqualsPythonScorer(bool strict)
    {
        // Given
        var script = Path.Combine(RepoPaths.Shared, "tools", "score_events.py");
        Assert.SkipUnless(File.Exists(script), $"{script} is absent (../shared is not checked out).");
        Assert.SkipUnless((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "python3"))), "python3 is not installed.");
        var dir = Path.Combine(Samples, "unseen14");
        var gold = Path.Combine(dir, "gold.json");
        var pred = Path.Combine(Path.GetTempPath(), $"khanij-pred-{Guid.NewGuid():N}.json");
        try
        {
            // When
            string[] args = ["ingest", "eval", "--gold", gold, "--docs", dir, "--pred-out", pred, .. strict ? new[] { "--strict" } : []];
            var (exit, output, _) = await RunAsync(args);
            var psi = new System.Diagnostics.ProcessStartInfo("python3") { RedirectStandardOutput = true };
            foreach (var a in (string[])[script, gold, pred, "--docs", dir, .. strict ? new[] { "--strict" } : []])
            {
                psi.ArgumentList.Add(a);
            }
            using var process = System.Diagnostics.Process.Start(psi)!;
            var python = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            // Then: the summary line (every figure) is the script's last line
            exit.ShouldBe(0);
            output.Trim().Split('\n')[^1].ShouldBe(python.Trim().Split('\n')[^1]);
        }
        finally
        {
            File.Delete(pred);
        }
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

    [Fact]
    public async Task IngestAdd_ArticleStatingFollowUps_PartnersFollowupsListsThem()
    {
        // Given: our own short article; published Wednesday 4 Nov 2026; two follow-ups stated
        var dir = Directory.CreateTempSubdirectory("khanij-followups-").FullName;
        try
        {
            var article = Path.Combine(dir, "kenya_graphite.txt");
            const string followUp = "The two sides will meet again in February 2027 in New Delhi to review progress.";
            await File.WriteAllTextAsync(article, "Published: 4 Nov 2026\n\nIndia, Kenya graphite talks\n\n"
                + "India and Kenya discussed graphite mining at a meeting in Nairobi on Monday and agreed to set up a joint task team.\n"
                + followUp + "\n", TestContext.Current.CancellationToken);
            var db = Path.Combine(dir, "k.duckdb");
            var stdout = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), ColorSystem = ColorSystemSupport.NoColors });
            var context = new CliContext(console, stdout, new StringWriter());
            var root = new RootCommand();
            root.Options.Add(GlobalOptions.Db);
            root.Subcommands.Add(IngestCommand.Create(context));
            root.Subcommands.Add(PartnersCommand.Create(context));
            IngestAddCommand.Register(root, context);
            // When
            var added = await root.Parse(["ingest", "add", article, "--db", db]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            stdout.GetStringBuilder().Clear();
            var listed = await root.Parse(["partners", "followups", "--db", db, "--json", "--as-of", "2026-11-05"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            // Then
            added.ShouldBe(0);
            listed.ShouldBe(0);
            using var doc = JsonDocument.Parse(stdout.ToString());
            var items = doc.RootElement.EnumerateArray().ToList();
            items.Count.ShouldBe(2);
            var next = items.Single(i => i.GetProperty("record").GetProperty("commitment").GetProperty("text").GetString() == followUp);
            next.GetProperty("record").GetProperty("commitment").GetProperty("due").GetString().ShouldBe("2027-02");
            next.GetProperty("review").GetString()!.ToLowerInvariant().ShouldBe("proposed");
            next.GetProperty("record").GetProperty("parent_id").GetString().ShouldNotBeNullOrEmpty();
            // And a second add stores no duplicate follow-ups
            await root.Parse(["ingest", "add", article, "--db", db]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            stdout.GetStringBuilder().Clear();
            await root.Parse(["partners", "followups", "--db", db, "--json", "--as-of", "2026-11-05"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            JsonDocument.Parse(stdout.ToString()).RootElement.GetArrayLength().ShouldBe(2);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
