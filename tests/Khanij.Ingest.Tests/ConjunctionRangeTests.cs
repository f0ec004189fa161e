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
