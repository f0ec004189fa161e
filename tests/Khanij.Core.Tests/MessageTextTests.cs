using CsCheck;
using Khanij.Core.Text;

namespace Khanij.Core.Tests;

/// <summary>Spelling suggestions, terminal display width and English counts (issue 15, CLI).</summary>
public sealed class MessageTextTests
{
    [Theory]
    [InlineData("lithum", "lithium", 1)]    // one letter left out
    [InlineData("cobalt", "cboalt", 1)]     // two neighbours swapped count once
    [InlineData("kitten", "sitting", 3)]    // the textbook example: two substitutions and an insertion
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_HandCountedEdits(string a, string b, int expected)
    {
        // When / Then
        Spelling.Distance(a, b).ShouldBe(expected);
        Spelling.Distance(b, a).ShouldBe(expected);
    }

    [Fact]
    public void Distance_IsAMetricOnShortWords() =>
        Gen.Select(Gen.String[Gen.Char['a', 'd'], 0, 6], Gen.String[Gen.Char['a', 'd'], 0, 6])
            .Sample((a, b) =>
                Spelling.Distance(a, b) == Spelling.Distance(b, a)
                && (Spelling.Distance(a, b) == 0) == (a == b)
                && Spelling.Distance(a, b) <= Math.Max(a.Length, b.Length)
                && Spelling.Distance(a, b) >= Math.Abs(a.Length - b.Length));

    [Fact]
    public void Nearest_OnlyWithinTheToleranceNearestFirst()
    {
        // Given
        KeyValuePair<string, string>[] names = [new("lithium", "Li"), new("cobalt", "Co"), new("lithia", "Li2O"), new("in", "In")];

        // When / Then
        Spelling.Nearest("lithum", names).ShouldBe(["Li", "Li2O"]); // 1 and 2 edits; tolerance 2 for six letters
        Spelling.Nearest("copper", names).ShouldBeEmpty();
        Spelling.Nearest("im", names).ShouldBeEmpty();              // two letters: too short to guess
        Spelling.DidYouMean(["a", "b", "c"]).ShouldBe(" Did you mean a, b or c?");
        Spelling.DidYouMean([]).ShouldBe("");
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("किंशासा", 6)]      // क ि (spacing sign: 1) ं (nasal mark: 0) श ा स ा → 6
    [InlineData("आर्सेनिक", 6)]     // आ र ् (virama: 0) स े (0) न ि क → 6
    [InlineData("中国", 4)]          // wide characters take two columns
    [InlineData("e\u0301", 1)]      // e with a combining acute
    [InlineData("a\u200Bb", 2)]     // a zero-width space takes none
    public void DisplayWidth_CountsColumnsAsTerminalsDo(string text, int columns) =>
        DisplayWidth.Of(text).ShouldBe(columns);

    [Fact]
    public void Fit_KeepsZeroWidthMarksWithTheirLetter()
    {
        // Given: कि is two columns (क + ि); the nasal mark ं after it takes none
        const string text = "किंशासा";

        // When
        var fitted = DisplayWidth.Fit(text, 3);

        // Then: क ि ं श = 3 columns, ं kept although the column count was already 2 before it; the ा after श would be a fourth
        fitted.ShouldBe("किंश");
    }

    [Theory]
    [InlineData(1, "table", null, "1 table")]
    [InlineData(2, "table", null, "2 tables")]
    [InlineData(0, "country", "countries", "0 countries")]
    [InlineData(1204, "row", null, "1,204 rows")]
    public void Count_SingularOnlyForOne(long count, string singular, string? plural, string expected) =>
        English.Count(count, singular, plural).ShouldBe(expected);

    [Theory]
    [InlineData("India", "India's")]
    [InlineData("United States", "United States'")]
    public void Possessive_NoExtraSAfterS(string name, string expected) => English.Possessive(name).ShouldBe(expected);
}
