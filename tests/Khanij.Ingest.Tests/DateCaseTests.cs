using System.Globalization;
using Khanij.Ingest.Dates;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

/// <summary>Issue 14: the date development set (<c>samples/articles/dates/</c>), own short articles with one journalistic date
/// pattern each; the expected publication and event dates are in <c>expected.tsv</c>, worked out by hand with a calendar.</summary>
public sealed class DateCaseTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static string Dir => Path.Combine(RepoPaths.Root, "samples", "articles", "dates");

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Dir, "expected.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DateCase_PublicationAndEventDate(string file, string published, string instrument, string date)
    {
        // When
        var r = await fixture.Pipeline.ExtractFileAsync(Path.Combine(Dir, file), TestContext.Current.CancellationToken);
        // Then
        r.Document.Published.ShouldBe(published);
        var events = r.Events.Where(e => instrument == "*" || e.Instrument == instrument).ToList();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.Date == date);
    }

    [Fact]
    public void Find_DateAfterAReportingVerb_IsMarked()
    {
        // Given: the report's day and the event's day in one sentence
        var mentions = DateParser.Find("Officials said on Thursday that the two countries had signed it on 4 March in Lima.");
        // Then
        mentions.Count.ShouldBe(2);
        mentions[0].Reporting.ShouldBeTrue();
        mentions[1].Reporting.ShouldBeFalse();
        mentions[1].Resolve(new DateOnly(2026, 3, 27)).ShouldBe(new DateOnly(2026, 3, 4));
    }
}
