namespace Khanij.Data.Tests;

/// <summary>Each kind of bad input is reported as file:line:column with what was found and expected, and leaves the store as it was.</summary>
public sealed class BadInputTests(PackStoreFixture fixture)
{
    private const string IeaSupply = "iea_cmo2025_supply_mining_refining_by_country.csv";

    /// <summary>Imports <paramref name="dataDir"/> into a copy of the imported store; returns the errors after checking nothing changed.</summary>
    private async Task<IReadOnlyList<ImportError>> ImportExpectingFailureAsync(string dataDir)
    {
        await using var store = fixture.Copy();
        var before = await PackStoreFixture.FingerprintAsync(store);

        var result = await store.ImportAsync(dataDir, null, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeFalse();
        (await PackStoreFixture.FingerprintAsync(store)).ShouldBe(before, "a failed import must leave every table as it was");
        result.Counts.ShouldBe(await fixture.Store.GetCountsAsync(TestContext.Current.CancellationToken));
        return result.Errors;
    }

    private static string[] Lines(string dir, string file) => File.ReadAllText(Path.Combine(dir, file)).Split('\n');

    private static void WriteLines(string dir, string file, string[] lines) => File.WriteAllText(Path.Combine(dir, file), string.Join('\n', lines));

    /// <summary>1-based column where field <paramref name="index"/> starts on an unquoted CSV line.</summary>
    private static int ColumnOf(string line, int index) => line.Split(',').Take(index).Sum(f => f.Length + 1) + 1;

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    [Fact]
    public async Task ImportAsync_MissingColumn_NamesFileAndColumn()
    {
        // Given
        var dir = fixture.CopyData();
        var lines = Lines(dir, IeaSupply);
        lines[0] = lines[0].Replace("value_kt", "amount_kt", StringComparison.Ordinal);
        WriteLines(dir, IeaSupply, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((IeaSupply, 1, 1));
        error.Message.ShouldContain("missing column 'value_kt'");
        error.Message.ShouldContain("'amount_kt'");
    }

    [Fact]
    public async Task ImportAsync_NonNumericValue_PointsAtTheCell()
    {
        // Given
        var dir = fixture.CopyData();
        var lines = Lines(dir, IeaSupply);
        lines[1] = ReplaceField(lines[1], 5, "5476.0t");
        WriteLines(dir, IeaSupply, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((IeaSupply, 2, ColumnOf(lines[1], 5)));
        error.Message.ShouldContain("'5476.0t'");
        error.Message.ShouldContain("expected a number");
    }

    [Fact]
    public async Task ImportAsync_NegativeQuantity_IsRejected()
    {
        // Given
        const string trade = "cheng2024_trademap_bilateral_quantities.csv";
        var dir = fixture.CopyData();
        var lines = Lines(dir, trade);
        var i = Array.FindIndex(lines, 1, l => !l.Contains('"', StringComparison.Ordinal) && l.Split(',')[7].Length > 0);
        lines[i] = ReplaceField(lines[i], 7, "-12");
        WriteLines(dir, trade, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((trade, i + 1, ColumnOf(lines[i], 7)));
        error.Message.ShouldContain("-12");
        error.Message.ShouldContain("zero or more");
    }

    [Fact]
    public async Task ImportAsync_UnknownCountry_IsAnErrorNotADrop()
    {
        // Given
        var dir = fixture.CopyData();
        var lines = Lines(dir, IeaSupply);
        lines[1] = ReplaceField(lines[1], 2, "Atlantis");
        WriteLines(dir, IeaSupply, lines);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((IeaSupply, 2, ColumnOf(lines[1], 2)));
        error.Message.ShouldContain("unknown country or aggregate 'Atlantis'");
        error.Message.ShouldContain("source_spellings.csv");
    }

    [Fact]
    public async Task ImportAsync_DuplicateKey_NamesBothLines()
    {
        // Given
        const string restrictions = "export_restrictions_curated.csv";
        var dir = fixture.CopyData();
        var lines = Lines(dir, restrictions).Where(l => l.Length > 0).ToList();
        lines.Add(lines[1]);
        WriteLines(dir, restrictions, [.. lines, ""]);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((restrictions, lines.Count, 1));
        error.Message.ShouldContain("duplicate restriction id");
        error.Message.ShouldContain("first appears on line 2");
    }

    [Fact]
    public async Task ImportAsync_FlowRepeatedUnderSecondSpellingWithOtherFigure_NamesBothLines()
    {
        // Given: a Zambia row copied under ITC's second spelling 'Zambia (1)' with a different quantity
        const string trade = "cheng2024_trademap_bilateral_quantities.csv";
        var dir = fixture.CopyData();
        var lines = Lines(dir, trade).Where(l => l.Length > 0).ToList();
        var index = lines.FindIndex(l => l.Contains(",Zambia,0,import,", StringComparison.Ordinal) && !l.Contains('"', StringComparison.Ordinal)
            && l.Split(',')[7].Length > 0);
        index.ShouldBeGreaterThan(0, "the trade file has no plain Zambia import row to copy");
        var original = lines[index].Split(',');
        var copy = ReplaceField(ReplaceField(lines[index], 2, "Zambia (1)"), 7, original[7] + "1");
        var clash = lines.FindIndex(l => l == ReplaceField(lines[index], 2, "Zambia (1)"));
        if (clash > 0)
        {
            lines[clash] = copy;
        }
        else
        {
            lines.Add(copy);
        }
        WriteLines(dir, trade, [.. lines, ""]);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        error.Source.ShouldBe(trade);
        error.Message.ShouldContain("under another spelling");
        error.Message.ShouldContain("Expected one figure per flow");
    }

    [Fact]
    public async Task ImportAsync_InvalidUtf8_GivesLineAndColumnOfTheBadByte()
    {
        // Given
        const string batpac = "battery_mineral_intensity_kg_per_kwh_batpac.csv";
        var dir = fixture.CopyData();
        var path = Path.Combine(dir, batpac);
        var bytes = File.ReadAllBytes(path).ToList();
        var lineStart = IndexOfLine(bytes, 3);
        bytes.InsertRange(lineStart + 4, [0xC3, 0x28]);
        File.WriteAllBytes(path, [.. bytes]);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((batpac, 3, 5));
        error.Message.ShouldContain("invalid UTF-8");
        error.Message.ShouldContain("0xC3");
    }

    private static int IndexOfLine(List<byte> bytes, int line)
    {
        var seen = 1;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (seen == line)
            {
                return i;
            }
            if (bytes[i] == '\n')
            {
                seen++;
            }
        }
        throw new InvalidOperationException("the file has fewer lines");
    }

    [Fact]
    public async Task ImportAsync_EmptyFile_SaysItIsEmpty()
    {
        // Given
        const string lists = "criticality_lists.csv";
        var dir = fixture.CopyData();
        File.WriteAllBytes(Path.Combine(dir, lists), []);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        (error.Source, error.Line, error.Column).ShouldBe((lists, 1, 1));
        error.Message.ShouldContain("empty");
        error.Message.ShouldContain("india_2023");
    }

    [Fact]
    public async Task ImportAsync_ErrorsInSeveralFiles_ReportsAllTogether()
    {
        // Given
        var dir = fixture.CopyData();
        var lines = Lines(dir, IeaSupply);
        lines[2] = ReplaceField(lines[2], 5, "n/a");
        lines[3] = ReplaceField(lines[3], 2, "Ruritania");
        WriteLines(dir, IeaSupply, lines);
        const string production = "usgs_mcs2024_lithium_mine_production_busch.csv";
        var usgs = Lines(dir, production);
        usgs[1] = ReplaceField(usgs[1], 3, "lots");
        WriteLines(dir, production, usgs);

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        errors.Select(e => (e.Source, e.Line)).ShouldBe([(production, 2), (IeaSupply, 3), (IeaSupply, 4)], ignoreOrder: true);
        errors.ShouldAllBe(e => e.ToString().StartsWith(e.Source + ":" + e.Line + ":" + e.Column + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_MissingFile_IsReported()
    {
        // Given
        var dir = fixture.CopyData();
        File.Delete(Path.Combine(dir, "lithium_deposits_busch2024.csv"));

        // When
        var errors = await ImportExpectingFailureAsync(dir);

        // Then
        var error = errors.ShouldHaveSingleItem();
        error.Source.ShouldBe("lithium_deposits_busch2024.csv");
        error.Message.ShouldContain("missing");
    }
}
