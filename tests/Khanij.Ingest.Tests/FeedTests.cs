using System.Net;
using System.Net.Sockets;
using System.Text;
using DuckDB.NET.Data;
using Khanij.Data;
using Khanij.Data.Feeds;
using Khanij.Data.Registry;
using Khanij.Ingest.Feeds;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

/// <summary>A loopback HTTP server for the feed tests: each path answers with a handler written in the test.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Base);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Base { get; }

    public int Requests;

    public void Map(string path, Func<HttpListenerContext, Task> handler) => _routes[path] = handler;

    public void Text(string path, string body, string type = "application/rss+xml; charset=utf-8") => Map(path, c => Write(c, body, type));

    public static async Task Write(HttpListenerContext c, string body, string type)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        c.Response.ContentType = type;
        c.Response.ContentLength64 = bytes.Length;
        await c.Response.OutputStream.WriteAsync(bytes);
        c.Response.Close();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            Interlocked.Increment(ref Requests);
            _ = Task.Run(async () =>
            {
                try
                {
                    if (_routes.TryGetValue(context.Request.Url!.AbsolutePath, out var handler))
                    {
                        await handler(context);
                    }
                    else
                    {
                        context.Response.StatusCode = 404;
                        context.Response.Close();
                    }
                }
                catch (Exception)
                {
                    // the client gave up (timeouts, size limits): nothing to answer
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }
}

/// <summary>Issue 14, feeds: RSS/Atom parsing, polite fetching and one watch pass into the registry, against a loopback server.</summary>
public sealed class FeedTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Our own short articles (HTML), published Wednesday 4 Nov 2026.
    private const string KenyaPage = """
        <html><head><title>India, Kenya sign graphite MoU</title><meta property="article:published_time" content="2026-11-04T09:00:00+05:30"></head>
        <body><h1>India, Kenya sign graphite MoU</h1>
        <p>India and Kenya signed an MoU on graphite exploration in Nairobi on Monday, the Ministry of Mines said.</p>
        <p>The two sides will meet again in February 2027 to review progress.</p></body></html>
        """;

    private const string ZambiaPage = """
        <html><head><title>Zambia copper talks</title><meta property="article:published_time" content="2026-11-04T09:00:00+05:30"></head>
        <body><p>India and Zambia discussed copper mining at a meeting in Lusaka on Tuesday.</p></body></html>
        """;

    private static string Rss(params string[] links) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Mines news</title>"
        + string.Concat(links.Select((l, i) => $"<item><title>Item {i}</title><link>{l}</link><pubDate>Wed, 04 Nov 2026 09:00:00 +0530</pubDate></item>"))
        + "</channel></rss>";

    [Fact]
    public void Parse_Rss_ItemsWithResolvedLinksAndDates()
    {
        // When
        var items = FeedParser.Parse(Rss("/a/kenya.html", "http://other.example/b", "https://x.example/c"), new Uri("http://news.example/feed.xml"));
        // Then
        items.Select(i => i.Link).ShouldBe(["http://news.example/a/kenya.html", "http://other.example/b", "https://x.example/c"]);
        items[0].Published.ShouldBe(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.FromHours(5.5)));
    }

    [Fact]
    public void Parse_Atom_EntriesWithAlternateLinks()
    {
        // Given
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><title>A</title><link rel="self" href="http://n.example/self"/><link href="http://n.example/a"/><id>urn:a</id><updated>2026-11-04T03:30:00Z</updated></entry>
            <entry><title>B</title><link rel="alternate" href="b.html"/><id>urn:b</id></entry>
            </feed>
            """;
        // When
        var items = FeedParser.Parse(atom, new Uri("http://n.example/feeds/atom.xml"));
        // Then
        items.Select(i => i.Link).ShouldBe(["http://n.example/a", "http://n.example/feeds/b.html"]);
        items[0].Id.ShouldBe("urn:a");
        items[0].Published.ShouldBe(new DateTimeOffset(2026, 11, 4, 3, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("<rss><channel><item><link>http://a</link></item></channel>", ":1:")]
    [InlineData("<html><body>not a feed</body></html>", ":1:2: found <html>")]
    [InlineData("<!DOCTYPE rss [<!ENTITY a \"aaaa\">]><rss><channel><item><title>&a;</title></item></channel></rss>", ":1:")]
    public void Parse_MalformedOrNotAFeedOrDtd_ClearErrorWithLocation(string xml, string expected)
    {
        // When
        var e = Should.Throw<IngestException>(() => FeedParser.Parse(xml, new Uri("http://n.example/f.xml")));
        // Then
        e.Message.ShouldStartWith("http://n.example/f.xml" + expected);
    }

    [Fact]
    public async Task Fetch_SlowHugeRedirectAndConditional_EachHandledWithoutThrowing()
    {
        // Given
        await using var server = new LoopbackServer();
        server.Map("/slow", async c =>
        {
            await Task.Delay(3000);
            await LoopbackServer.Write(c, "late", "text/plain");
        });
        server.Map("/huge", async c =>
        {
            c.Response.SendChunked = true; // no Content-Length: the limit must hold while reading
            var block = new byte[64 * 1024];
            for (var i = 0; i < 40; i++)
            {
                await c.Response.OutputStream.WriteAsync(block);
            }
            c.Response.Close();
        });
        server.Map("/moved", c =>
        {
            c.Response.StatusCode = 302;
            c.Response.RedirectLocation = server.Base + "page";
            c.Response.Close();
            return Task.CompletedTask;
        });
        server.Map("/page", c =>
        {
            if (c.Request.Headers["If-None-Match"] == "\"v1\"")
            {
                c.Response.StatusCode = 304;
                c.Response.Close();
                return Task.CompletedTask;
            }
            c.Response.AddHeader("ETag", "\"v1\"");
            return LoopbackServer.Write(c, "hello", "text/plain; charset=utf-8");
        });
        using var fetcher = new FeedFetcher(timeout: TimeSpan.FromSeconds(1), maxBytes: 100_000, perHostDelay: TimeSpan.Zero);
        // When
        var slow = await fetcher.FetchAsync(server.Base + "slow", cancellationToken: Ct);
        var huge = await fetcher.FetchAsync(server.Base + "huge", cancellationToken: Ct);
        var moved = await fetcher.FetchAsync(server.Base + "moved", cancellationToken: Ct);
        var again = await fetcher.FetchAsync(server.Base + "page", moved.ETag, moved.LastModified, Ct);
        // Then
        slow.Ok.ShouldBeFalse();
        slow.Error.ShouldNotBeNull().ShouldContain("within 1 s");
        huge.Ok.ShouldBeFalse();
        huge.Error.ShouldNotBeNull().ShouldContain("100,000 bytes");
        moved.Ok.ShouldBeTrue();
        moved.Text.ShouldBe("hello");
        moved.FinalUrl.ShouldBe(server.Base + "page");
        moved.ETag.ShouldBe("\"v1\"");
        again.NotModified.ShouldBeTrue();
        again.Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Fetch_PerHostDelay_SpacesRequestsToOneHost()
    {
        // Given
        await using var server = new LoopbackServer();
        server.Text("/p", "x", "text/plain");
        using var fetcher = new FeedFetcher(perHostDelay: TimeSpan.FromMilliseconds(400));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // When: three requests to one host
        for (var i = 0; i < 3; i++)
        {
            (await fetcher.FetchAsync(server.Base + "p", cancellationToken: Ct)).Ok.ShouldBeTrue();
        }
        // Then: two waits of 400 ms at least (a lower bound, not a speed measurement)
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(790);
    }

    [Fact]
    public async Task Watch_TwoPasses_FirstAddsProposalsSecondAddsNone_FailingFeedsReportedNotFatal()
    {
        // Given: a good feed (with a duplicate item and a second address serving the same page), a malformed feed and a failing one
        await using var server = new LoopbackServer();
        server.Text("/kenya.html", KenyaPage, "text/html; charset=utf-8");
        server.Text("/copy-of-kenya.html", KenyaPage, "text/html; charset=utf-8");
        server.Text("/zambia.html", ZambiaPage, "text/html; charset=utf-8");
        server.Map("/feed.xml", c =>
        {
            if (c.Request.Headers["If-None-Match"] == "\"f1\"")
            {
                c.Response.StatusCode = 304;
                c.Response.Close();
                return Task.CompletedTask;
            }
            c.Response.AddHeader("ETag", "\"f1\"");
            return LoopbackServer.Write(c, Rss("/kenya.html", "/kenya.html", "/copy-of-kenya.html", "/zambia.html"), "application/rss+xml");
        });
        server.Text("/broken.xml", "<rss><channel><item>");
        server.Map("/down.xml", c =>
        {
            c.Response.StatusCode = 500;
            c.Response.Close();
            return Task.CompletedTask;
        });
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        var feeds = await FeedStore.OpenAsync(connection, null, Ct);
        var registry = await RegistryStore.OpenAsync(connection, null, Ct);
        await feeds.AddAsync(server.Base + "feed.xml", "good", Ct);
        await feeds.AddAsync(server.Base + "broken.xml", "broken", Ct);
        await feeds.AddAsync(server.Base + "down.xml", "down", Ct);
        using var fetcher = new FeedFetcher(timeout: TimeSpan.FromSeconds(5), perHostDelay: TimeSpan.Zero);
        var watcher = new FeedWatcher(feeds, registry, fetcher, fixture.Pipeline, CatalogueLoader.Load(RepoPaths.Data));
        // When
        var first = await watcher.RunOnceAsync(cancellationToken: Ct);
        var recordsAfterFirst = (await registry.ListAsync(Ct)).Count;
        var second = await watcher.RunOnceAsync(cancellationToken: Ct);
        // Then: two pages read (the duplicate item and the copy are skipped), proposals made; broken and down reported, not fatal
        first.Feeds.ShouldBe(3);
        first.FailedFeeds.ShouldBe(2);
        first.NewItems.ShouldBe(2);
        first.Duplicates.ShouldBe(2);
        first.Proposals.ShouldBeGreaterThan(0);
        first.Proposals.ShouldBe(recordsAfterFirst);
        first.Messages.ShouldContain(m => m.StartsWith("broken:", StringComparison.Ordinal));
        first.Messages.ShouldContain(m => m.StartsWith("down:", StringComparison.Ordinal) && m.Contains("HTTP 500", StringComparison.Ordinal));
        (await registry.ListAsync(Ct)).ShouldContain(r => r.Parties.Contains("KEN") && r.Parties.Contains("IND"));
        second.Proposals.ShouldBe(0);
        second.NewItems.ShouldBe(0);
        (await registry.ListAsync(Ct)).Count.ShouldBe(recordsAfterFirst);
        // the failing feeds wait for their retry time instead of being fetched again at once
        (await feeds.GetAsync(server.Base + "down.xml", Ct))!.Failures.ShouldBe(1);
        var log = await feeds.LogEntriesAsync(100, Ct);
        log.ShouldContain(l => l.Kind == "feed" && l.Status == 304);
        log.ShouldContain(l => l.Kind == "page" && l.Status == 200);
    }

    [Fact]
    public void DocumentName_HostSegmentAndHash()
    {
        // Then
        FeedWatcher.DocumentName("http://127.0.0.1:8080/news/kenya.html", "abcdef0123456789").ShouldBe("127.0.0.1_kenya_abcdef01.html");
    }
}
