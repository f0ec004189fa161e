using System.Text;
using CsCheck;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

public sealed class PipelineTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static string Sample(string name) => Path.Combine(RepoPaths.Root, "samples", "articles", name);

    [Fact]
    public async Task ExtractAsync_HindiMouOfStateCompany_FindsPartiesMineralsAndRelativeDate()
    {
        // Given
        var text = await File.ReadAllTextAsync(Sample("hi_kabil_australia_mou.txt"), TestContext.Current.CancellationToken);
        // When
        var r = await fixture.Pipeline.ExtractAsync("a.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Document.Language.ShouldBe("hi");
        r.Document.Published.ShouldBe("2026-03-12"); // not the 13 March "अपडेट" stamp
        var e = r.Events.ShouldHaveSingleItem();
        e.Instrument.ShouldBe("mou");
        e.Status.ShouldBe("signed");
        e.Parties.ShouldBe(["IND", "AUS"]);
        e.Minerals.ShouldBe(["lithium", "cobalt"], ignoreOrder: true);
        e.Date.ShouldBe("2026-03-11"); // बुधवार को, before Thursday 12 March
        e.Organisations.ShouldContain("KABIL");
        e.VenueCity.ShouldBeNull(); // "नई दिल्ली।" is a dateline
        e.Evidence.ShouldAllBe(ev => text.Contains(ev, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merge_SameEventInHindiAndEnglish_OneEventWithBothSources()
    {
        // Given
        var hi = await fixture.Pipeline.ExtractFileAsync(Sample("hi_kabil_australia_mou.txt"), TestContext.Current.CancellationToken);
        var en = await fixture.Pipeline.ExtractFileAsync(Sample("en_kabil_australia_mou.txt"), TestContext.Current.CancellationToken);
        // When
        var merged = IngestPipeline.Merge([hi, en]);
        // Then
        var e = merged.ShouldHaveSingleItem();
        e.Sources.Select(s => s.Language).ShouldBe(["hi", "en"]);
        e.Sources.Select(s => s.Doc).ShouldBe(["hi_kabil_australia_mou.txt", "en_kabil_australia_mou.txt"]);
        e.Sources.ShouldAllBe(s => s.Evidence.Count > 0);
    }

    [Fact]
    public async Task ExtractFileAsync_HtmlPressRelease_UsesMetaDateAndIgnoresNavigation()
    {
        // When
        var r = await fixture.Pipeline.ExtractFileAsync(Sample("en_india_chile_jwg.html"), TestContext.Current.CancellationToken);
        // Then
        r.Document.IsHtml.ShouldBeTrue();
        r.Document.Published.ShouldBe("2026-04-22");
        r.Document.Text.ShouldNotContain("dataLayer");
        var jwg = r.Events.Single(e => e.Instrument == "working_group_session");
        jwg.Parties.ShouldBe(["IND", "CHL"]); // China, Argentina and Bolivia are only listed
        (jwg.VenueCity, jwg.VenueCountry).ShouldBe(("Santiago", "CHL"));
        jwg.Date.ShouldBe("2026-04-21");
        r.Events.ShouldNotContain(e => e.Parties.Contains("JPN")); // the aside's unrelated headline
    }

    [Fact]
    public async Task ExtractAsync_NoMineralContent_NoEvent()
    {
        // Given
        const string text = "India and Japan signed an agreement on defence cooperation in Tokyo on Monday.\nBoth countries will hold talks on cyber security next year.";
        // When
        var r = await fixture.Pipeline.ExtractAsync("d.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExtractAsync_ExportCurbsWithoutCooperation_NoEvent()
    {
        // Given: minerals and countries, but no cooperation between them
        const string text = "China tightens gallium and germanium export rules\n\nPublished: 3 July 2025\n\n"
            + "China on Monday said exporters of gallium and germanium will need licences from August. Indian chip makers said the move could "
            + "raise costs, and the Ministry of Mines is reviewing domestic supply.";
        // When
        var r = await fixture.Pipeline.ExtractAsync("curbs.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldBeEmpty();
        r.Document.Published.ShouldBe("2025-07-03");
    }

    [Fact]
    public async Task ExtractFileAsync_FrameworkMinisterial_AttendingCountriesAndFrameworkAreParties()
    {
        // When
        var r = await fixture.Pipeline.ExtractFileAsync(Sample("en_quad_ministerial.txt"), TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Instrument.ShouldBe("ministerial");
        e.Parties.ShouldBe(["IND", "AUS", "JPN", "USA", "QUAD"]);
        e.Date.ShouldBe("2025-11-06"); // "on Thursday", published Friday 7 November; the Updated stamp is ignored
        e.VenueCity.ShouldBeNull(); // "WASHINGTON:" is a dateline
        e.Officials.ShouldContain(new Khanij.Core.Events.Official("Marco Rubio", "Secretary of State", "USA"));
    }

    [Fact]
    public async Task ExtractAsync_Empty_NoEventsAndAWarning()
    {
        // When
        var r = await fixture.Pipeline.ExtractAsync("empty.txt", "", cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldBeEmpty();
        r.Warnings.ShouldContain(w => w.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_BinaryBytes_ClearMessage()
    {
        // Given
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 };
        // When
        var e = Should.Throw<IngestException>(() => fixture.Pipeline.Extract("img.png", bytes));
        // Then
        e.Message.ShouldContain("img.png");
        e.Message.ShouldContain("expected UTF-8 text or HTML");
    }

    [Fact]
    public void Extract_InvalidUtf8_MessageWithLineAndColumn()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("first line\nsecond \u00e9").Concat(new byte[] { 0xFF, 0x41 }).ToArray();
        // When
        var e = Should.Throw<IngestException>(() => fixture.Pipeline.Extract("latin1.txt", bytes));
        // Then
        e.Message.ShouldStartWith("latin1.txt:2:");
        e.Message.ShouldContain("0xFF");
    }

    [Fact]
    public async Task ExtractAsync_TenMegabytes_Completes()
    {
        // Given: ~10 MB of article-like text in both scripts, with and without sentence ends
        var unit = "भारत और ऑस्ट्रेलिया ने लिथियम पर समझौता ज्ञापन पर हस्ताक्षर किए। India and Chile discussed copper on Monday.\n"
            + string.Concat(Enumerable.Repeat("टिकर शीर्षक बिना विराम ", 20)) + "\n";
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 10_000_000 / 2; i++)
        {
            sb.Append(i).Append(' ').Append(unit); // distinct lines: repeated lines are boilerplate
        }
        // When
        var r = await fixture.Pipeline.ExtractAsync("big.txt", sb.ToString(), cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Document.Sentences.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Extract_RandomUnicodeAndMarkup_NeverThrowsUnexpectedly()
    {
        // Given: random strings over Devanagari, Latin, digits, punctuation, markup and odd code points
        var chars = Gen.OneOf(Gen.Char['\u0900', '\u097F'], Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char['0', '9'],
            Gen.OneOfConst(' ', '\n', '।', '.', '<', '>', '/', '&', ';', '"', '\u00A0', '\u200D', '\uFEFF', '₹', '$', ':', '-', '*', '\uD800'),
            Gen.Char);
        var words = Gen.OneOfConst("<div>", "</p>", "<script>", "भारत", "जापान", "समझौता ज्ञापन", "लिथियम", "Published: 12 March 2026",
            "मंगलवार को", "6 लाख करोड़ रुपये", "MoU", "Advertisement", "यह भी पढ़ें", "Tags", "&amp;", "<!--", "दोनों देश");
        var gen = Gen.OneOf(chars.Array[0, 400].Select(a => new string(a)), words.Array[0, 60].Select(a => string.Join(' ', a)));
        // When / Then
        gen.Sample(text =>
        {
            try
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                var r = fixture.Pipeline.Extract("random.txt", bytes);
                return r.Events.All(e => e.Evidence.All(ev => r.Document.Text.Contains(ev, StringComparison.Ordinal)));
            }
            catch (IngestException)
            {
                return true; // a clear refusal is an allowed outcome
            }
        }, iter: 300);
    }
}
