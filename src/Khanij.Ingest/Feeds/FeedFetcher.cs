using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Khanij.Ingest.Feeds;

/// <summary>What one HTTP fetch gave.</summary>
/// <param name="Url">The address asked for.</param>
/// <param name="FinalUrl">The address answered from (after redirects).</param>
/// <param name="Status">HTTP status code, or 0 when no answer came (timeout, refused, too large).</param>
/// <param name="NotModified">304: nothing new since the last ETag/Last-Modified.</param>
/// <param name="Text">The body as text (UTF-8 unless the server says otherwise), or null.</param>
/// <param name="ETag">The ETag to send next time, or null.</param>
/// <param name="LastModified">The Last-Modified to send next time, or null.</param>
/// <param name="Bytes">Bytes read.</param>
/// <param name="ElapsedMs">Time taken.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record FetchResult(string Url, string FinalUrl, int Status, bool NotModified, string? Text, string? ETag, string? LastModified,
    long Bytes, long ElapsedMs, string? Error)
{
    /// <summary>A usable answer (2xx with a body, or 304).</summary>
    public bool Ok => Error is null && (NotModified || (Status is >= 200 and < 300 && Text is not null));
}

/// <summary>Fetches feeds and pages politely and safely: a timeout per request, a size limit (the body is read in chunks and the
/// fetch abandoned past the limit), at most five redirects, conditional GET (If-None-Match, If-Modified-Since) and a minimum delay
/// between two requests to the same host. Never throws for network trouble: the result carries the error. Thread-safe.</summary>
public sealed class FeedFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _perHostDelay;
    private readonly long _maxBytes;
    private readonly Dictionary<string, DateTime> _lastByHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="timeout">Whole-request timeout (default 20 s).</param>
    /// <param name="maxBytes">Largest body accepted (default 5 MB).</param>
    /// <param name="perHostDelay">Minimum time between requests to one host (default 2 s).</param>
    public FeedFetcher(TimeSpan? timeout = null, long maxBytes = 5_000_000, TimeSpan? perHostDelay = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        _client = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(20) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("khanij-ingest/1.0 (+news reader for a critical-minerals registry)");
        _maxBytes = maxBytes;
        _perHostDelay = perHostDelay ?? TimeSpan.FromSeconds(2);
    }

    /// <summary>Fetches <paramref name="url"/>, sending <paramref name="etag"/> and <paramref name="lastModified"/> when given.</summary>
    public async Task<FetchResult> FetchAsync(string url, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new FetchResult(url, url, 0, false, null, null, null, 0, 0, $"'{url}' is not an http(s) address.");
        }
        await WaitForHostAsync(uri.Host, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var final = response.RequestMessage?.RequestUri?.ToString() ?? url;
            var newEtag = response.Headers.ETag?.ToString();
            var newModified = response.Content.Headers.LastModified?.ToString("R");
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchResult(url, final, 304, true, null, newEtag ?? etag, newModified ?? lastModified, 0, watch.ElapsedMilliseconds, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                return new FetchResult(url, final, (int)response.StatusCode, false, null, null, null, 0, watch.ElapsedMilliseconds,
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength is { } declared && declared > _maxBytes)
            {
                return new FetchResult(url, final, (int)response.StatusCode, false, null, null, null, 0, watch.ElapsedMilliseconds,
                    $"{declared:N0} bytes is more than the {_maxBytes:N0} allowed; not read.");
            }
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + n > _maxBytes)
                {
                    return new FetchResult(url, final, (int)response.StatusCode, false, null, null, null, buffer.Length + n, watch.ElapsedMilliseconds,
                        $"more than the {_maxBytes:N0} bytes allowed; abandoned.");
                }
                buffer.Write(chunk, 0, n);
            }
            var encoding = Encoding(response.Content.Headers.ContentType);
            var text = encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return new FetchResult(url, final, (int)response.StatusCode, false, text, newEtag, newModified, buffer.Length, watch.ElapsedMilliseconds, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult(url, url, 0, false, null, null, null, 0, watch.ElapsedMilliseconds, $"no complete answer within {_client.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return new FetchResult(url, url, 0, false, null, null, null, 0, watch.ElapsedMilliseconds, e.Message);
        }
    }

    private async Task WaitForHostAsync(string host, CancellationToken ct)
    {
        TimeSpan wait;
        await _gate.WaitAsync(ct);
        try
        {
            var now = DateTime.UtcNow;
            var next = _lastByHost.TryGetValue(host, out var last) ? last + _perHostDelay : now;
            wait = next > now ? next - now : TimeSpan.Zero;
            _lastByHost[host] = now + wait;
        }
        finally
        {
            _gate.Release();
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    private static Encoding Encoding(MediaTypeHeaderValue? type)
    {
        try
        {
            return type?.CharSet is { Length: > 0 } cs ? System.Text.Encoding.GetEncoding(cs.Trim('"')) : System.Text.Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return System.Text.Encoding.UTF8;
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }
}
