namespace Khanij.Ingest.Tests;

/// <summary>Issue 14: several meetings in one document when their participants differ. Own short texts; dates worked out by hand
/// (12 March 2026 is a Thursday: Monday = 9 March, Wednesday = 11 March).</summary>
public sealed class MeetingSplitTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private Task<IngestResult> Run(string text) =>
        fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task TwoMeetingsWithDifferentPartners_TwoEvents()
    {
        // Given: one minister, two counterparts on two days
        const string text = "Published: 12 March 2026\n\nMines minister's week abroad\n\n"
            + "India's mines minister met Japan's trade minister in Tokyo on Monday and discussed rare earth supply chains.\n\n"
            + "On Wednesday, the minister held a meeting with Australia's resources minister in Canberra on lithium and cobalt supply.\n";
        // When
        var r = await Run(text);
        // Then
        var meetings = r.Events.Where(e => e.Instrument == "meeting").OrderBy(e => e.Date, StringComparer.Ordinal).ToList();
        meetings.Count.ShouldBe(2, string.Join("; ", r.Events.Select(e => $"{e.Instrument} {string.Join(",", e.Parties)} {e.Date}")));
        meetings[0].Parties.ShouldBe(["IND", "JPN"]);
        meetings[0].Date.ShouldBe("2026-03-09");
        meetings[0].Minerals.ShouldBe(["rare_earths"]);
        meetings[1].Parties.ShouldBe(["IND", "AUS"]);
        meetings[1].Date.ShouldBe("2026-03-11");
        meetings[1].Minerals.ShouldBe(["lithium", "cobalt"], ignoreOrder: true);
    }

    [Fact]
    public async Task TwoMeetings_Hindi_MineralsInTheFollowingSentenceStayWithTheirMeeting()
    {
        // Given
        const string text = "प्रकाशित: 12 मार्च 2026\n\nकेंद्रीय खान मंत्री ने सोमवार को टोक्यो में जापान के उद्योग मंत्री से मुलाकात की और दुर्लभ पृथ्वी "
            + "तत्वों की आपूर्ति पर चर्चा की। बुधवार को उन्होंने कैनबरा में ऑस्ट्रेलिया के संसाधन मंत्री के साथ बैठक की। बैठक में लिथियम और कोबाल्ट पर बातचीत हुई।\n";
        // When
        var r = await Run(text);
        // Then
        var meetings = r.Events.Where(e => e.Instrument == "meeting").OrderBy(e => e.Date, StringComparer.Ordinal).ToList();
        meetings.Count.ShouldBe(2, string.Join("; ", r.Events.Select(e => $"{e.Instrument} {string.Join(",", e.Parties)} {e.Date}")));
        meetings[0].Parties.ShouldBe(["IND", "JPN"]);
        meetings[0].Date.ShouldBe("2026-03-09");
        meetings[0].Minerals.ShouldBe(["rare_earths"]);
        meetings[1].Parties.ShouldBe(["IND", "AUS"]);
        meetings[1].Date.ShouldBe("2026-03-11");
        meetings[1].Minerals.ShouldBe(["lithium", "cobalt"], ignoreOrder: true);
    }

    [Fact]
    public async Task OneMeeting_ACountryNamedInPassing_StaysOneEvent()
    {
        // Given: the same two sides throughout; a third country only in a sentence without a meeting word
        const string text = "Published: 12 March 2026\n\nIndia and Chile officials met in Santiago on Monday to discuss copper and lithium.\n\n"
            + "Chile is the world's largest copper producer, ahead of Peru.\n\nAt the meeting, India and Chile also discussed lithium refining.\n";
        // When
        var r = await Run(text);
        // Then
        var meeting = r.Events.ShouldHaveSingleItem();
        meeting.Parties.ShouldBe(["IND", "CHL"]);
        meeting.Date.ShouldBe("2026-03-09");
    }

    [Theory]
    [InlineData("Published: 12 March 2026\n\nKABIL buys into Argentine lithium\n\nKABIL has acquired a 15 per cent stake in a lithium "
        + "project in Argentina, the company said on Monday. The acquisition was completed after talks with Argentina's provincial mining company.\n")]
    [InlineData("प्रकाशित: 12 मार्च 2026\n\nकाबिल ने अर्जेंटीना की एक लिथियम परियोजना में 15 प्रतिशत हिस्सेदारी का अधिग्रहण किया है। "
        + "अर्जेंटीना की प्रांतीय खनन कंपनी के साथ बातचीत के बाद यह अधिग्रहण पूरा हुआ।\n")]
    public async Task TalksThatLedToAnAcquisition_NoMeetingOfTheirOwn(string text)
    {
        // When
        var r = await Run(text);
        // Then: the acquisition is the event; the talks are its background
        r.Events.ShouldNotBeEmpty();
        r.Events.ShouldAllBe(e => e.Instrument != "meeting");
    }

    [Fact]
    public async Task AgreementReportedInAJointStatement_IsTheAgreement()
    {
        // Given: 20 Nov 2025; the agreement was signed on 13 November, the statement only reports it
        const string text = "Published: 20 Nov 2025\n\nIndia and Argentina signed a lithium exploration agreement on 13 November in "
            + "Buenos Aires, the two governments said in a joint statement on Wednesday.\n";
        // When
        var r = await Run(text);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Instrument.ShouldBe("agreement");
        e.Date.ShouldBe("2025-11-13");
    }

    [Fact]
    public async Task WorkingGroupThatWillMeet_IsASession()
    {
        // Given: 5 Dec 2025; the group exists and meets, it is not being set up
        const string text = "Published: 5 December 2025\n\nThe India-Peru joint working group on mining will meet in Lima from "
            + "December 15 to 17 to discuss copper and lithium.\n";
        // When
        var r = await Run(text);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        (e.Instrument, e.Status, e.Date).ShouldBe(("working_group_session", "planned", "2025-12-15"));
    }
}
