using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

// khanij-load: drives a running `khanij serve` on loopback with many connections and reports throughput, latency percentiles, statuses and
// the server's resident memory over time. Two workloads:
//   reads  GET one URL (default the issue's /api/risk?country=IND&mineral=cobalt) as fast as the connections allow
//   soak   a mix: the dashboard's reads over several minerals, the brief, supply tables, and Monte Carlo scenario runs
// Usage: khanij-load --base http://127.0.0.1:5080 [--workload reads|soak] [--connections 200] [--duration 30s] [--every 10s]
//                    [--pid SERVER_PID] [--url PATH] [--scenario FILE --runs 20000] [--json]
// With KHANIJ_LOAD_TOKEN set, every request carries it as a bearer token (a server with sign-in).
var options = Options.Parse(args);
if (options is null)
{
    return 1;
}
if (!Uri.TryCreate(options.Base, UriKind.Absolute, out var baseUri) || !baseUri.IsLoopback)
{
    Console.Error.WriteLine($"khanij-load: --base '{options.Base}' is not a loopback URL; this driver only loads servers on this machine.");
    return 1;
}
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = baseUri,
    Timeout = TimeSpan.FromSeconds(60),
};
// A server with sign-in (PostgreSQL store): an API token from `khanij users token`, taken from the environment, never the command line.
if (Environment.GetEnvironmentVariable("KHANIJ_LOAD_TOKEN") is { Length: > 0 } token)
{
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
}
var scenario = options.Scenario is null ? null : await File.ReadAllTextAsync(options.Scenario);
var work = Workload.Create(options, scenario);
var total = new Window();
var window = new Window();
var gate = new object();
var stop = DateTime.UtcNow + options.Duration;
var intervals = new List<object>();
var started = Stopwatch.StartNew();
var rssStart = Rss(options.Pid);
var workers = Enumerable.Range(0, options.Connections).Select(async worker =>
{
    var random = new Random(worker);
    while (DateTime.UtcNow < stop)
    {
        var request = work.Next(random);
        var watch = Stopwatch.StartNew();
        int status;
        try
        {
            using var message = request.Body is null
                ? new HttpRequestMessage(HttpMethod.Get, request.Path)
                : new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = new StringContent(request.Body, System.Text.Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        var ms = watch.Elapsed.TotalMilliseconds;
        lock (gate)
        {
            total.Add(request.Kind, status, ms);
            window.Add(request.Kind, status, ms);
        }
    }
}).ToList();
var reporter = Task.Run(async () =>
{
    while (DateTime.UtcNow < stop)
    {
        await Task.Delay(options.Every);
        Window w;
        lock (gate)
        {
            w = window;
            window = new Window();
        }
        var line = w.Summary(started.Elapsed, Rss(options.Pid));
        intervals.Add(line);
        if (!options.Json)
        {
            Console.WriteLine(Format(line));
        }
    }
});
await Task.WhenAll(workers);
await reporter;
var summary = total.Summary(started.Elapsed, Rss(options.Pid));
if (options.Json)
{
    Console.WriteLine(JsonSerializer.Serialize(new { workload = options.Workload, connections = options.Connections, rss_start_mb = rssStart, total = summary, intervals },
        new JsonSerializerOptions { WriteIndented = true }));
}
else
{
    Console.WriteLine($"total: {Format(summary)}  (server RSS at start {rssStart?.ToString("0", CultureInfo.InvariantCulture) ?? "?"} MB)");
}
return total.Failures > 0 ? 2 : 0;

static string Format(Dictionary<string, object?> s) =>
    string.Join("  ", s.Select(kv => $"{kv.Key}={(kv.Value is double d ? d.ToString("0.##", CultureInfo.InvariantCulture) : kv.Value)}"));

static double? Rss(int? pid)
{
    if (pid is null)
    {
        return null;
    }
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
    catch (IOException)
    {
        return null;
    }
}

/// <summary>Command-line options.</summary>
internal sealed record Options(string Base, string Workload, int Connections, TimeSpan Duration, TimeSpan Every, int? Pid, string Url, string? Scenario,
    int Runs, bool Json)
{
    public static Options? Parse(string[] args)
    {
        var o = new Options("http://127.0.0.1:5080", "reads", 200, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), null,
            "/api/risk?country=IND&mineral=cobalt", null, 20_000, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                o = args[i] switch
                {
                    "--base" => o with { Base = Value() },
                    "--workload" => o with { Workload = global::Workload.Check(Value()) },
                    "--connections" => o with { Connections = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--duration" => o with { Duration = Span(Value()) },
                    "--every" => o with { Every = Span(Value()) },
                    "--pid" => o with { Pid = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--url" => o with { Url = Value() },
                    "--scenario" => o with { Scenario = Value() },
                    "--runs" => o with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--json" => o with { Json = true },
                    "--help" or "-h" => throw new ArgumentException(""),
                    _ => throw new ArgumentException($"unknown option '{args[i]}'"),
                };
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                if (e.Message.Length > 0)
                {
                    Console.Error.WriteLine($"khanij-load: {e.Message}");
                }
                Console.Error.WriteLine("usage: khanij-load --base http://127.0.0.1:PORT [--workload reads|soak] [--connections 200] [--duration 30s] "
                    + "[--every 10s] [--pid SERVER_PID] [--url PATH] [--scenario FILE --runs 20000] [--json]");
                return null;
            }
        }
        return o.Connections < 1 ? null : o;
    }

    private static TimeSpan Span(string text)
    {
        var unit = text[^1];
        var number = double.Parse(char.IsDigit(unit) ? text : text[..^1], CultureInfo.InvariantCulture);
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(number),
            'h' => TimeSpan.FromHours(number),
            _ => TimeSpan.FromSeconds(number),
        };
    }
}

/// <summary>One request to send.</summary>
internal sealed record Request(string Kind, string Path, string? Body);

/// <summary>What the workers send.</summary>
internal sealed class Workload(IReadOnlyList<(double Weight, Request Request)> mix)
{
    private readonly double _total = mix.Sum(m => m.Weight);

    public static string Check(string name) => name is "reads" or "soak" ? name : throw new ArgumentException("--workload is reads or soak");

    public static Workload Create(Options options, string? scenario)
    {
        if (options.Workload == "reads")
        {
            return new Workload([(1, new Request("read", options.Url, null))]);
        }
        string[] minerals = ["cobalt", "lithium", "nickel", "graphite", "rare_earths", "copper", "manganese", "gallium"];
        var mix = new List<(double, Request)>();
        foreach (var m in minerals)
        {
            mix.Add((8, new Request("risk", $"/api/risk?country=IND&mineral={m}", null)));
            mix.Add((4, new Request("supply", $"/api/minerals/{m}/supply?stage=refining", null)));
            mix.Add((2, new Request("imports", $"/api/minerals/{m}/imports?country=IND&stage=refining", null)));
        }
        mix.Add((6, new Request("brief", "/api/brief?country=IND", null)));
        mix.Add((2, new Request("brief", "/api/brief?country=JPN", null)));
        mix.Add((10, new Request("catalogue", "/api/minerals", null)));
        mix.Add((4, new Request("partners", "/api/partners?country=IND", null)));
        if (scenario is not null)
        {
            mix.Add((3, new Request("simulate", $"/api/simulate?runs={options.Runs}", scenario)));
        }
        return new Workload(mix);
    }

    public Request Next(Random random)
    {
        var x = random.NextDouble() * _total;
        foreach (var (weight, request) in mix)
        {
            x -= weight;
            if (x < 0)
            {
                return request;
            }
        }
        return mix[^1].Request;
    }
}

/// <summary>Latencies and statuses over a time window.</summary>
internal sealed class Window
{
    private readonly List<double> _ms = [];
    private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal);

    public long Failures { get; private set; }

    public void Add(string kind, int status, double ms)
    {
        _ms.Add(ms);
        var key = $"{kind}:{(status == 0 ? "timeout/error" : status.ToString(CultureInfo.InvariantCulture))}";
        _statuses[key] = _statuses.GetValueOrDefault(key) + 1;
        if (status is 0 or >= 500 and not 503)
        {
            Failures++;
        }
    }

    public Dictionary<string, object?> Summary(TimeSpan at, double? rss)
    {
        _ms.Sort();
        double P(double q) => _ms.Count == 0 ? double.NaN : _ms[Math.Min(_ms.Count - 1, (int)Math.Ceiling(q * _ms.Count) - 1)];
        return new Dictionary<string, object?>
        {
            ["t_s"] = Math.Round(at.TotalSeconds),
            ["requests"] = _ms.Count,
            ["failures"] = Failures,
            ["p50_ms"] = P(0.50),
            ["p99_ms"] = P(0.99),
            ["max_ms"] = _ms.Count == 0 ? double.NaN : _ms[^1],
            ["rss_mb"] = rss,
            ["statuses"] = string.Join(",", _statuses.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}×{kv.Value}")),
        };
    }
}
