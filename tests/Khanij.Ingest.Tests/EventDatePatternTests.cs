namespace Khanij.Ingest.Tests;

/// <summary>Issue 14, event dates and recall on unseen news: general patterns, each in English and Hindi, on short texts of our own.
/// Dates worked out by hand from a calendar: 3 March 2026 is a Tuesday, 6 March a Friday, 7 March a Saturday, 12 March a Thursday
/// (so the Monday before 12 March is the 9th, the Wednesday before it the 11th and the Wednesday after it the 18th).</summary>
public sealed class EventDatePatternTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private Task<IngestResult> Run(string text) =>
        fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);

    private static string Show(IngestResult r) =>
        string.Join("; ", r.Events.Select(e => $"{e.Instrument} {e.Status} {string.Join(",", e.Parties)} {e.Date}"));

    [Theory]
    [InlineData("Published: 3 March 2026\n\nIndia, Zambia to sign cobalt pact\n\nIndia and Zambia will sign a memorandum of understanding on "
        + "cobalt and copper exploration on March 10 in Lusaka, officials said on Tuesday.\n")]
    [InlineData("प्रकाशित: 3 मार्च 2026\n\nभारत और पेरू के बीच तांबे पर करार की तैयारी\n\nभारत और पेरू 10 मार्च को लीमा में तांबे और लिथियम "
        + "के अन्वेषण पर समझौता ज्ञापन पर हस्ताक्षर करेंगे।\n")]
    public async Task PlannedSigning_OnANamedDay_TakesThatDayNotPublication(string text)
    {
        // When: the headline names the signing without a day, the first body sentence names the day
        var r = await Run(text);
        // Then
        var e = r.Events.ShouldHaveSingleItem(Show(r));
        (e.Status, e.Date).ShouldBe(("planned", "2026-03-10"));
    }

    [Fact]
    public async Task PeriodWithoutADay_LongUrlGivesPublication_EventTakesIt()
    {
        // Given: the page address (135 characters, longer than a metadata line may be) is the only place the date is printed
        const string text = "https://news.example.org/world/business/commodities/india-australia-officials-met-in-canberra-to-discuss-lithium-processing-2026-03-03/\n\n"
            + "Markets | Commodities\n\nOfficials of India and Australia met in Canberra last week to discuss lithium processing.\n";
        // When
        var r = await Run(text);
        // Then: "last week" names no day; the gold convention dates the event by publication
        var e = r.Events.ShouldHaveSingleItem(Show(r));
        (e.Published, e.Date).ShouldBe(("2026-03-03", "2026-03-03"));
    }

    [Fact]
    public async Task PeriodWithoutADay_Hindi_TakesPublication()
    {
        // Given
        const string text = "प्रकाशित: 3 मार्च 2026\n\nभारत और ऑस्ट्रेलिया के अधिकारियों ने पिछले सप्ताह कैनबरा में बैठक कर लिथियम प्रसंस्करण पर चर्चा की।\n";
        // When
        var r = await Run(text);
        // Then
        r.Events.ShouldHaveSingleItem(Show(r)).Date.ShouldBe("2026-03-03");
    }

    [Fact]
    public async Task MouWelcomedInAJointStatement_TakesTheTalksDayNotTheVisitsFirstDay()
    {
        // Given: a visit of 4–6 March; the talks and the statement on 5 March; the MoU sentence gives no day of its own
        const string text = "Published: 6 March 2026\n\nIndia-Chile Joint Statement on the State Visit of the President of Chile\n\n"
            + "The President of Chile is on a State Visit to India from 4-6 March 2026.\n\n"
            + "The two leaders held talks in New Delhi on 5 March 2026 and agreed to deepen cooperation in lithium and copper.\n\n"
            + "The leaders welcomed the signing of a Memorandum of Understanding between the geological surveys of India and Chile on "
            + "exploration of critical minerals.\n";
        // When
        var r = await Run(text);
        // Then
        var mou = r.Events.Single(e => e.Instrument == "mou");
        mou.Date.ShouldBe("2026-03-05", Show(r));
        var statement = r.Events.Single(e => e.Instrument == "joint_statement");
        (statement.Status, statement.Date).ShouldBe(("announced", "2026-03-05"));
        r.Events.ShouldNotContain(e => e.Instrument == "meeting", Show(r));
    }

    [Theory]
    [InlineData("Published: 12 March 2026\n\nOfficials of India and Argentina met on Wednesday to discuss lithium supplies.\n", "2026-03-11")]
    [InlineData("Published: 12 March 2026\n\nIndia and Argentina will hold a meeting on lithium supplies on Wednesday.\n", "2026-03-18")]
    [InlineData("प्रकाशित: 12 मार्च 2026\n\nभारत और अर्जेंटीना के अधिकारियों के बीच बुधवार को लिथियम पर बैठक हुई।\n", "2026-03-11")]
    [InlineData("प्रकाशित: 12 मार्च 2026\n\nभारत और अर्जेंटीना के अधिकारी बुधवार को लिथियम पर बैठक करेंगे।\n", "2026-03-18")]
    public async Task Weekday_ResolvedAgainstPublication_ByTense(string text, string expected)
    {
        // When
        var r = await Run(text);
        // Then: past tense → the Wednesday before Thursday 12 March; future → the Wednesday after
        r.Events.ShouldHaveSingleItem(Show(r)).Date.ShouldBe(expected);
    }

    [Fact]
    public async Task Weekday_Hindi_MeetingSentenceWithoutMinerals_DatesTheMeeting_AndAPastReviewIsNoFollowUp()
    {
        // Given: the mineral and the partner are in the headline; the sentence reporting the meeting gives its day and says a review
        // was held (past), which is what the meeting did, not a task for later
        const string text = "प्रकाशित: 12 मार्च 2026\n\nचिली में तांबा परियोजना की प्रगति की समीक्षा\n\n"
            + "काबिल ने चिली में तांबे के दो ब्लॉकों में पिछले सप्ताह ड्रिलिंग शुरू की।\n\n"
            + "अधिकारी ने बताया कि बुधवार को खान मंत्रालय और चिली सरकार के अधिकारियों के बीच बैठक हुई, जिसमें परियोजना की प्रगति की समीक्षा की गई।\n";
        // When
        var r = await Run(text);
        // Then
        var meeting = r.Events.Single(e => e.Instrument == "meeting");
        meeting.Date.ShouldBe("2026-03-11", Show(r));
        meeting.FollowUps.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Published: 12 March 2026\n\nMinister meets Chilean, Peruvian counterparts on copper\n\n"
        + "India's mines minister held separate meetings with his Chilean and Peruvian counterparts in Santiago this week.\n\n"
        + "On Monday, he met Chile's mining minister and discussed copper and lithium supplies.\n\n"
        + "On Tuesday, the minister held a separate meeting with Peru's energy and mines minister on copper concentrate.\n\n"
        + "He also spoke at the conference's ministerial session on mineral supply chains.\n")]
    [InlineData("प्रकाशित: 12 मार्च 2026\n\nखान मंत्री ने चिली और पेरू के मंत्रियों से मुलाकात की\n\n"
        + "सोमवार को केंद्रीय खान मंत्री ने चिली के खनन मंत्री से मुलाकात की और तांबे की आपूर्ति पर चर्चा की। "
        + "मंगलवार को उन्होंने पेरू के खान मंत्री के साथ अलग बैठक की और तांबा सांद्र पर बात की।\n")]
    public async Task TwoBilateralMeetings_SummedUpInTheHeadline_StayTwo(string text)
    {
        // When
        var r = await Run(text);
        // Then: Monday 9 March with Chile, Tuesday 10 March with Peru, neither a ministerial
        var meetings = r.Events.Where(e => e.Instrument == "meeting").OrderBy(e => e.Date, StringComparer.Ordinal).ToList();
        meetings.Count.ShouldBe(2, Show(r));
        (meetings[0].Date, string.Join(",", meetings[0].Parties)).ShouldBe(("2026-03-09", "IND,CHL"));
        (meetings[1].Date, string.Join(",", meetings[1].Parties)).ShouldBe(("2026-03-10", "IND,PER"));
    }

    [Theory]
    [InlineData("Published: 6 March 2026\n\nAfter their summit meeting in New Delhi on Thursday, India and Japan issued a joint statement in which "
        + "they agreed to cooperate on rare earths and graphite.\n", "2026-03-05")]
    [InlineData("प्रकाशित: 7 मार्च 2026\n\nशुक्रवार को नई दिल्ली में हुई शिखर बैठक के बाद जारी संयुक्त बयान में भारत और जापान ने दुर्लभ मृदा "
        + "तत्वों और ग्रेफाइट में सहयोग बढ़ाने पर सहमति जताई।\n", "2026-03-06")]
    public async Task JointStatementIssuedAtASummit_IsTheJointStatement(string text, string expected)
    {
        // When
        var r = await Run(text);
        // Then: one event, the statement, announced on the summit's day
        var e = r.Events.ShouldHaveSingleItem(Show(r));
        (e.Instrument, e.Status, e.Date).ShouldBe(("joint_statement", "announced", expected));
    }
}
