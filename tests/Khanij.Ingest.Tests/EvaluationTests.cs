using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Khanij.Core.Events;
using Khanij.Ingest.Evaluation;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

public sealed class EvaluationTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string SamplesDir => Path.Combine(RepoPaths.Root, "samples", "articles");

    private async Task<(EventScore Score, string PredJson)> EvaluateAsync(string goldPath, string docsDir, bool strict = false)
    {
        var gold = EventScorer.LoadEvents(await File.ReadAllTextAsync(goldPath, TestContext.Current.CancellationToken), goldPath);
        var names = gold.Select(g => g.GetProperty("doc").GetString()!).Concat(strict ? EventScorer.ArticleNames(docsDir) : [])
            .Distinct().Order(StringComparer.Ordinal);
        var events = new List<CooperationEvent>();
        foreach (var name in names)
        {
            var r = await fixture.Pipeline.ExtractFileAsync(Path.Combine(docsDir, name), TestContext.Current.CancellationToken);
            events.AddRange(r.Events);
        }
        var predJson = JsonSerializer.Serialize(new { events }, Json);
        return (EventScorer.Score(gold, EventScorer.LoadEvents(predJson, "pred"), docsDir, strict), predJson);
    }

    [Fact]
    public async Task Eval_Seeds_MeetsIssueTargets()
    {
        // Given
        RepoPaths.SkipUnlessShared();
        // When
        var (score, _) = await EvaluateAsync(Path.Combine(RepoPaths.Shared, "gold", "seeds.json"), Path.Combine(RepoPaths.Shared, "seeds"));
        // Then
        score.F1.ShouldBeGreaterThanOrEqualTo(0.9);
        score.Parties.ShouldBeGreaterThanOrEqualTo(0.85);
        score.Minerals.ShouldBeGreaterThanOrEqualTo(0.85);
        score.Instrument.ShouldBeGreaterThanOrEqualTo(0.85);
        score.Date.ShouldBeGreaterThanOrEqualTo(0.85);
        score.EvidenceFound.ShouldBe(score.EvidenceTotal);
        score.EvidenceTotal.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Eval_OwnSamples_MeetsSameTargets()
    {
        // When
        var (score, _) = await EvaluateAsync(Path.Combine(SamplesDir, "gold.json"), SamplesDir);
        // Then
        score.F1.ShouldBeGreaterThanOrEqualTo(0.9);
        score.Parties.ShouldBeGreaterThanOrEqualTo(0.85);
        score.Minerals.ShouldBeGreaterThanOrEqualTo(0.85);
        score.Instrument.ShouldBeGreaterThanOrEqualTo(0.85);
        score.Date.ShouldBeGreaterThanOrEqualTo(0.85);
        score.EvidenceFound.ShouldBe(score.EvidenceTotal);
    }

    [Fact]
    public async Task Eval_UnseenArticles_HoldsTheScoreReachedAfterFixes()
    {
        // Given: six articles written by the verify engineer without reading the seeds or the other samples; their first run
        // scored F1 0.909, parties 0.960, minerals 0.833, instrument 0.857, date 0.857 (docs/ingest.md, "Unseen-article check")
        var dir = Path.Combine(SamplesDir, "unseen");
        // When
        var (score, _) = await EvaluateAsync(Path.Combine(dir, "gold.json"), dir);
        // Then: the floor is the score reached after the general fixes, not a perfect one
        score.F1.ShouldBeGreaterThanOrEqualTo(1.0);
        score.Parties.ShouldBeGreaterThanOrEqualTo(1.0);
        score.Minerals.ShouldBeGreaterThanOrEqualTo(0.91);
        score.Instrument.ShouldBeGreaterThanOrEqualTo(1.0);
        score.Date.ShouldBeGreaterThanOrEqualTo(1.0);
        score.EvidenceFound.ShouldBe(score.EvidenceTotal);
        score.EvidenceTotal.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("seeds", false)]
    [InlineData("samples", false)]
    [InlineData("seeds", true)]
    [InlineData("samples", true)]
    [InlineData("unseen", true)]
    [InlineData("unseen14", false)]
    [InlineData("unseen14", true)]
    public async Task Score_SamePredictions_MatchesPythonScorer(string set, bool strict)
    {
        // Given
        if (set == "seeds")
        {
            RepoPaths.SkipUnlessShared();
        }
        Assert.SkipUnless(File.Exists("/usr/bin/python3") || File.Exists("/usr/local/bin/python3") || OnPath("python3"), "python3 is not installed.");
        var script = Path.Combine(RepoPaths.Shared, "tools", "score_events.py");
        Assert.SkipUnless(File.Exists(script), $"{script} is absent (../shared is not checked out).");
        var (goldPath, docs) = set switch
        {
            "seeds" => (Path.Combine(RepoPaths.Shared, "gold", "seeds.json"), Path.Combine(RepoPaths.Shared, "seeds")),
            "samples" => (Path.Combine(SamplesDir, "gold.json"), SamplesDir),
            _ => (Path.Combine(SamplesDir, set, "gold.json"), Path.Combine(SamplesDir, set)),
        };
        var (score, predJson) = await EvaluateAsync(goldPath, docs, strict);
        // Degrade the predictions so that the comparison also covers misses, splits, wrong fields, events on articles
        // without gold (false positives in strict mode) and events on files that are not articles.
        using var doc = JsonDocument.Parse(predJson);
        var all = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        var degraded = all.Select((e, i) =>
        {
            var d = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e.GetRawText())!;
            if (i % 3 == 1)
            {
                d["instrument"] = JsonSerializer.SerializeToElement("agreement");
                d["date"] = JsonSerializer.SerializeToElement<string?>(null);
            }
            if (i % 4 == 2)
            {
                d["parties"] = JsonSerializer.SerializeToElement(new[] { "IND", "CHN", "FRA" });
            }
            if (i % 5 == 3)
            {
                d["minerals"] = JsonSerializer.SerializeToElement(new[] { "rare_earths", "critical_minerals", "gallium" });
            }
            return d;
        }).ToList();
        var gold = EventScorer.LoadEvents(await File.ReadAllTextAsync(goldPath, TestContext.Current.CancellationToken), goldPath);
        var goldDocs = gold.Select(g => g.GetProperty("doc").GetString()!).ToHashSet(StringComparer.Ordinal);
        var negative = EventScorer.ArticleNames(docs).FirstOrDefault(n => !goldDocs.Contains(n));
        if (degraded.Count > 0)
        {
            foreach (var name in new[] { negative, "README.md" }.OfType<string>())
            {
                var extra = new Dictionary<string, JsonElement>(degraded[0]) { ["doc"] = JsonSerializer.SerializeToElement(name) };
                degraded.Add(extra);
            }
        }
        var degradedJson = JsonSerializer.Serialize(new { events = degraded }, Json);
        foreach (var (json, expected) in new[] { (predJson, score), (degradedJson, EventScorer.Score(gold, EventScorer.LoadEvents(degradedJson, "d"), docs, strict)) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"khanij-pred-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
            try
            {
                // When
                string[] args = strict ? [script, goldPath, path, "--docs", docs, "--strict"] : [script, goldPath, path, "--docs", docs];
                var python = await RunAsync("python3", args);
                // Then: every printed number, line for line
                python.Trim().Split('\n').ShouldBe(expected.Report.Split('\n'));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void Score_Strict_CountsNegativesAndLeavesOptionalOut()
    {
        // Given: hand-made gold with one core and one optional event on a.txt; b.txt has no gold event
        var dir = Directory.CreateTempSubdirectory("khanij-strict-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), "A.");
            File.WriteAllText(Path.Combine(dir, "b.txt"), "B.");
            File.WriteAllText(Path.Combine(dir, "notes.md"), "not an article");
            var gold = EventScorer.LoadEvents("""
                [{"id":"g1","doc":"a.txt","parties":["IND","JPN"],"instrument":"mou","minerals":["lithium"],"optional_values":{"minerals":["cobalt"]},"date":"2026-01-02"},
                 {"id":"g2","doc":"a.txt","optional":true,"parties":["IND","AUS"],"instrument":"meeting","minerals":[]}]
                """, "gold");
            var pred = EventScorer.LoadEvents("""
                [{"doc":"a.txt","parties":["IND","JPN"],"instrument":"mou","minerals":["lithium","cobalt"],"date":"2026-01-02","evidence":["A."]},
                 {"doc":"a.txt","parties":["IND","AUS"],"instrument":"meeting","minerals":[],"evidence":[]},
                 {"doc":"b.txt","parties":["IND","USA"],"instrument":"meeting","minerals":["copper"],"evidence":["B."]}]
                """, "pred");
            // When
            var lenient = EventScorer.Score(gold, pred, dir);
            var strict = EventScorer.Score(gold, pred, dir, strict: true);
            // Then, by hand. Lenient: b.txt is not a gold document (its prediction is dropped); 2 of 2 matched;
            // cobalt counts against minerals: P 1/2, R 1/1 → F1 2/3.
            lenient.Documents.ShouldBe(1);
            lenient.Precision.ShouldBe(1.0);
            lenient.Minerals.ShouldBe(2.0 / 3, 1e-12);
            // Strict: 2 articles; the optional match is left out (1 neutral), b.txt's event is a false positive → P = 1/2;
            // cobalt is neutral → minerals 1.0; recall 1/1.
            strict.Documents.ShouldBe(2);
            strict.NeutralPredictions.ShouldBe(1);
            strict.Precision.ShouldBe(0.5);
            strict.Recall.ShouldBe(1.0);
            strict.F1.ShouldBe(2 * 0.5 * 1.0 / 1.5, 1e-12);
            strict.Minerals.ShouldBe(1.0);
            strict.Report.Split('\n')[0].ShouldEndWith("(strict: 1 on optional events left out)");
            Should.Throw<IngestException>(() => EventScorer.Score(gold, pred, null, strict: true));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void PyFixed_ExactBinaryValue_RoundsHalfEvenLikePython()
    {
        // Then: 0.125 is exact (ties to even), 0.665 is slightly above its decimal (rounds up), as Python's f-strings do
        PyText.Fixed(0.125, 2).ShouldBe("0.12");
        PyText.Fixed(0.375, 2).ShouldBe("0.38");
        PyText.Fixed(0.665, 2).ShouldBe("0.67");
        PyText.Fixed(2.0 / 3, 3).ShouldBe("0.667");
        PyText.Fixed(1, 2).ShouldBe("1.00");
        PyText.Fixed(0, 3).ShouldBe("0.000");
    }

    [Fact]
    public void SetF1_NeutralValues_NotPenalised()
    {
        // Given
        var gold = new HashSet<string> { "ind", "jpn" };
        // When / Then
        EventScorer.SetF1(["ind", "jpn", "msp"], gold, ["msp"]).ShouldBe(1.0);
        EventScorer.SetF1(["ind", "jpn", "msp"], gold, []).ShouldBe(0.8, 1e-12);
        EventScorer.SetF1([], [], []).ShouldBe(1.0);
    }

    private static bool OnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => File.Exists(Path.Combine(p, exe)));

    private static async Task<string> RunAsync(string exe, string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output;
    }
}
