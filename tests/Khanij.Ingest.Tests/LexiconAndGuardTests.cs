using Khanij.Data;
using Khanij.Ingest.Recognition;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

/// <summary>Issue 14: the cue lexicon as data (data/catalogue/cues.csv), alias variants, guards against regions, negations and
/// conditions, and follow-ups read from the text. Each test has its own short text.</summary>
public sealed class LexiconAndGuardTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly string CuesPath = Path.Combine(RepoPaths.Data, "catalogue", "cues.csv");

    private Task<IngestResult> Run(string text) =>
        fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void CueCatalogue_ShippedFile_LoadsAndHoldsEveryFamilyOfTheIssue()
    {
        // When
        var rows = CueCatalogue.Parse(File.ReadAllText(CuesPath), CuesPath);
        // Then: the kinds moved out of code, and the new families (initiative, framework, observatory, acquisition, joining)
        foreach (var kind in new[] { "instrument", "meeting", "status", "area", "role", "follow_up", "negation", "condition", "region" })
        {
            rows.ShouldContain(r => r.Kind == kind, kind);
        }
        foreach (var phrase in new[] { "initiative", "framework", "observatory", "acquisition", "accession", "पहल", "अधिग्रहण" })
        {
            rows.ShouldContain(r => r.Phrase == phrase && r.Kind == "instrument", phrase);
        }
    }

    [Theory]
    [InlineData("language,phrase,kind,value,note\nen,meeting,meting,meeting,\n", ":2:12: found kind 'meting'")]
    [InlineData("language,phrase,kind,value,note\nen,pact,instrument,pakt,\n", ":2:20: found value 'pakt' for kind 'instrument'")]
    [InlineData("language,phrase,kind,value,note\nfr,pacte,instrument,agreement,\n", ":2:1: found language 'fr'")]
    [InlineData("language,phrase,kind,value,note\nhi,pact,instrument,agreement,\n", ":2:4: found 'pact' for language 'hi'")]
    [InlineData("language,phrase,kind,value,note\nen,pact,instrument,agreement,\nen,Pact,instrument,agreement,x\n", ":3:4: found 'Pact' (instrument agreement) again; it is already on line 2")]
    [InlineData("language,phrase,value,kind,note\nen,pact,agreement,instrument,\n", ":1:1: found the header")]
    [InlineData("language,phrase,kind,value,note\nen,pact,instrument,agreement,a,b\n", ":2:32: found 6 fields")]
    public void CueCatalogue_BadRow_ReportsFileLineColumnAndWhatWasExpected(string csv, string expected)
    {
        // When
        var e = Should.Throw<IngestException>(() => CueCatalogue.Parse(csv, "cues.csv"));
        // Then
        e.Message.ShouldContain("cues.csv" + expected);
    }

    [Fact]
    public void Lexicon_CuratorAddsAWord_RecognisedWithoutABuild()
    {
        // Given: the shipped file plus one new meeting word a curator might add
        var catalogue = CatalogueLoader.Load(RepoPaths.Data);
        var cues = File.ReadAllText(CuesPath) + "en,huddle,meeting,meeting,added by a curator\n";
        var lexicon = Lexicon.Build(catalogue, null, null, cues);
        var text = "India and Chile held a huddle on copper.";
        // When
        var f = new Recognizer(lexicon).Analyse(text, new Text.Sentence(0, 0, text.Length, 0, Text.LineKind.Body, text));
        var without = new Recognizer(Lexicon.Build(catalogue, null, null, File.ReadAllText(CuesPath))).Analyse(text,
            new Text.Sentence(0, 0, text.Length, 0, Text.LineKind.Body, text));
        // Then
        f.MeetingCues.ShouldBe(["meeting"]);
        without.MeetingCues.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Democratic Republic of the Congo", new[] { "Democratic Republic of the Congo" , "Democratic Republic of Congo" })]
    [InlineData("The Gambia", new[] { "The Gambia", "Gambia" })]
    [InlineData("Peru", new[] { "Peru" })]
    public void Variants_OfTheAndLeadingThe(string name, string[] expected)
    {
        // Then
        Lexicon.Variants(name).ShouldBe(expected);
    }

    [Fact]
    public void DevanagariSpelling_AcronymLetterByLetter()
    {
        // Then: N-M-D-C read out letter by letter, as Hindi papers print it; words and long names are left alone
        Lexicon.WithDevanagariSpelling("NMDC").ShouldBe(["NMDC", "एनएमडीसी"]);
        Lexicon.WithDevanagariSpelling("Ministry of Mines").ShouldBe(["Ministry of Mines"]);
    }

    [Fact]
    public async Task Extract_DemocraticRepublicOfCongoWithoutThe_IsCod()
    {
        // When
        var r = await Run("Published: 2 Nov 2026\n\nCobalt\n\nIndia and the Democratic Republic of Congo signed an MoU on cobalt mining in Kinshasa on Monday.\n");
        // Then
        r.Events.ShouldHaveSingleItem().Parties.ShouldBe(["IND", "COD"]);
    }

    [Fact]
    public async Task Extract_KabilShortFormInHindi_IsIndia()
    {
        // When
        var r = await Run("प्रकाशित: 2 नवंबर 2026\n\nलिथियम\n\nकाबिल ने चिली की सरकारी कंपनी के साथ लिथियम पर समझौता ज्ञापन पर हस्ताक्षर किए।\n");
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Parties.ShouldBe(["IND", "CHL"]);
        e.Organisations.ShouldContain("KABIL");
    }

    [Fact]
    public async Task Extract_RegionWord_IsNotACountry()
    {
        // When: "Latin American" must not read as "American" (USA)
        var r = await Run("Published: 2 Nov 2026\n\nCopper\n\nIndia and Peru signed an MoU on copper, a gateway to the Latin American market.\n");
        // Then
        r.Events.ShouldHaveSingleItem().Parties.ShouldBe(["IND", "PER"]);
    }

    [Theory]
    [InlineData("The nickel will not be used in any defence project, India and Indonesia said.")]
    [InlineData("India and Indonesia would not sign any new nickel pact this year.")]
    [InlineData("If prices recover, India and Indonesia may sign a nickel agreement.")]
    [InlineData("अगर बातचीत सफल रही तो भारत और इंडोनेशिया निकल पर समझौता कर सकते हैं।")]
    public async Task Extract_NegatedOrConditionalInstrument_IsNotAnEvent(string sentence)
    {
        // When
        var r = await Run("Published: 2 Nov 2026\n\nNickel\n\n" + sentence + "\n");
        // Then
        r.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Extract_PortfolioWithComma_CoalIsNotAMineral()
    {
        // When
        var r = await Run("प्रकाशित: 2 नवंबर 2026\n\nग्रेफाइट\n\nकेंद्रीय कोयला, खान मंत्री ने मोज़ाम्बिक के मंत्री के साथ ग्रेफाइट पर समझौता ज्ञापन पर हस्ताक्षर किए।\n");
        // Then
        r.Events.ShouldHaveSingleItem().Minerals.ShouldBe(["graphite"]);
    }

    [Theory]
    [InlineData("initiative", "India and Kenya launched a joint initiative on graphite processing on Monday.", "project")]
    [InlineData("observatory", "India and Kenya opened a joint observatory for graphite research on Monday.", "project")]
    [InlineData("acquisition", "NMDC completed the acquisition of a graphite mine in Kenya on Monday.", "project")]
    [InlineData("framework", "India and Kenya signed a framework on graphite supply chains on Monday.", "agreement")]
    [InlineData("accession", "Kenya signed its accession to the Minerals Security Partnership on graphite supply chains on Monday.", "agreement")]
    public async Task Extract_NewEventFamilies_Found(string family, string sentence, string instrument)
    {
        // When
        var r = await Run("Published: 4 Nov 2026\n\nGraphite\n\n" + sentence + "\n");
        // Then: 4 Nov 2026 is a Wednesday, so Monday is 2 Nov
        var e = r.Events.ShouldHaveSingleItem(family);
        e.Instrument.ShouldBe(instrument);
        e.Date.ShouldBe("2026-11-02");
    }

    [Fact]
    public async Task Extract_FollowUps_OnTheMeetingWithOwnerAndDue()
    {
        // Given: published Wednesday 4 Nov 2026
        const string text = "Published: 4 Nov 2026\n\nGraphite talks\n\n"
            + "India and Kenya discussed graphite mining at a meeting in Nairobi on Monday and agreed to set up a joint task team.\n"
            + "The task team will report within three months, and the two sides will meet again in February 2027 in New Delhi.\n";
        // When
        var r = await Run(text);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Instrument.ShouldBe("meeting");
        e.FollowUps.Count.ShouldBe(2);
        e.FollowUps[0].Kind.ShouldBe("task_team");
        e.FollowUps[0].Due.ShouldBeNull();
        e.FollowUps[1].Kind.ShouldBe("next_meeting");
        e.FollowUps[1].Due.ShouldBe("2027-02"); // the month it names; "within three months" comes second in the rules
        e.FollowUps[1].Owner.ShouldBe("IND and KEN");
        e.FollowUps.ShouldAllBe(f => text.Contains(f.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_FollowUpWithinMonths_DueFromPublication()
    {
        // When
        var r = await Run("Published: 4 Nov 2026\n\nGraphite talks\n\nIndia and Kenya discussed graphite mining at a meeting on Monday. "
            + "The two sides agreed to review progress within six months.\n");
        // Then: 4 Nov 2026 + 6 months = 4 May 2027
        r.Events.ShouldHaveSingleItem().FollowUps.ShouldHaveSingleItem().Due.ShouldBe("2027-05-04");
    }

    [Fact]
    public async Task Extract_FollowUpInTheHeadline_OnlyTheBodySentence()
    {
        // Given: the headline repeats the lead's "agree to set up a task team"
        const string text = "Published: 4 Nov 2026\n\nIndia, Kenya agree to set up task team on graphite\n\n"
            + "India and Kenya discussed graphite mining at a meeting in Nairobi on Monday and agreed to set up a joint task team.\n";
        // When
        var r = await Run(text);
        // Then
        var item = r.Events.ShouldHaveSingleItem().FollowUps.ShouldHaveSingleItem();
        item.Text.ShouldStartWith("India and Kenya discussed");
    }

    [Fact]
    public async Task Extract_FollowUpWithinMonths_Hindi_DueFromPublication()
    {
        // When
        var r = await Run("प्रकाशित: 14 अगस्त 2026\n\nभारत और मलावी के खान मंत्रियों ने गुरुवार को बैठक की और दुर्लभ पृथ्वी तत्वों के खनन पर चर्चा की। "
            + "दोनों देशों ने छह महीने के भीतर एक संयुक्त कार्यबल बनाने पर सहमति जताई।\n");
        // Then: 14 Aug 2026 + 6 months = 14 Feb 2027
        var item = r.Events.ShouldHaveSingleItem().FollowUps.ShouldHaveSingleItem();
        (item.Kind, item.Due).ShouldBe(("task_team", "2027-02-14"));
    }

    [Fact]
    public void Merge_TwoUndatedReports_NotMerged()
    {
        // Given: the same parties, instrument and mineral, but neither document has a date
        static IngestResult Undated(string doc) => new(
            new IngestDocument(doc, "x", "en", null, null, false, 1, 0),
            [new Core.Events.CooperationEvent(doc, null, null, ["IND", "KEN"], null, null, "mou", "signed", ["graphite"], [], [], [], [], ["x"])],
            []);
        // When
        var merged = IngestPipeline.Merge([Undated("a.txt"), Undated("b.txt")]);
        // Then
        merged.Count.ShouldBe(2);
    }
}
