using System.CommandLine;
using System.Text.Json;
using Khanij.Testing;
using Spectre.Console;

namespace Khanij.Cli.Tests.Registry;

/// <summary>One store for <see cref="DecisionImpactTests"/>, driven through the real verbs (ingest, partners, risk).</summary>
public sealed class RegistryStoreFixture : IDisposable, IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "khanij-registry-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public RegistryStoreFixture() => System.IO.Directory.CreateDirectory(Directory);

    /// <summary>The store starts as a copy of the pack imported once per assembly (<see cref="PackStoreTemplate"/>).</summary>
    public async ValueTask InitializeAsync() => await PackStoreTemplate.CopyToAsync(Path.Combine(Directory, "khanij.duckdb"));

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public async Task<(int Exit, string Out, string Console, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(screen) });
        console.Profile.Width = 240;
        var context = new CliContext(console, stdout, stderr);
        var root = new RootCommand("test") { GlobalOptions.Db };
        root.Subcommands.Add(Commands.RiskCommand.Create(context));
        root.Subcommands.Add(Commands.PartnersCommand.Create(context));
        root.Subcommands.Add(Commands.IngestCommand.Create(context));
        Commands.IngestAddCommand.Register(root, context);
        var exit = await root.Parse([.. args, "--db", Path.Combine(Directory, "khanij.duckdb")]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), screen.ToString(), stderr.ToString());
    }

    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output, screen, error) = await RunAsync([.. args, "--json"]);
        exit.ShouldBe(0, $"khanij {string.Join(' ', args)}: {error}{screen}");
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }
}

/// <summary>Issue 18: a review decision says which of the country's figures it moves; a curated import of an event already ingested
/// merges into its record; an aluminium protocol never makes a nickel partner. Expected figures come from the public <c>risk</c> verb run
/// before and after, and from the import shares it prints, never from the impact code.</summary>
public sealed class DecisionImpactTests(RegistryStoreFixture store) : IClassFixture<RegistryStoreFixture>
{
    private static string CuratedFile(string id, string parties, string minerals, string stages, string date, string review, string status = "signed") => $$"""
        {"records": [{"id": "{{id}}", "kind": "partnership", "title": "Test agreement of {{parties.Replace("\"", "")}}", "parties": [{{parties}}], "instrument": "agreement",
          "status": "{{status}}", "date": "{{date}}", "minerals": [{{minerals}}], "stages": [{{stages}}], "review": "{{review}}",
          "sources": [{"document": "test fixture {{id}}", "url": "https://example.org/{{id}}", "published": "{{date}}"}]}]}
        """;

    private static Dictionary<string, JsonElement> ByKey(JsonElement rows) =>
        rows.EnumerateArray().ToDictionary(r => $"{r.GetProperty("source").GetString()}|{r.GetProperty("year").GetInt32()}|"
            + $"{(r.GetProperty("scenario").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("scenario").GetString())}|{r.GetProperty("measure").GetString()}");

    private static double? Share(JsonElement riskRow) =>
        riskRow.GetProperty("imports").ValueKind == JsonValueKind.Null ? null : riskRow.GetProperty("imports").GetProperty("share_from_partners").GetDouble();

