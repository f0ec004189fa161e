using DuckDB.NET.Data;
using Khanij.Core.Registry;
using Khanij.Data;
using Khanij.Data.Registry;
using Khanij.Ingest;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Registry;

/// <summary>The path of <c>khanij ingest add</c>: the real pipeline's events into the real registry (DuckDB in memory).</summary>
public sealed class IngestToRegistryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DuckDBConnection, RegistryStore, Core.Catalogue.KhanijCatalogue, IngestPipeline)> OpenAsync()
    {
        var catalogue = CatalogueLoader.Load(RepoPaths.Data);
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        return (connection, await RegistryStore.OpenAsync(connection, null, Ct), catalogue, IngestPipeline.Create(catalogue, RepoPaths.Data));
    }

    private static async Task<IngestOutcome> AddAsync(RegistryStore store, Core.Catalogue.KhanijCatalogue catalogue, IngestPipeline pipeline,
        params string[] paths)
    {
        var results = new List<IngestResult>();
        foreach (var path in paths)
        {
            results.Add(await pipeline.ExtractFileAsync(path, Ct));
        }
        return await store.AddEventsAsync(
            [.. results.Select(r => new SourceDocument(r.Document.Name, r.Document.Text, r.Document.Title))],
            [.. results.SelectMany(r => r.Events)], "test", catalogue, Ct);
    }

    [Fact]
    public async Task AddEvents_SameMouInHindiAndEnglish_OneProposalWithBothArticles()
    {
        // Given: our own sample articles, one signing reported in two languages
        var (connection, store, catalogue, pipeline) = await OpenAsync();
        await using var _ = connection;
        var dir = Path.Combine(RepoPaths.Root, "samples", "articles");

        // When
        await AddAsync(store, catalogue, pipeline, Path.Combine(dir, "en_kabil_australia_mou.txt"), Path.Combine(dir, "hi_kabil_australia_mou.txt"));

        // Then
        var mou = (await store.ListAsync(Ct)).Where(r => r.CountriesIn(catalogue).Order().SequenceEqual(["AUS", "IND"]) && r.Kind == RecordKind.Partnership).ToList();
        mou.Count.ShouldBe(1);
        mou[0].Sources.Select(s => s.Document).Order().ShouldBe(["en_kabil_australia_mou.txt", "hi_kabil_australia_mou.txt"]);
        mou[0].Review.ShouldBe(ReviewState.Proposed);
        foreach (var source in mou[0].Sources)
        {
            var text = await store.DocumentTextAsync(source.Document, Ct);
            source.Evidence.ShouldAllBe(e => text!.Contains(e, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AddEvents_SeedsThenAcceptAll_IndiaHasJapanRussiaCanadaAndUnitedStatesWithMinerals()
    {
        // Given
        RepoPaths.SkipUnlessShared();
        var (connection, store, catalogue, pipeline) = await OpenAsync();
        await using var _ = connection;
        var seeds = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        await AddAsync(store, catalogue, pipeline, seeds);
        var linksBefore = await store.PartnerLinksAsync(catalogue, Ct);

        // When
        await store.AcceptAllAsync("test", Ct);

        // Then
        linksBefore.ShouldBeEmpty();
        var rows = RegistryQueries.Partners(await store.ListAsync(Ct), "IND");
        foreach (var partner in new[] { "JPN", "RUS", "CAN", "USA" })
        {
            rows.ShouldContain(r => r.Counterpart == partner && r.Minerals.Count > 0, $"no partnership with {partner} and its minerals");
        }
        var links = await store.PartnerLinksAsync(catalogue, Ct);
        links.Where(l => l.Basis == "registry").Select(l => l.CountryA == "IND" ? l.CountryB : l.CountryA).Distinct().Order()
            .ShouldBe(["CAN", "JPN", "RUS", "USA"]);
    }
}
