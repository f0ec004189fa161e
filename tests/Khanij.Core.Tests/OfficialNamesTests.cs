using Khanij.Core.Catalogue;
using Khanij.Core.Text;
using Khanij.Testing;

namespace Khanij.Core.Tests;

/// <summary>Officials' names in Latin script: the romanisation worked by hand from its scheme (docs/registry.md), and the curated list of known
/// spellings with its checks.</summary>
public sealed class OfficialNamesTests
{
    [Theory]
    // Each worked by hand, syllable by syllable, from the scheme in Devanagari.cs:
    // न-रे-ं-द्-र: the final र closes the cluster द्र, so it keeps its "a"; anusvara before द is n. मो-दी has explicit vowels.
    [InlineData("नरेंद्र मोदी", "Narendra Modi")]
    // ज-य-शं-क-र: final र drops its "a"; क keeps it (र after it has none); शं is nasalised; य sits between ज (vowel) and शं (vowel): dropped.
    [InlineData("जयशंकर", "Jayshankar")]
    // क-म-ला: म between क (vowel) and ला (vowel ā): dropped. The first syllable always keeps its vowel.
    [InlineData("कमला", "Kamla")]
    // ज-न-ता: as कमला.
    [InlineData("जनता", "Janta")]
    // स-ती-श: final श drops; चं-द्-र: the cluster keeps the final "a"; दु-बे explicit.
    [InlineData("सतीश चंद्र दुबे", "Satish Chandra Dube")]
    // व्-ला-दि-मी-र: the virama joins व to ला; final र drops. पु-ति-न: final न drops.
    [InlineData("व्लादिमीर पुतिन", "Vladimir Putin")]
    // Nukta: ज़ is z.
    [InlineData("थेरेसा लाज़ारो", "Theresa Lazaro")]
    // सं-ज-य: final य drops; ज keeps its "a" because य after it has none.
    [InlineData("संजय लोहिया", "Sanjay Lohiya")]
    // Anusvara before a labial (प) is m: कं-प-नी.
    [InlineData("कंपनी", "Kampani")]
    // A one-syllable word keeps its vowel; Latin text passes through.
    [InlineData("क", "Ka")]
    [InlineData("S. Jaishankar", "S. Jaishankar")]
    public void ToLatin_HandWorkedNames_FollowTheScheme(string devanagari, string expected) =>
        Devanagari.ToLatin(devanagari).ShouldBe(expected);

    [Fact]
    public void OfficialSpellings_ShippedList_LoadsAndGivesKnownSpellingsBeforeRomanising()
    {
        // Given: the shipped list, and its rows read here as plain CSV
        var path = Path.Combine(RepoPaths.Data, OfficialSpellings.FileName);
        var rows = Csv.Parse(File.ReadAllText(path), path).Rows;

        // When
        var spellings = OfficialSpellings.Parse(File.ReadAllText(path), path);

        // Then: every listed name maps to its listed spelling; an honorific before a known name; an unknown name is romanised word by word
        spellings.Count.ShouldBe(rows.Count);
        foreach (var row in rows)
        {
            spellings.Latin(row[0]).ShouldBe(row[1]);
        }
        spellings.Latin("सुश्री सुज़ाना जिमेनेज़").ShouldBe("Ms Suzana Jimenez");
        spellings.Latin("नरेन्द्र मोदी").ShouldBe("Narendra Modi");
        spellings.Latin("श्री रमेश कुमार").ShouldBe("Shri Ramesh Kumar");
        spellings.Latin("Piyush Goyal").ShouldBe("Piyush Goyal");
    }

    [Theory]
    [InlineData("devanagari,latin,note\nमोदी,Modi,x\nमोदी,Modi,again\n", "f.csv:3:1:", "listed twice")]
    [InlineData("devanagari,latin,note\nमोदी,,x\n", "f.csv:2:6:", "expected the usual English spelling")]
    [InlineData("devanagari,latin,note\nModi,Modi,x\n", "f.csv:2:1:", "expected a name in Devanagari")]
    [InlineData("hindi,english\nमोदी,Modi\n", "f.csv:1:1:", "expected 'devanagari,latin,note'")]
    public void OfficialSpellings_BadRow_NamesFileLineAndColumn(string csv, string where, string what)
    {
        var e = Should.Throw<FormatException>(() => OfficialSpellings.Parse(csv, "f.csv"));
        e.Message.ShouldStartWith(where);
        e.Message.ShouldContain(what);
    }
}
