using Khanij.Ingest.Dates;

namespace Khanij.Ingest.Tests;

/// <summary>Issue 14, dates as journalists write them. Each rule has its own short text; expected dates are worked out by hand
/// in the comments (weekdays from a calendar).</summary>
public sealed class DateRuleTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private Task<IngestResult> Run(string text) =>
        fixture.Pipeline.ExtractAsync("t.txt", text, cancellationToken: TestContext.Current.CancellationToken);

    [Theory]
    // byline with a clock time and a reporter
    [InlineData("Oct 7, 2026 09:05 am IST | Special Correspondent\n\nZambia copper talks\n\nZambia and India discussed copper supplies at a meeting in Lusaka.\n", "2026-10-07")]
    // WordPress author byline, Hindi month first
    [InlineData("Site Admin | अक्टूबर 7, 2026\n\nज़ाम्बिया से तांबा\n\nभारत और ज़ाम्बिया ने तांबे पर बैठक की।\n", "2026-10-07")]
    // "Last Updated :" is the only date printed
    [InlineData("Last Updated : Oct 07, 2026 | 11:10 AM IST\n\nCopper talks\n\nZambia and India discussed copper supplies at a meeting in Lusaka.\n", "2026-10-07")]
    // a labelled date wins over an update stamp
    [InlineData("Updated: 9 Oct 2026\nPublished: 7 Oct 2026\n\nCopper talks\n\nZambia and India discussed copper supplies at a meeting in Lusaka.\n", "2026-10-07")]
    public async Task Published_BylinesAndMetadataLines(string text, string expected)
    {
        // When
        var r = await Run(text);
        // Then
        r.Document.Published.ShouldBe(expected);
    }

    [Fact]
    public async Task Published_PageHeaderDate_IsNotThePublicationDate()
    {
        // Given: the header prints the day the page was viewed; the byline the day the story was written
        const string text = "Friday, December 4, 2026 | e-Paper | Sign in\nOct 7, 2026 09:05 am IST | Staff\n\nCopper talks\n\n"
            + "Zambia and India discussed copper supplies at a meeting in Lusaka on Monday.\n";
        // When
        var r = await Run(text);
        // Then: 7 Oct 2026 is a Wednesday, so "on Monday" is 5 Oct
        r.Document.Published.ShouldBe("2026-10-07");
        r.Events.ShouldHaveSingleItem().Date.ShouldBe("2026-10-05");
    }

    [Theory]
    [InlineData("https://news-example.org/world/2026/10/07/zambia-india-copper", "2026-10-07")]
    [InlineData("https://hindi-example.org/business/zambia-india-copper-talks-20261007", "2026-10-07")]
    [InlineData("www.example.org/2026-10-07/zambia-india", "2026-10-07")]
    public async Task Published_DateInTheUrl(string url, string expected)
    {
        // When
        var r = await Run(url + "\n\nCopper talks\n\nZambia and India discussed copper supplies at a meeting in Lusaka.\n");
        // Then
        r.Document.Published.ShouldBe(expected);
        r.Events.ShouldHaveSingleItem().Evidence.ShouldAllBe(e => !e.Contains("http", StringComparison.Ordinal));
    }

    [Fact]
    public void FromUrl_HostDigitsAndImpossibleDates_Ignored()
    {
        // Then: only the path counts, and 2026/13/40 is no date
        DateParser.FromUrl("https://2026-10-07.example.org/story").ShouldBeNull();
        DateParser.FromUrl("https://example.org/2026/13/40/story").ShouldBeNull();
        DateParser.FromUrl("https://example.org/2026/10/07").ShouldBe(new DateOnly(2026, 10, 7));
    }

    [Theory]
    // English wire dateline without a year; the year comes from the update stamp (printed later than the story)
    [InlineData("Updated: Jan 3, 2027\n\nCopper talks\n\nLusaka, Dec 29 (PTI) Zambia and India discussed copper supplies at a meeting on Monday.\n", "2026-12-29", "2026-12-28")]
    // Hindi dateline glued to the month, no year; the page header gives the year
    [InlineData("मंगलवार, 20 अक्टूबर 2026\n\nतांबे पर बात\n\nलुसाका, 7अक्टूबर। भारत और ज़ाम्बिया के अधिकारियों ने तांबे पर बैठक की।\n", "2026-10-07", "2026-10-07")]
    public async Task Published_DatelineWithoutYear_TakesTheYearFromThePage(string text, string published, string eventDate)
    {
        // When
        var r = await Run(text);
        // Then
        r.Document.Published.ShouldBe(published);
        r.Events.ShouldHaveSingleItem().Date.ShouldBe(eventDate);
    }

    [Theory]
    [InlineData("भारत और ज़ाम्बिया के खनन पर कार्य समूह की बैठक 3 से 6 अक्टूबर, 2026 तक लुसाका में हुई और तांबे पर चर्चा हुई।", "2026-10-03")]
    [InlineData("The India-Zambia working group on copper met in Lusaka from 3 to 6 October 2026.", "2026-10-03")]
    [InlineData("The India-Zambia working group on copper met in Lusaka on October 3-6, 2026.", "2026-10-03")]
    public async Task EventDate_Range_IsItsStart(string sentence, string expected)
    {
        // When
        var r = await Run("Published: 8 Oct 2026\n\nCopper\n\n" + sentence + "\n");
        // Then
        r.Events.ShouldHaveSingleItem().Date.ShouldBe(expected);
    }

    [Fact]
    public void Find_RangeWithoutMonthOrBackwards_IsNotARange()
    {
        // Then
        DateParser.Find("output rose from 10 to 20 percent").ShouldBeEmpty();
        var m = DateParser.Find("from 20 to 3 October 2026"); // not a range of days: only "3 October 2026"
        m.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2026, 10, 3));
    }

    [Theory]
    // published Wednesday 7 Oct 2026: कल with a past verb is the 6th, with a future verb the 8th
    [InlineData("भारत और ज़ाम्बिया के अधिकारियों ने कल लुसाका में तांबे पर बैठक की।", "2026-10-06")]
    [InlineData("भारत और ज़ाम्बिया के अधिकारी कल लुसाका में तांबे पर बैठक करेंगे।", "2026-10-08")]
    public async Task EventDate_Kal_FollowsTheTense(string sentence, string expected)
    {
        // When
        var r = await Run("प्रकाशित: 7 अक्टूबर 2026\n\nतांबा\n\n" + sentence + "\n");
        // Then
        r.Events.ShouldHaveSingleItem().Date.ShouldBe(expected);
    }

    [Fact]
    public void Find_KalInsideOtherWords_NotADate()
    {
        // Then: कला (art), आजकल (nowadays) and कलकत्ता are not "कल"
        DateParser.Find("कला और आजकल कलकत्ता").ShouldBeEmpty();
    }

    [Theory]
    // published Wednesday 7 Oct 2026
    [InlineData("Zambia and India discussed copper supplies at a meeting in Lusaka on Monday.", "2026-10-05", "held")]
    [InlineData("Zambia and India will hold a meeting on copper supplies in Lusaka on Monday.", "2026-10-12", "planned")]
    [InlineData("भारत और ज़ाम्बिया के अधिकारी सोमवार को लुसाका में तांबे पर बैठक करेंगे।", "2026-10-12", "planned")]
    public async Task EventDate_Weekday_RelativeToPublicationAndTense(string sentence, string expected, string status)
    {
        // When
        var r = await Run("Published: 7 Oct 2026\n\nCopper\n\n" + sentence + "\n");
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Date.ShouldBe(expected);
        e.Status.ShouldBe(status);
    }

    [Fact]
    public async Task EventDate_ComesFromTheSentenceThatStatesTheEvent()
    {
        // Given: a background date in the first sentence, the meeting's own day in the next one
        const string text = "Published: 8 Oct 2026\n\nCopper\n\nZambia became India's largest copper supplier on 2 March 2025. "
            + "Zambia and India discussed copper supplies at a meeting in Lusaka on 6 October 2026.\n";
        // When
        var r = await Run(text);
        // Then
        r.Events.ShouldHaveSingleItem().Date.ShouldBe("2026-10-06");
    }
}