    private static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out var _);

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    [Fact]
    public async Task Accept_ManganeseRecordWithSouthAfrica_ReportsTheFiguresRiskGivesBeforeAndAfter()
    {
        // Given: a proposed record of India and South Africa on manganese mining, and India's manganese mining risk rows before it counts
        var file = store.WriteFile("zaf.json", CuratedFile("test-ind-zaf-mn", "\"IND\", \"ZAF\"", "\"manganese\"", "\"mining\"", "2025-05-05", "proposed"));
        (await store.RunAsync("partners", "import", file)).Exit.ShouldBe(0);
        var before = ByKey(await store.JsonAsync("risk", "--mineral", "manganese", "--stage", "mining"));
        before.Values.ShouldAllBe(r => Has(r.GetProperty("imports").GetProperty("shares"), "ZAF"));
        before.Values.ShouldAllBe(r => !Has(r.GetProperty("imports").GetProperty("partner_bases"), "ZAF"));

        // When
        var review = await store.JsonAsync("partners", "review", "--accept", "test-ind-zaf-mn");
        var after = ByKey(await store.JsonAsync("risk", "--mineral", "manganese", "--stage", "mining"));
        var shown = await store.JsonAsync("partners", "show", "test-ind-zaf-mn");

        // Then: one impact row per manganese mining row, with the figures the risk verb printed before and after
        var impact = review.GetProperty("impact");
        impact.GetProperty("country").GetString().ShouldBe("IND");
        impact.GetProperty("records").EnumerateArray().Select(e => e.GetString()).ShouldBe(["test-ind-zaf-mn"]);
        var rows = impact.GetProperty("rows").EnumerateArray().ToList();
        rows.ShouldAllBe(r => r.GetProperty("mineral").GetString() == "manganese" && r.GetProperty("stage").GetString() == "mining");
        ByKey(impact.GetProperty("rows")).Keys.Order().ShouldBe(before.Keys.Order());
        foreach (var (key, row) in ByKey(impact.GetProperty("rows")))
        {
            Number(row.GetProperty("partner_share_before")).ShouldBe(Share(before[key]));
            Number(row.GetProperty("partner_share_after")).ShouldBe(Share(after[key]));
            row.GetProperty("supply_risk_before").GetDouble().ShouldBe(before[key].GetProperty("supply_risk").GetDouble(), 1e-12);
            row.GetProperty("supply_risk_after").GetDouble().ShouldBe(after[key].GetProperty("supply_risk").GetDouble(), 1e-12);
            // and the partner share rose by South Africa's share of India's imports, as the risk verb printed it before
            var zaf = before[key].GetProperty("imports").GetProperty("shares").GetProperty("ZAF").GetDouble();
            (Share(after[key])!.Value - Share(before[key])!.Value).ShouldBe(zaf, 1e-9);
            row.GetProperty("records").EnumerateArray().Select(e => e.GetString()).ShouldBe(["test-ind-zaf-mn"]);
        }
        impact.GetProperty("partners").EnumerateArray().ShouldContain(p => p.GetProperty("mineral").GetString() == "manganese"
            && p.GetProperty("gained").EnumerateArray().Any(g => g.GetString() == "ZAF"));
        // partners show: the figures the accepted record moves now, without → with it
        var moved = ByKey(shown.GetProperty("impact").GetProperty("rows"));
        moved.Keys.Order().ShouldBe(before.Keys.Order());
        foreach (var (key, row) in moved)
        {
            Number(row.GetProperty("partner_share_before")).ShouldBe(Share(before[key]));
            Number(row.GetProperty("partner_share_after")).ShouldBe(Share(after[key]));
        }
    }

    [Fact]
    public async Task Review_RussiaProtocolOnAluminium_NeverMakesRussiaANickelRefiningPartner()
    {
        // Given: the seed article of the India–Russia working group (aluminium, fertilisers, railways, mining technology)
        RepoPaths.SkipUnlessShared();
        var seed = Path.Combine(RepoPaths.Shared, "seeds", "001_3206808e6a2c927e.txt");
        var added = await store.JsonAsync("ingest", "add", seed);
        var ids = added.GetProperty("created").EnumerateArray().Select(e => e.GetString()!).ToList();
        ids.ShouldNotBeEmpty();
        var nickelBefore = ByKey(await store.JsonAsync("risk", "--mineral", "nickel", "--stage", "refining"));
        nickelBefore.Values.ShouldContain(r => Has(r.GetProperty("imports").GetProperty("shares"), "RUS"),
            "India imports refined nickel from Russia, so a wrong link would show");

        // When: every proposal of the article is accepted
        var review = await store.JsonAsync(["partners", "review", .. ids.SelectMany(id => new[] { "--accept", id })]);
        var nickelAfter = ByKey(await store.JsonAsync("risk", "--mineral", "nickel", "--stage", "refining"));

        // Then: Russia is a partner of nothing at nickel refining, and no nickel refining figure moved
        foreach (var (key, row) in nickelAfter)
        {
            row.GetProperty("partners").GetProperty("partners").EnumerateArray().ShouldNotContain(p => p.GetProperty("iso3").GetString() == "RUS");
            row.GetProperty("imports").GetProperty("partner_bases").TryGetProperty("RUS", out _).ShouldBeFalse();
            Share(row).ShouldBe(Share(nickelBefore[key]));
            row.GetProperty("supply_risk").GetDouble().ShouldBe(nickelBefore[key].GetProperty("supply_risk").GetDouble());
        }
        review.GetProperty("impact").GetProperty("rows").EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("mineral").GetString() == "nickel" && r.GetProperty("stage").GetString() == "refining");
        review.GetProperty("impact").GetProperty("partners").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("mineral").GetString() == "nickel" && p.GetProperty("stage").GetString() == "refining");
    }

    [Fact]
    public async Task Import_RecordOfAnIngestedAgreement_MergesIntoOneRecordWithBothSources()
    {
        // Given: the Hindi news story of the KABIL–CAMYEN agreement, ingested and accepted
        var article = Path.Combine(RepoPaths.Root, "samples", "articles", "hi_kabil_argentina_lithium.txt");
        var added = await store.JsonAsync("ingest", "add", article);
        var ingested = added.GetProperty("created").EnumerateArray().Select(e => e.GetString()!).Where(id => id.StartsWith("pt-", StringComparison.Ordinal))
            .ShouldHaveSingleItem();
        (await store.RunAsync("partners", "review", "--accept", ingested)).Exit.ShouldBe(0);
        var sample = Path.Combine(RepoPaths.Root, "samples", "registry", "kabil-argentina-lithium.json");
        using var curated = JsonDocument.Parse(await File.ReadAllTextAsync(sample, TestContext.Current.CancellationToken));
        var agreement = curated.RootElement.GetProperty("records")[0];

        // When: the curated record of the same agreement is imported
        var outcome = await store.JsonAsync("partners", "import", sample);

        // Then: one record of the event, citing the article and the curated source, with each organisation once
        var merge = outcome.GetProperty("merged").EnumerateArray().ShouldHaveSingleItem();
        merge.GetProperty("imported_id").GetString().ShouldBe(agreement.GetProperty("id").GetString());
        merge.GetProperty("into_id").GetString().ShouldBe(ingested);
        merge.GetProperty("conflicts").GetArrayLength().ShouldBe(0);
        var record = (await store.JsonAsync("partners", "show", ingested)).GetProperty("record");
        record.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("document").GetString()).ShouldBe(
            ["hi_kabil_argentina_lithium.txt", agreement.GetProperty("sources")[0].GetProperty("document").GetString()]);
        record.GetProperty("review").GetString().ShouldBe("accepted");
        var organisations = record.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToList();
        organisations.Count(o => o.Contains("KABIL", StringComparison.Ordinal)).ShouldBe(1);
        organisations.Count(o => o.Contains("CAMYEN", StringComparison.Ordinal)).ShouldBe(1);
        var partners = await store.JsonAsync("partners", "--country", "IND", "--mineral", "lithium");
        var argentina = partners.GetProperty("partners").EnumerateArray().Where(p => p.GetProperty("counterpart").GetString() == "ARG").ShouldHaveSingleItem();
        argentina.GetProperty("record_ids").EnumerateArray().Select(r => r.GetString())
            .ShouldNotContain(agreement.GetProperty("id").GetString(), "the curated id was merged, not stored as a second record");
        // the project under the agreement points at the merged record
        var project = (await store.JsonAsync("partners", "show", "kabil-catamarca-blocks")).GetProperty("record");
        project.GetProperty("parent_id").GetString().ShouldBe(ingested);
    }

    [Fact]
    public async Task Import_SameEventWithAnotherStatus_KeepsTheValueAndHoldsTheConflictForReview()
    {
        // Given: an accepted record of an agreement of India and Chile on copper, signed
        var first = store.WriteFile("chl-1.json", CuratedFile("test-ind-chl-cu", "\"IND\", \"CHL\"", "\"copper\"", "", "2025-09-09", "accepted"));
        (await store.RunAsync("partners", "import", first)).Exit.ShouldBe(0);

        // When: another curated file reports the same agreement as only announced
        var second = store.WriteFile("chl-2.json", CuratedFile("test-ind-chl-cu-2", "\"IND\", \"CHL\"", "\"copper\"", "", "2025-09-09", "accepted", "announced"));
        var outcome = await store.JsonAsync("partners", "import", second);

        // Then: merged into the first, "signed" kept, the disagreement listed and the record back in review
        var merge = outcome.GetProperty("merged").EnumerateArray().ShouldHaveSingleItem();
        merge.GetProperty("into_id").GetString().ShouldBe("test-ind-chl-cu");
        var conflict = merge.GetProperty("conflicts").EnumerateArray().ShouldHaveSingleItem();
        conflict.GetProperty("field").GetString().ShouldBe("status");
        conflict.GetProperty("kept").GetString().ShouldBe("signed");
        conflict.GetProperty("incoming").GetString().ShouldBe("announced");
        var record = (await store.JsonAsync("partners", "show", "test-ind-chl-cu")).GetProperty("record");
        record.GetProperty("status").GetString().ShouldBe("signed");
        record.GetProperty("review").GetString().ShouldBe("proposed");
        record.GetProperty("conflicts").GetArrayLength().ShouldBe(1);
        record.GetProperty("sources").GetArrayLength().ShouldBe(2);
        (await store.JsonAsync("partners", "review")).EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == "test-ind-chl-cu");

        // and accepting it settles the conflict
        (await store.RunAsync("partners", "review", "--accept", "test-ind-chl-cu")).Exit.ShouldBe(0);
        (await store.JsonAsync("partners", "show", "test-ind-chl-cu")).GetProperty("record").GetProperty("conflicts").GetArrayLength().ShouldBe(0);
    }
}
