using System.Diagnostics;
using System.Text;
using Khanij.Data.Registry;
using Khanij.Testing;

namespace Khanij.Data.Tests;

/// <summary>Issue 17, findings 6–9: data pack files that used to import wrongly, hang or crash are each refused with a located message,
/// and the store is left as it was. Each test is the reproducer of the issue, on a copy of the bundled pack.</summary>
public sealed class ImporterHardeningTests(PackStoreFixture fixture)
{
    private const string IeaSupply = "iea_cmo2025_supply_mining_refining_by_country.csv";
    private const string Deposits = "lithium_deposits_busch2024.csv";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<ImportError>> ImportExpectingFailureAsync(string dataDir)
    {
        await using var store = fixture.Copy();
        var before = await PackStoreFixture.FingerprintAsync(store);
        // A pack file that could block (a FIFO) must not hang the import: give up well before the test runner would.
        var result = await store.ImportAsync(dataDir, null, Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        result.Succeeded.ShouldBeFalse();
        (await PackStoreFixture.FingerprintAsync(store)).ShouldBe(before, "a failed import must leave every table as it was");
        return result.Errors;
    }

    private static string[] Lines(string dir, string file) => File.ReadAllText(Path.Combine(dir, file)).Split('\n');

    private static void WriteLines(string dir, string file, string[] lines) => File.WriteAllText(Path.Combine(dir, file), string.Join('\n', lines));

    private static int Index(string header, string column) => header.TrimEnd('\r').Split(',').Select(h => h.Trim('"')).ToList().IndexOf(column);

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    [Fact]
    public async Task Finding6_ValueThatOverflowsWhenScaledToTonnes_IsALocatedError()
    {
        // Given: 1e306 kt is a finite number, but 1e309 t is not
        var dir = fixture.CopyData();
        var lines = Lines(dir, IeaSupply);
        var column = Index(lines[0], "value_kt");
        lines[1] = ReplaceField(lines[1], column, "1e306");
        WriteLines(dir, IeaSupply, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line).ShouldBe((IeaSupply, 2));
        error.Message.ShouldContain("after conversion");
        error.Message.ShouldContain("finite");
    }

    [Fact]
    public async Task Finding7_CldrOfTheWrongShape_IsALocatedError()
    {
        // Given
        var dir = fixture.CopyData();
        File.WriteAllText(Path.Combine(dir, "cldr_hi_territories.json"), """{"main": {"hi": []}}""");

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe(("cldr_hi_territories.json", 1, 1));
        error.Message.ShouldContain("$.main.hi");
        error.Message.ShouldContain("localeDisplayNames");
    }

    [Fact]
    public async Task Finding7_DanglingSymlinkInThePack_IsAnErrorNamingTheFile()
    {
        // Given
        var dir = fixture.CopyData();
        File.Delete(Path.Combine(dir, Deposits));
        File.CreateSymbolicLink(Path.Combine(dir, Deposits), Path.Combine(dir, "no-such-file.csv"));

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(Deposits);
        error.Message.ShouldContain("symbolic link");
        error.ToString().ShouldStartWith(Deposits + ": ");
    }

    [Fact]
    public async Task Finding10_SymlinkOutOfThePack_IsRefusedWithoutShowingTheTarget()
    {
        // Given: a link from the pack to a file elsewhere, whose first line must not appear in any message
        var dir = fixture.CopyData();
        var outside = Path.Combine(Path.GetTempPath(), "khanij-secret-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(outside, "SECRET-FIRST-LINE,password=hunter2\n1,2\n");
        try
        {
            File.Delete(Path.Combine(dir, Deposits));
            File.CreateSymbolicLink(Path.Combine(dir, Deposits), outside);

            // When
            var errors = await ImportExpectingFailureAsync(dir);

            // Then
            var error = errors.ShouldHaveSingleItem();
            error.Source.ShouldBe(Deposits);
            error.Message.ShouldContain("outside the data pack");
            errors.ShouldAllBe(e => !e.ToString().Contains("SECRET") && !e.ToString().Contains("hunter2"));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task Finding7_FifoInThePack_IsRefusedNotWaitedOn()
    {
        // Given
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo"), "needs Linux and mkfifo (coreutils)");
        var dir = fixture.CopyData();
        File.Delete(Path.Combine(dir, Deposits));
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [Path.Combine(dir, Deposits)]))
        {
            await mkfifo.WaitForExitAsync(Ct);
            mkfifo.ExitCode.ShouldBe(0);
        }

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(Deposits);
        error.Message.ShouldContain("FIFO");
    }

    [Theory]
    [InlineData("value_kt")]
    [InlineData("VALUE_KT")]
    public async Task Finding8_DuplicateHeaderColumn_IsALocatedError(string copy)
    {
        // Given
        var dir = fixture.CopyData();
        var lines = Lines(dir, IeaSupply);
        lines[0] = lines[0].TrimEnd('\r') + "," + copy;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                lines[i] = lines[i].TrimEnd('\r') + ",0";
            }
        }
        WriteLines(dir, IeaSupply, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((IeaSupply, 1, lines[0].Length - copy.Length + 1));
        error.Message.ShouldContain("twice");
    }

    [Fact]
    public async Task Finding8_TextAfterClosingQuote_IsALocatedError()
    {
        // Given: "Salar de Atacama (SQM)"x in the deposits file
        var dir = fixture.CopyData();
        var lines = Lines(dir, Deposits);
        var at = lines[1].IndexOf("\"Salar de Atacama (SQM)\"", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        var end = at + "\"Salar de Atacama (SQM)\"".Length;
        lines[1] = lines[1][..end] + "x" + lines[1][end..];
        WriteLines(dir, Deposits, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((Deposits, 2, end + 1));
        error.Message.ShouldContain("closing quote");
    }

    [Theory]
    [InlineData("Latitude", "999")]
    [InlineData("Longitude", "-181")]
    public async Task Finding8_CoordinateOutOfRange_IsALocatedError(string column, string value)
    {
        // Given
        var dir = fixture.CopyData();
        var lines = Lines(dir, Deposits);
        var index = Index(lines[0], column);
        lines[1] = ReplaceField(lines[1], index, value);
        WriteLines(dir, Deposits, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line).ShouldBe((Deposits, 2));
        error.Message.ShouldContain($"'{column}' is {value}");
        error.Message.ShouldContain("expected a value from");
    }

    [Fact]
    public async Task Finding9_EmptyCountryCodes_ReportsAtMostFiftyErrorsPerFileAndCountsTheRest()
    {
        // Given: every other file names countries, so each of its rows would fail
        var dir = fixture.CopyData();
        File.WriteAllText(Path.Combine(dir, "country_codes_iso3166.csv"), "");

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        errors[0].ToString().ShouldStartWith("country_codes_iso3166.csv:1:1: the file is empty");
        var perFile = errors.GroupBy(e => e.Source).ToList();
        perFile.ShouldAllBe(g => g.Count() <= 51);
        var capped = perFile.Where(g => g.Count() == 51).ToList();
        capped.ShouldNotBeEmpty();
        capped.ShouldAllBe(g => g.Last().Message.Contains("more errors in this file not shown"));
        errors.Count.ShouldBeLessThan(51 * 25);
    }

    [Fact]
    public async Task Finding9_MissingFile_ReadsAsFileAndMessageNotLineZero()
    {
        // Given
        var dir = fixture.CopyData();
        File.Delete(Path.Combine(dir, Deposits));

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var text = errors.ShouldHaveSingleItem().ToString();
        text.ShouldStartWith(Deposits + ": the file is missing");
        text.ShouldNotContain(":0:0");
    }
}

/// <summary>Issue 17, findings 7 and 8 for registry files: bytes and shapes the registry reader used to crash on or take silently.</summary>
public sealed class RegistryFileHardeningTests
{
    private static readonly Core.Catalogue.KhanijCatalogue Catalogue = CatalogueLoader.Load(RepoPaths.Data);

    private static string File(string reviewOrExtra) => $$"""
        {"records": [{
          "id": "hard-one", "kind": "partnership", "title": "Hardening fixture", "parties": ["IND", "AUS"], "instrument": "mou",
          "minerals": ["lithium"], "sources": [{"document": "Release", "url": "https://example.org/r"}]{{reviewOrExtra}}
        }]}
        """;

    [Fact]
    public void Finding7_InvalidUtf8InsideAString_IsALocatedError()
    {
        // Given: a title with a lone 0xFF byte on line 2
        var bytes = Encoding.UTF8.GetBytes(File(""));
        var at = Encoding.UTF8.GetBytes(File("")).AsSpan().IndexOf("Hardening"u8);
        bytes[at + 3] = 0xFF;
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', at) + 1;

        // When
        var error = Should.Throw<RegistryException>(() => RegistryImporter.Check("bad.json", bytes, Catalogue, new HashSet<string>()));

        // Then
        var problem = error.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith($"bad.json:2:{at + 3 - lineStart + 1}: not valid UTF-8");
    }

    [Theory]
    [InlineData("99")]
    [InlineData("1")]
    [InlineData("proposed, accepted")]
    public void Finding8_ReviewThatIsNotAName_IsRejected(string review)
    {
        // When
        var error = Should.Throw<RegistryException>(() =>
            RegistryImporter.Check("r.json", Encoding.UTF8.GetBytes(File($", \"review\": \"{review}\"")), Catalogue, new HashSet<string>()));

        // Then
        error.Problems.ShouldContain(p => p.Contains("records[0].review", StringComparison.Ordinal) && p.Contains($"\"{review}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Finding8_ReviewByName_StillAccepted()
    {
        // When
        var records = RegistryImporter.Check("r.json", Encoding.UTF8.GetBytes(File(", \"review\": \"Proposed\"")), Catalogue, new HashSet<string>());

        // Then
        records.ShouldHaveSingleItem().Review.ShouldBe(Core.Registry.ReviewState.Proposed);
    }

    [Fact]
    public void Finding8_DuplicateJsonKey_IsALocatedError()
    {
        // When
        var error = Should.Throw<RegistryException>(() =>
            RegistryImporter.Check("r.json", Encoding.UTF8.GetBytes(File(", \"title\": \"Second title\"")), Catalogue, new HashSet<string>()));

        // Then
        var problem = error.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith("r.json:3:");
        problem.ShouldContain("title");
    }

    [Fact]
    public void Finding5_IdAlreadyTaken_IsAConflictNotAShapeProblem()
    {
        // When
        var error = Should.Throw<RegistryConflictException>(() =>
            RegistryImporter.Check("r.json", Encoding.UTF8.GetBytes(File("")), Catalogue, new HashSet<string> { "hard-one" }));

        // Then
        error.Problems.ShouldContain(p => p.Contains("already in the registry", StringComparison.Ordinal));
    }
}
