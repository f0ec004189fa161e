using Khanij.Data;
using Khanij.Ingest.Recognition;
using Khanij.Ingest.Text;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

/// <summary>General rules added after the unseen-article check (samples/articles/unseen); each test uses its own short text.</summary>
public sealed class GeneralGapTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly Lexicon Lexicon = Lexicon.Build(CatalogueLoader.Load(RepoPaths.Data),
        File.ReadAllText(Path.Combine(RepoPaths.Data, "catalogue", "organisations.csv")), File.ReadAllText(Path.Combine(RepoPaths.Data, "catalogue", "cities.csv")),
        File.ReadAllText(Path.Combine(RepoPaths.Data, "catalogue", "cues.csv")));

    private static SentenceFacts Analyse(string text) =>
        new Recognizer(Lexicon).Analyse(text, new Sentence(0, 0, text.Length, 0, LineKind.Body, text));

    [Theory]
    [InlineData("The Minister of Steel and Coal met the Indonesian delegation to discuss nickel.", "nickel")]
    [InlineData("Ministry of Coal officials reviewed graphite supplies.", "graphite")]
    [InlineData("कोयला एवं खान मंत्री ने लिथियम पर बात की।", "lithium")]
    public void Recognizer_MineralInPortfolioTitle_IsNotAMineral(string text, string mineral)
    {
        // When
        var f = Analyse(text);
        // Then
        f.Minerals.ShouldBe([mineral]);
    }

    [Fact]
    public void Recognizer_CoalAsSubject_StillAMineral()
    {
        // When
        var f = Analyse("India and Indonesia discussed coal and nickel exports.");
        // Then
        f.Minerals.ShouldBe(["coal", "nickel"], ignoreOrder: true);
    }

    [Fact]
    public void Recognizer_CommonHindiSpellings_EuAndBrussels()
    {
        // When
        var f = Analyse("भारत और ईयू के अधिकारी ब्रुसेल्स में मिले।");
        // Then
        f.Frameworks.ShouldBe(["EU"]);
        f.Cities.Select(c => c.NameEn).ShouldBe(["Brussels"]);
    }

    [Fact]
    public async Task ExtractAsync_CapitalsDatelineWithYear_DatesTheStoryAndIsNotEvidence()
    {
        // Given: no metadata line; the wire dateline carries the date
        const string text = "Nickel pact\n\nJAKARTA, June 10, 2027 - Indonesia and Japan signed a nickel processing agreement on Monday, officials said.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Document.Published.ShouldBe("2027-06-10");
        var e = r.Events.ShouldHaveSingleItem();
        e.Parties.ShouldBe(["IDN", "JPN"], ignoreOrder: true);
        e.Date.ShouldBe("2027-06-07"); // Monday before Thursday 10 June
        e.Evidence.ShouldAllBe(ev => !ev.StartsWith("JAKARTA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtractAsync_BlocMeetingPartiesInOneSentenceMineralsInNext_BlocIsPartyAndSentenceDates()
    {
        // Given
        const string text = "प्रकाशित: 14 जून 2027\n\nभारत और यूरोपीय संघ के अधिकारियों की बैठक शुक्रवार को हुई। बैठक में दोनों पक्षों ने ग्रेफाइट और निकल पर चर्चा की।\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Instrument.ShouldBe("meeting");
        e.Parties.ShouldBe(["IND", "EU"]);
        e.Minerals.ShouldBe(["graphite", "nickel"], ignoreOrder: true);
        e.Date.ShouldBe("2027-06-11"); // शुक्रवार before Monday 14 June, from the sentence that reports the meeting
    }

    [Fact]
    public async Task ExtractAsync_CountryListAtFrameworkMeeting_FrameworkIsAParty()
    {
        // Given
        const string text = "Published: 14 June 2027\n\nMinisters from France, Germany, Italy and Japan met at a G7 meeting in Rome and discussed cobalt supplies.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Parties.ShouldContain("G7");
        e.Parties.ShouldContain("FRA");
        e.Parties.ShouldContain("JPN");
    }

    [Fact]
    public async Task ExtractAsync_BareCongoInAStoryNamingTheDrc_IsTheDrc()
    {
        // Given
        const string text = "Published: 3 May 2027\n\nCongo and Zambia signed an agreement on a cobalt battery precursor plant. "
            + "It is the first such deal for the Democratic Republic of the Congo.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Parties.ShouldBe(["COD", "ZMB"], ignoreOrder: true);
    }

    [Fact]
    public async Task ExtractAsync_BareCongoAlone_StaysTheCatalogueCountry()
    {
        // Given: nothing in the story says DRC, so the catalogue's reading (Republic of the Congo) stands
        const string text = "Published: 3 May 2027\n\nCongo and Zambia signed an agreement on a cobalt battery precursor plant.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldHaveSingleItem().Parties.ShouldBe(["COG", "ZMB"], ignoreOrder: true);
    }

    [Fact]
    public async Task ExtractAsync_PluralProjectsOnAFrameworkMeetingAgenda_OnlyTheMeeting()
    {
        // Given
        const string text = "Published: 14 June 2027\n\nMinisters from France, Germany, Italy and Japan met at a G7 meeting in Rome and agreed to fund cobalt and nickel projects.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldHaveSingleItem().Instrument.ShouldBe("meeting");
    }

    [Fact]
    public async Task ExtractAsync_BilateralProjectNamedInAMeetingSentence_StillAProject()
    {
        // Given: two countries and a single project are not a multilateral agenda
        const string text = "Published: 14 June 2027\n\nIndia and Chile met in Santiago and agreed on a joint copper smelter project.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.Select(e => e.Instrument).ShouldContain("project");
    }

    [Theory]
    [InlineData("The two governments issued a joint communique on lithium.")]
    [InlineData("दोनों देशों ने लिथियम पर संयुक्त विज्ञप्ति जारी की।")]
    public void Recognizer_JointCommunique_IsAJointStatement(string text)
    {
        // When
        var f = Analyse(text);
        // Then
        f.Instruments.ShouldContain("joint_statement");
    }

    [Fact]
    public async Task ExtractAsync_MeetingHeldOnAWeekdayThatAgreedToActLater_IsHeld()
    {
        // Given: "agreed to" marks a plan, but the meeting itself took place before publication
        const string text = "Published: 14 June 2027\n\nIndia and Chile met in Santiago on Friday and agreed to study copper refining.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.Single(e => e.Instrument == "meeting");
        e.Date.ShouldBe("2027-06-11");
        e.Status.ShouldBe("held");
    }

    [Fact]
    public async Task ExtractAsync_TitleEndsAtComma_NoNameMadeOfTitleWords()
    {
        // Given
        const string text = "Published: 14 June 2027\n\nIndia and Australia signed a nickel agreement on Friday in the presence of Shri A. B. Rao, "
            + "Minister of Steel and Mines, and Ms. Jane Doe, Minister for Resources.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Officials.Select(o => o.Name).ShouldNotContain(n => n.Contains("Mines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtractAsync_OpeningClauseWithDateIsNotADateline_NoPublicationDate()
    {
        // Given: an opening clause before a comma is not a place, so the sentence is not a dateline and must not date the story
        const string text = "Officials said, on 5 March 2025 (a Wednesday), that India and Chile would sign a lithium pact.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Document.Published.ShouldBeNull();
    }

    [Fact]
    public async Task ExtractAsync_EnglishNameCommaRole_ReadsTheNameBeforeTheTitle()
    {
        // Given
        const string text = "Published: 14 June 2027\n\nIndia and Australia signed a nickel agreement on Friday in the presence of Shri A. B. Rao, "
            + "Union Minister of Steel and Mines, and Ms. Jane Doe, Minister for Resources of Australia.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var officials = r.Events.ShouldHaveSingleItem().Officials;
        officials.ShouldContain(o => o.Name == "A. B. Rao" && o.Role == "Union Minister of Steel and Mines" && o.Country == "IND");
        officials.ShouldContain(o => o.Name == "Jane Doe" && o.Role == "Minister of Resources" && o.Country == "AUS");
    }

    [Fact]
    public async Task ExtractAsync_RoleOfPortfolioNameAndNextOfficial_RoleHasNoNameWord()
    {
        // Given
        const string text = "Published: 14 June 2027\n\nThe cobalt agreement was signed by Kenyan Minister of Mining John Kamau and Japanese Minister Aiko Sato.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldHaveSingleItem().Officials.ShouldContain(o => o.Name == "John Kamau" && o.Role == "Minister of Mining");
    }

    [Fact]
    public async Task ExtractAsync_LaterInvestmentMentionWithoutAmount_AddsItsMineralsToTheCommitment()
    {
        // Given
        const string text = "Published: 14 June 2027\n\nIndia and Canada will invest USD 30 million in critical minerals projects in Canada.\n\n"
            + "Under the plan, KABIL and Canadian firms will co-invest in nickel and graphite mines.\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.Single(e => e.Instrument == "investment_commitment");
        e.Parties.ShouldBe(["IND", "CAN"]);
        e.Minerals.ShouldBe(["critical_minerals", "nickel", "graphite"], ignoreOrder: true);
    }
}
