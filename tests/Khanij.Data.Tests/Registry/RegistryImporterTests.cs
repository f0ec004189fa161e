using System.Text;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using Khanij.Testing;
using static Khanij.Data.Tests.Registry.RegistryFixtures;

namespace Khanij.Data.Tests.Registry;

public sealed class RegistryImporterTests : IDisposable
{
    private readonly List<string> _files = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string GoodRecord = """
            {
              "id": "good-one",
              "kind": "partnership",
              "title": "A good record",
              "parties": ["IND", "AUS"],
              "instrument": "mou",
              "minerals": ["lithium"],
              "sources": [{ "document": "Release", "url": "https://example.org/r" }]
            }
        """;

    [Fact]
    public async Task ImportFileAsync_Samples_AllImportAndFeedTheLinks()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "registry"), "*.json").Order(StringComparer.Ordinal).ToList();

        // When
        foreach (var file in files)
        {
            await RegistryImporter.ImportFileAsync(file, store, Catalogue, "curator", Ct);
        }

        // Then
        files.Count.ShouldBeGreaterThanOrEqualTo(3);
        var records = await store.ListAsync(Ct);
        records.ShouldContain(r => r.Id == "msp" && r.Review == ReviewState.Accepted);
        var links = await store.PartnerLinksAsync(Catalogue, Ct);
        links.ShouldContain(l => l.Basis == "registry" && l.CountryA == "ARG" && l.CountryB == "IND" && l.MineralIds.Contains("lithium"));
        links.ShouldContain(l => l.Basis == "framework:MSP" && l.CountryA == "IND" && l.CountryB == "KOR");
        links.ShouldContain(l => l.Basis == "registry" && l.RecordId == "quad-fmm-2025" && l.CountryA == "AUS" && l.CountryB == "JPN");
        links.ShouldNotContain(l => l.Basis == "framework:QUAD" && l.CountryA == "AUS" && l.CountryB == "JPN");
    }

    [Fact]
    public async Task ImportFileAsync_OneBadRecord_RejectsWholeFileWithLineAndColumn()
    {
        // Given: a good record, then one with an unknown mineral on line 15 and no sources
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var json = "{\n  \"records\": [\n" + GoodRecord + ",\n" + """
            {
              "id": "bad-one",
              "kind": "partnership",
              "title": "भारत–जापान",
              "parties": ["IND", "JPN"],
              "instrument": "mou",
              "minerals": ["lithium", "unobtainium"],
              "sources": []
            }
        """ + "\n  ]\n}\n";
        var path = await WriteAsync(json);

        // When
        var error = await Should.ThrowAsync<RegistryException>(() => RegistryImporter.ImportFileAsync(path, store, Catalogue, "curator", Ct));

        // Then
        var name = path;
        var lines = json.Split('\n');
        var mineralLine = Array.FindIndex(lines, l => l.Contains("unobtainium", StringComparison.Ordinal)) + 1;
        var column = lines[mineralLine - 1].IndexOf("\"unobtainium\"", StringComparison.Ordinal) + 1;
        error.Problems.ShouldContain(p => p.StartsWith($"{name}:{mineralLine}:{column}: records[1].minerals[1]: mineral 'unobtainium'", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.Contains("records[1].sources", StringComparison.Ordinal) && p.Contains("no source", StringComparison.Ordinal));
        error.Problems[^1].ShouldContain("nothing was imported");
        (await store.ListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportFileAsync_BrokenJson_ReportsPositionAndChangesNothing()
    {
        // Given: an extra comma on line 3
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.ImportAsync([EveryKind()[0]], "curator", Catalogue, Ct);
        var path = await WriteAsync("{\n  \"records\": [\n    { \"id\": \"x\",, \"kind\": \"partnership\" }\n  ]\n}\n");

        // When
        var error = await Should.ThrowAsync<RegistryException>(() => RegistryImporter.ImportFileAsync(path, store, Catalogue, "curator", Ct));

        // Then
        error.Message.ShouldStartWith($"{path}:3:17: not valid JSON");
        (await store.ListAsync(Ct)).Select(r => r.Id).ShouldBe(["pt-a"]);
    }

    [Fact]
    public async Task ImportFileAsync_TakenIdTypoAndDanglingParent_ReportsEachAndChangesNothing()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.ImportAsync([EveryKind()[0]], "curator", Catalogue, Ct);
        var before = RegistryJson.Serialize((await store.ListAsync(Ct)).Single());
        var json = """
            {"records": [
              {"id": "pt-a", "kind": "partnership", "title": "t", "parties": ["IND", "AUS"], "instrument": "mou",
               "sources": [{"document": "d", "url": "https://example.org"}]},
              {"id": "new-one", "kind": "occasion", "title": "t", "parties": ["IND", "AUS"], "instrument": "meeting", "parent_id": "nowhere",
               "minerls": ["lithium"], "sources": [{"document": "d", "url": "https://example.org"}]}
            ]}
            """;
        var path = await WriteAsync(json);

        // When
        var error = await Should.ThrowAsync<RegistryException>(() => RegistryImporter.ImportFileAsync(path, store, Catalogue, "curator", Ct));

        // Then
        error.Problems.ShouldContain(p => p.Contains("records[0].id", StringComparison.Ordinal) && p.Contains("already in the registry", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.Contains("records[1].minerls", StringComparison.Ordinal) && p.Contains("unknown field", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.Contains("records[1].parent_id", StringComparison.Ordinal) && p.Contains("nowhere", StringComparison.Ordinal));
        (await store.ListAsync(Ct)).Count.ShouldBe(1);
        RegistryJson.Serialize((await store.ListAsync(Ct)).Single()).ShouldBe(before);
    }

    [Fact]
    public async Task ImportFileAsync_MissingFile_SaysSo()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;

        // When
        var error = await Should.ThrowAsync<RegistryException>(
            () => RegistryImporter.ImportFileAsync("/nonexistent/registry.json", store, Catalogue, "curator", Ct));

        // Then
        error.Message.ShouldContain("file not found");
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private async Task<string> WriteAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"khanij-registry-{Guid.NewGuid():N}.json");
        _files.Add(path);
        await File.WriteAllTextAsync(path, json, new UTF8Encoding(false), Ct);
        return path;
    }
}
