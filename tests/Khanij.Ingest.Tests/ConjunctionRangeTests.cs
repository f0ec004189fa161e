namespace Khanij.Ingest.Tests;

/// <summary>Issue 14, fourth session: two days joined by a conjunction are a range, and the event takes its start. Texts are our
/// own; expected dates are worked out by hand (7 Oct 2026 is a Wednesday, so the Monday before is 5 Oct).</summary>
public sealed class ConjunctionRangeTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private Task<IngestResult> Run(string text) =>
        fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("Zambia and India discussed copper supplies at a meeting in Lusaka on 5 and 6 October.")]
    [InlineData("Zambia and India discussed copper supplies at a meeting in Lusaka on October 5 and 6.")]
    [InlineData("भारत और ज़ाम्बिया ने 5 और 6 अक्टूबर को लुसाका में तांबे पर बैठक की।")]
    [InlineData("Zambia and India discussed copper supplies at a meeting in Lusaka on Monday and Tuesday.")]
    [InlineData("भारत और ज़ाम्बिया ने सोमवार और मंगलवार को लुसाका में तांबे पर बैठक की।")]
    public async Task TwoDaysJoinedByAConjunction_TakeTheFirst(string body)
    {
        // Given: a byline dating the story Wednesday 7 October 2026
        var text = "Oct 7, 2026 09:05 am IST | Staff\n\nCopper talks\n\n" + body + "\n";
        // When
        var r = await Run(text);
        // Then: the range starts on Monday 5 October
        r.Events.ShouldHaveSingleItem().Date.ShouldBe("2026-10-05");
    }
}

/// <summary>Issue 14, fourth session: a declaration of intent is a signed instrument, and a signing stated with a weekday takes
/// that weekday before the publication date (8 Oct 2026 is a Thursday, so "Wednesday" is 7 Oct, worked out by hand).</summary>
public sealed class DeclarationOfIntentTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    [Theory]
    [InlineData("India and Germany signed a joint declaration of intent on recycling lithium from old batteries in Berlin on Wednesday.")]
    [InlineData("भारत और जर्मनी ने पुरानी बैटरियों से लिथियम के पुनर्चक्रण पर बुधवार को बर्लिन में आशय की संयुक्त घोषणा पर हस्ताक्षर किए।")]
    public async Task DeclarationOfIntent_SignedOnAWeekday_IsAnInstrumentOfThatDay(string body)
    {
        // Given: a byline dating the story Thursday 8 October 2026
        var text = "Oct 8, 2026 10:15 am IST | Staff\n\nRecycling pact\n\n" + body + "\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Instrument.ShouldBe("mou");
        e.Date.ShouldBe("2026-10-07");
    }
}

/// <summary>Issue 14, fourth session: "projects" in the plural is a topic, not a project; a meeting story yields only its meeting.</summary>
public sealed class PluralProjectsTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    [Theory]
    [InlineData("Zambia and India discussed copper supplies at a meeting in Lusaka on Monday.\n\nThe two sides also reviewed progress on copper mining projects.")]
    [InlineData("भारत और ज़ाम्बिया ने सोमवार को लुसाका में तांबे पर बैठक की।\n\nदोनों पक्षों ने तांबा खनन परियोजनाओं की प्रगति पर भी चर्चा की।")]
    public async Task PluralProjectsBesideAMeeting_AreNoProject(string body)
    {
        // Given: a byline dating the story Wednesday 7 October 2026
        var text = "Oct 7, 2026 09:05 am IST | Staff\n\nCopper talks\n\n" + body + "\n";
        // When
        var r = await fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then: one meeting, on Monday 5 October; no project
        r.Events.ShouldNotContain(e => e.Instrument == "project");
        r.Events.ShouldHaveSingleItem().Date.ShouldBe("2026-10-05");
    }
}
