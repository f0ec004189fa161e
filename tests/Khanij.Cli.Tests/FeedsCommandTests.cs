using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Khanij.Cli.Commands;
using Spectre.Console;

namespace Khanij.Cli.Tests;

/// <summary><c>feeds add/list/remove</c> and <c>ingest watch --once</c> against a feed served on loopback by the test.</summary>
public sealed class FeedsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Our own short article, published Wednesday 4 Nov 2026.
    private const string Page = """
        <html><head><title>India, Kenya sign graphite MoU</title><meta property="article:published_time" content="2026-11-04T09:00:00+05:30"></head>
        <body><p>India and Kenya signed an MoU on graphite exploration in Nairobi on Monday, the Ministry of Mines said.</p></body></html>
        """;

    private static (RootCommand Root, StringWriter Out, StringWriter Err) Cli()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stdout, stderr);
        var root = new RootCommand();
        root.Options.Add(GlobalOptions.Db);
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(FeedsCommand.Create(context));
        root.Subcommands.Add(PartnersCommand.Create(context));
        return (root, stdout, stderr);
    }

    [Fact]
    public async Task WatchOnce_LoopbackFeed_FirstRunAddsProposalsSecondAddsNone()
    {
        // Given: a loopback server with an RSS feed of one article (listed twice)
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var prefix = $"http://127.0.0.1:{port}/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        var feed = $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><link>{prefix}kenya.html</link></item>"
            + $"<item><link>{prefix}kenya.html</link></item></channel></rss>";
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext c;
                try
                {
                    c = await listener.GetContextAsync();
                }
                catch (Exception)
                {
                    return;
                }
                var (body, type) = c.Request.Url!.AbsolutePath == "/feed.xml" ? (feed, "application/rss+xml") : (Page, "text/html; charset=utf-8");
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Response.ContentType = type;
                c.Response.ContentLength64 = bytes.Length;
                await c.Response.OutputStream.WriteAsync(bytes, Ct);
                c.Response.Close();
            }
        }, Ct);
        var dir = Directory.CreateTempSubdirectory("khanij-feeds-").FullName;
        var db = Path.Combine(dir, "k.duckdb");
        try
        {
            var (root, stdout, _) = Cli();
            // When
            (await root.Parse(["feeds", "add", prefix + "feed.xml", "--name", "loopback", "--db", db]).InvokeAsync(cancellationToken: Ct)).ShouldBe(0);
            stdout.GetStringBuilder().Clear();
            (await root.Parse(["ingest", "watch", "--once", "--json", "--db", db]).InvokeAsync(cancellationToken: Ct)).ShouldBe(0);
            using var first = JsonDocument.Parse(stdout.ToString());
            stdout.GetStringBuilder().Clear();
            (await root.Parse(["ingest", "watch", "--once", "--json", "--db", db]).InvokeAsync(cancellationToken: Ct)).ShouldBe(0);
            using var second = JsonDocument.Parse(stdout.ToString());
            stdout.GetStringBuilder().Clear();
            (await root.Parse(["feeds", "list", "--json", "--db", db]).InvokeAsync(cancellationToken: Ct)).ShouldBe(0);
            using var list = JsonDocument.Parse(stdout.ToString());
            // Then
            first.RootElement.GetProperty("proposals").GetInt32().ShouldBeGreaterThan(0);
            first.RootElement.GetProperty("new_items").GetInt32().ShouldBe(1);
            second.RootElement.GetProperty("proposals").GetInt32().ShouldBe(0);
            second.RootElement.GetProperty("new_items").GetInt32().ShouldBe(0);
            list.RootElement.EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("loopback");
            (await root.Parse(["feeds", "remove", prefix + "feed.xml", "--db", db]).InvokeAsync(cancellationToken: Ct)).ShouldBe(0);
            (await root.Parse(["feeds", "remove", prefix + "feed.xml", "--db", db]).InvokeAsync(cancellationToken: Ct)).ShouldBe(1);
        }
        finally
        {
            listener.Stop();
            await serving;
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("ftp://example.org/feed")]
    [InlineData("not a url")]
    public async Task FeedsAdd_NotHttp_ExitOne(string url)
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("khanij-feeds-").FullName;
        try
        {
            var stderr = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), ColorSystem = ColorSystemSupport.NoColors });
            var context = new CliContext(console, new StringWriter(), stderr);
            var root = new RootCommand { FeedsCommand.Create(context) };
            root.Options.Add(GlobalOptions.Db);
            // When
            var exit = await root.Parse(["feeds", "add", url, "--db", Path.Combine(dir, "k.duckdb")]).InvokeAsync(cancellationToken: Ct);
            // Then
            exit.ShouldBe(1);
            stderr.ToString().ShouldContain("expected an http:// or https:// URL");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
