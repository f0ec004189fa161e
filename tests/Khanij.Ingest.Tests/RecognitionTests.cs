using Khanij.Data;
using Khanij.Ingest.Recognition;
using Khanij.Ingest.Text;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

public sealed class RecognitionTests
{
    private static readonly Lexicon Lexicon = Lexicon.Build(CatalogueLoader.Load(RepoPaths.Data),
        File.ReadAllText(Path.Combine(RepoPaths.Data, "catalogue", "organisations.csv")), File.ReadAllText(Path.Combine(RepoPaths.Data, "catalogue", "cities.csv")),
        File.ReadAllText(Path.Combine(RepoPaths.Data, "catalogue", "cues.csv")));

    private static SentenceFacts Analyse(string text) =>
        new Recognizer(Lexicon).Analyse(text, new Sentence(0, 0, text.Length, 0, LineKind.Body, text));

    [Fact]
    public void Recognizer_HindiAdjectivesAndNames_GiveCountries()
    {
        // When
        var f = Analyse("भारतीय और कनाडाई अधिकारियों ने रूसी तथा अमेरिकी प्रतिनिधियों से जापान में मुलाकात की।");
        // Then
        f.Countries.ShouldBe(["IND", "CAN", "RUS", "USA", "JPN"], ignoreOrder: true);
        f.MeetingCues.ShouldContain("meeting");
    }

    [Fact]
    public void Recognizer_ShortCapitalAliases_CaseSensitive()
    {
        // When
        var f = Analyse("The US and the EU told us they would work with MSP partners.");
        // Then
        f.Countries.ShouldBe(["USA"]);
        f.Frameworks.ShouldBe(["EU", "MSP"], ignoreOrder: true);
    }

    [Fact]
    public void Recognizer_MineralsInBothScripts_MapToCatalogueIds()
    {
        // When
        var hi = Analyse("महत्वपूर्ण खनिजों, लिथियम, ग्रेफाइट, एल्युमीनियम और दुर्लभ पृथ्वी तत्वों पर चर्चा हुई।");
        var en = Analyse("Talks covered critical minerals, rare earths, cobalt and aluminium.");
        // Then
        hi.Minerals.ShouldBe(["critical_minerals", "lithium", "graphite", "aluminium", "rare_earths"], ignoreOrder: true);
        en.Minerals.ShouldBe(["critical_minerals", "rare_earths", "cobalt", "aluminium"], ignoreOrder: true);
    }

    [Fact]
    public void Recognizer_OrganisationsAndCurrency_CountForTheirCountryOnly()
    {
        // When
        var f = Analyse("एनएमडीसी और जापान के अर्थव्यवस्था, वाणिज्य एवं उद्योग मंत्रालय ने 2 अरब अमेरिकी डॉलर के समझौता ज्ञापन पर हस्ताक्षर किए।");
        // Then
        f.Organisations.Select(o => o.Id).ShouldBe(["nmdc_ind", "meti_jpn"]);
        f.PartyCountries.Distinct().ShouldBe(["JPN", "IND"], ignoreOrder: true);
        f.Countries.ShouldNotContain("USA");
        f.Instruments.ShouldContain("mou");
        f.Statuses.ShouldContain("signed");
    }

    [Fact]
    public void Recognizer_CapitalCity_IsVenueNotParty()
    {
        // When
        var f = Analyse("मंत्री वॉशिंगटन में बैठक में शामिल हुए।");
        // Then
        f.Countries.ShouldBeEmpty();
        f.Cities.Single().NameEn.ShouldBe("Washington");
    }

    [Theory]
    [InlineData("They will fund processing plants outside China.")]
    [InlineData("The aim is to cut dependence on China for rare earths.")]
    [InlineData("भारत को चीन पर निर्भरता कम करनी है।")]
    [InlineData("चीन के बाहर आपूर्ति श्रृंखला बनाने पर जोर दिया गया।")]
    public void Recognizer_CountryAsTopic_NotAParty(string text)
    {
        // When
        var f = Analyse(text);
        // Then
        f.PartyCountries.ShouldNotContain("CHN");
        f.TopicCountries.ShouldContain("CHN");
    }

    [Fact]
    public void Recognizer_DelegatesFromACountry_AreParties()
    {
        // When
        var f = Analyse("Negotiators from India and the European Union concluded a round of talks on a free trade agreement.");
        // Then
        f.PartyCountries.ShouldBe(["IND"]);
        f.Frameworks.ShouldBe(["EU"]);
        f.Instruments.ShouldContain("trade_agreement");
    }

    [Theory]
    [InlineData("अगले महीने वाशिंगटन में हस्ताक्षर हो सकते हैं।", "planned")]
    [InlineData("The two sides will sign the MoU next week.", "planned")]
    [InlineData("दोनों देशों ने प्रोटोकॉल पर हस्ताक्षर किए हैं, जिससे उद्योग को बल मिलेगा।", "signed")]
    [InlineData("India and Zambia signed an MoU on Monday.", "signed")]
    public void Recognizer_HedgedSigning_IsPlanned(string text, string status) =>
        Analyse(text).Statuses.ShouldContain(status);
}
