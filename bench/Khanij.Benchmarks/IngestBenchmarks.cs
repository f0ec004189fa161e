using System.Text;
using BenchmarkDotNet.Attributes;
using Khanij.Data;
using Khanij.Ingest;
using Khanij.Ingest.Text;

namespace Khanij.Benchmarks;

/// <summary>Ingestion throughput on the project's own sample articles (Hindi and English, text and HTML).
/// Baseline: decoding and normalising the text only (the floor any pipeline pays); the full pipeline adds boilerplate, sentences,
/// recognition, dates, amounts and events. Articles/s = 1 / mean; MB/s = bytes / mean.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private IngestPipeline _pipeline = null!;
    private (string Name, byte[] Bytes)[] _articles = [];

    [Params("hi_kabil_australia_mou.txt", "en_kabil_australia_mou.txt", "en_india_chile_jwg.html", "all-samples")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var data = DataDirectory.Locate();
        _pipeline = IngestPipeline.Create(CatalogueLoader.Load(data), data);
        var dir = Path.Combine(Path.GetDirectoryName(data)!, "samples", "articles");
        var files = Directory.GetFiles(dir).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (Input == "all-samples")
        {
            // every sample article once, each extracted as its own document (articles/s = 7 / mean)
            _articles = [.. files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];
        }
        else
        {
            _articles = [(Input, File.ReadAllBytes(Path.Combine(dir, Input)))];
        }
    }

    [Benchmark(Baseline = true)]
    public int DecodeAndNormalise()
    {
        var n = 0;
        foreach (var (_, bytes) in _articles)
        {
            n += SourceText.From(Encoding.UTF8.GetString(bytes)).Text.Length;
        }
        return n;
    }

    [Benchmark]
    public int FullPipeline()
    {
        var n = 0;
        foreach (var (name, bytes) in _articles)
        {
            n += _pipeline.Extract(name, bytes).Events.Count;
        }
        return n;
    }
}
