using System.Globalization;
using System.Threading.RateLimiting;
using Khanij.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Khanij.Web.Limits;

/// <summary>What a request costs the server, by route: nothing worth limiting, an analytics computation over the store, or heavy
/// work (a Monte Carlo simulation, an LP over sampled scenarios, text extraction).</summary>
internal enum RouteCost
{
    Free,
    Analytics,
    Heavy,
}

/// <summary>The routes that compute, in one table, so every limit below covers them all (docs/reliability.md § A bounded server).</summary>
internal static class ComputeRoutes
{
    /// <summary>Sub-resources of <c>/api/minerals/{id}/…</c> computed from the store.</summary>
    private static readonly string[] MineralReads = ["chain", "supply", "concentration", "imports", "restrictions", "sheet"];

    /// <summary>The cost class of <paramref name="request"/>.</summary>
    public static RouteCost Classify(HttpRequest request)
    {
        var path = PathOf(request);
        if (HttpMethods.IsPost(request.Method))
        {
            return path is "/api/simulate" or "/api/ingest" or "/api/ingest/extract" ? RouteCost.Heavy : RouteCost.Free;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return RouteCost.Free;
        }
        if (path == "/api/diversify")
        {
            return RouteCost.Heavy;
        }
        return path == "/api/demand" || IsStoreRead(request) ? RouteCost.Analytics : RouteCost.Free;
    }

    /// <summary>True for the cached routes that also read the shipped demand scenario files (the brief's demand section).</summary>
    public static bool ReadsDemandScenarios(HttpRequest request) => PathOf(request) == "/api/brief";

    /// <summary>True for the GET routes whose answer depends only on the store, the query and (for the brief) the shipped demand scenario
    /// files: the risk, brief, supply, chain, sheet and profile computations. These are cached per store version (<see cref="KhanijData.VersionAsync"/>). Routes that also read files outside the
    /// store (demand and diversification scenarios) are not.</summary>
    public static bool IsStoreRead(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        return PathOf(request).TrimStart('/').Split('/') switch
        {
            ["api", "risk" or "brief" or "restrictions"] => true,
            ["api", "minerals", _, var what] => MineralReads.Contains(what, StringComparer.Ordinal),
            ["api", "countries", _, "profile"] => true,
            _ => false,
        };
    }

    /// <summary>The request path without a trailing slash, in lower case: routing matches paths in any case, so the classes must too
    /// (otherwise <c>/API/Risk</c> would pass by the limits).</summary>
    private static string PathOf(HttpRequest request) => (request.Path.Value ?? "").TrimEnd('/').ToLowerInvariant();
}

/// <summary>Bounds on the server's work: a concurrency limit per cost class that answers 503 with <c>Retry-After</c> once its queue is
/// full, and an output cache for the store reads keyed by the query, the Accept-Language header and the store version (so a registry decision is seen at once, and
/// repeated questions are answered from memory).</summary>
internal static class ComputeLimits
{
    public static WebApplicationBuilder AddComputeLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 256L * 1024 * 1024;
            cache.MaximumBodySize = 32L * 1024 * 1024;
            // Entries are keyed by the store version, so age is no correctness matter; expiry only bounds memory.
            cache.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(30);
            // ASP.NET Core's default rule, except that signed-in requests are cached too (Auth/StoreReadCaching.cs).
            cache.AddBasePolicy(policy => policy
                .AddPolicy<Auth.StoreReadCaching>()
                .With(context => ComputeRoutes.IsStoreRead(context.HttpContext.Request))
                .SetVaryByQuery("*")
                // Answers are in the request's language (?lang=, a query key, or Accept-Language): a Hindi page must not get a cached English one.
                .SetVaryByHeader("Accept-Language")
                .VaryByValue(async (http, cancellationToken) => new KeyValuePair<string, string>("store",
                    (await http.RequestServices.GetRequiredService<KhanijData>().VersionAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture)))
                .VaryByValue(http => new KeyValuePair<string, string>("files", ComputeRoutes.ReadsDemandScenarios(http.Request)
                    ? DemandFilesStamp(http.RequestServices.GetRequiredService<KhanijData>().DataDir) : "")), excludeDefaultPolicy: true);
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RouteCost>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<KhanijWebOptions>>().Value;
                return ComputeRoutes.Classify(http.Request) switch
                {
                    RouteCost.Heavy => RateLimitPartition.GetConcurrencyLimiter(RouteCost.Heavy, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.HeavyConcurrency, QueueLimit = options.HeavyQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }),
                    RouteCost.Analytics => RateLimitPartition.GetConcurrencyLimiter(RouteCost.Analytics, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.AnalyticsConcurrency, QueueLimit = options.AnalyticsQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }),
                    _ => RateLimitPartition.GetNoLimiter(RouteCost.Free),
                };
            });
        });
        return builder;
    }

    /// <summary>The names, sizes and write times of the shipped demand scenario files, which the brief's demand section reads: an edited file
    /// changes the key, so a cached brief is never older than the files it was computed from.</summary>
    private static string DemandFilesStamp(string dataDir)
    {
        if (Application.Demand.DemandScenarios.Directory(dataDir) is not { } dir)
        {
            return "none";
        }
        return string.Join(";", new DirectoryInfo(dir).EnumerateFiles("*.json").OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => FormattableString.Invariant($"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}")));
    }

    /// <summary>Adds write tracking, the cache (before the limiter: a cached answer costs no permit) and the limiter to the pipeline.</summary>
    public static WebApplication UseComputeLimits(this WebApplication app)
    {
        app.UseWriteTracking();
        app.UseOutputCache();
        app.UseRateLimiter();
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var heavy = ComputeRoutes.Classify(http.Request) == RouteCost.Heavy;
        var seconds = heavy ? 5 : 1;
        var options = http.RequestServices.GetRequiredService<IOptions<KhanijWebOptions>>().Value;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var what = heavy
            ? $"{options.HeavyConcurrency} simulation, diversification or extraction request(s) at once, with {options.HeavyQueue} waiting"
            : $"{options.AnalyticsConcurrency} analytics request(s) at once, with {options.AnalyticsQueue} waiting";
        await Results.Problem(
            title: "The server is busy; nothing was run.",
            detail: $"This server runs at most {what}, and all are taken. Try again in {seconds} s (Retry-After).",
            statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
    }
}

/// <summary>Tells <see cref="KhanijData"/> when a request that may write (any method but GET, HEAD, OPTIONS, TRACE) starts and ends, so the
/// store version behind the output cache is re-read exactly when it may have moved.</summary>
internal static class WriteTracking
{
    public static WebApplication UseWriteTracking(this WebApplication app)
    {
        var data = app.Services.GetRequiredService<KhanijData>();
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            {
                await next(context);
                return;
            }
            data.WriteStarted();
            try
            {
                await next(context);
            }
            finally
            {
                data.WriteEnded();
            }
        });
        return app;
    }
}
