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
    public async Task ExtractAsync_WorkingGroupOnlySetUp_IsAMeetingNotASession()
    {
        // Given
        const string text = "भारत और चिली ने सोमवार को हुई बैठक में लिथियम और तांबे पर सहयोग बढ़ाने पर सहमति जताई।\n\n"
            + "दोनों देशों ने एक संयुक्त कार्य समूह बनाने का भी फैसला किया है जो हर साल बैठक करेगा।";
        // When
        var r = await fixture.Pipeline.ExtractAsync("wg.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldHaveSingleItem().Instrument.ShouldBe("meeting");
    }

    [Fact]
    public async Task ExtractAsync_InstrumentNamedAgainWithoutParties_JoinsTheEarlierInstrument()
    {
        // Given
        const string text = "India and Peru signed an MoU on geology and mineral resources.\n"
            + "The MoU was signed on 4 March 2025 in Lima.\nThe MoU covers joint exploration of copper and zinc.";
        // When
        var r = await fixture.Pipeline.ExtractAsync("peru.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        (e.Instrument, e.Date, e.VenueCity).ShouldBe(("mou", "2025-03-04", "Lima"));
        e.Minerals.ShouldBe(["copper", "zinc"], ignoreOrder: true);
        e.Evidence.Count.ShouldBe(3);
    }

    [Fact]
    public async Task ExtractAsync_MineralsInOneMeetingSentencePartiesInAnother_OneMeeting()
    {
        // Given
        const string text = "प्रकाशित: 10 जून 2025\n\nकेंद्रीय खान मंत्री ने बुधवार को जापान के उद्योग मंत्री से मुलाकात की। "
            + "बैठक में दुर्लभ पृथ्वी तत्वों और ग्रेफाइट की आपूर्ति पर चर्चा हुई।";
        // When
        var r = await fixture.Pipeline.ExtractAsync("jp.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then: 10 June 2025 is a Tuesday, so "बुधवार को" in the sentence reporting the meeting is Wednesday 4 June
        var e = r.Events.ShouldHaveSingleItem();
        (e.Instrument, e.Date).ShouldBe(("meeting", "2025-06-04"));
        e.Parties.ShouldBe(["IND", "JPN"]);
        e.Minerals.ShouldBe(["rare_earths", "graphite"], ignoreOrder: true);
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

    [Theory]
    [InlineData("क", 1)]
    [InlineData("<", 1)]
    [InlineData("(", 1)]
    [InlineData(". ", 2)]
    [InlineData("भारत और जापान ने लिथियम पर समझौता ज्ञापन पर हस्ताक्षर किए। ", 60)]
    public async Task ExtractAsync_PathologicalRepetition_CompletesWithBoundedEvidence(string unit, int repeatsPerKb)
    {
        // Given: about 4 MB of one unit repeated, without line breaks
        var text = string.Concat(Enumerable.Repeat(unit, 4_000 * repeatsPerKb / Math.Max(1, unit.Length / 16 + 1)));
        // When
        var r = await fixture.Pipeline.ExtractAsync("p.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        r.Events.ShouldAllBe(e => e.Evidence.Count <= 12);
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

    private static readonly Gen<string> ArticleLike = Gen.OneOfConst(
            "भारत और जापान ने", "लिथियम", "दुर्लभ पृथ्वी तत्वों", "पर समझौता ज्ञापन पर हस्ताक्षर किए।", "बैठक में", "दोनों देशों ने", "मंगलवार को",
            "India and Chile", "signed an MoU on copper.", "held talks on Monday in Santiago.", "Published: 3 March 2026", "Updated: 4 March 2026",
            "\n", "\n\n", "Advertisement", "यह भी पढ़ें", "Tags", "KABIL", "एनएमडीसी", "₹2,050 करोड़", "$1.5 billion", "outside China",
            "<p>", "</p>", "<div>", "&amp;", "नई दिल्ली।", "NEW DELHI:")
        .Array[0, 80].Select(parts => string.Join(' ', parts));

    [Fact]
    public void Extract_ArticleLikeText_DeterministicAndEvidenceVerbatim() =>
        ArticleLike.Sample(text =>
        {
            // When: the same input twice
            var bytes = Encoding.UTF8.GetBytes(text);
            var a = fixture.Pipeline.Extract("a.txt", bytes, false);
            var b = fixture.Pipeline.Extract("a.txt", bytes, false);
            // Then: identical events, every evidence string a verbatim slice of the input
            return a.Events.Count == b.Events.Count
                && a.Events.Zip(b.Events).All(p => p.First.Instrument == p.Second.Instrument && p.First.Parties.SequenceEqual(p.Second.Parties)
                    && p.First.Evidence.SequenceEqual(p.Second.Evidence) && p.First.Date == p.Second.Date)
                && a.Events.All(e => e.Evidence.All(ev => text.Contains(ev, StringComparison.Ordinal)) && e.Parties.Count >= 2);
        }, iter: 200);

    [Fact]
    public void Merge_AnyOrderOfDocuments_SameNumberOfEvents() =>
        Gen.Int[0, 5].Array[3].Sample(order =>
        {
            // Given: the two reports of one MoU plus an unrelated document, in a random order
            var files = new[] { "hi_kabil_australia_mou.txt", "en_kabil_australia_mou.txt", "en_us_japan_agreement.txt" };
            var results = files.Select(f => fixture.Pipeline.Extract(f, File.ReadAllBytes(Sample(f)))).ToList();
            var shuffled = results.OrderBy(r => order[Array.IndexOf(files, r.Document.Name)]).ThenBy(r => r.Document.Name).ToList();
            // When
            var merged = IngestPipeline.Merge(shuffled);
            // Then
            return merged.Count == 2 && merged.Count(e => e.Sources.Count == 2) == 1;
        }, iter: 20);

    [Fact]
    public async Task ExtractAsync_HindiArticleAboutOtherCountries_DoesNotAddIndia()
    {
        // Given: a Hindi report of a deal between two other countries, India not named
        const string text = "अमेरिका और यूक्रेन के बीच दुर्लभ खनिजों पर समझौता\n\nप्रकाशित: 1 मई 2025\n\n"
            + "अमेरिका और यूक्रेन ने बुधवार को दुर्लभ पृथ्वी तत्वों और लिथियम के खनन पर एक समझौते पर हस्ताक्षर किए।\n\n"
            + "ऑस्ट्रेलिया ने भी लिथियम परियोजनाओं में निवेश के लिए 2 अरब डॉलर की घोषणा की।";
        // When
        var r = await fixture.Pipeline.ExtractAsync("ukr.txt", text, cancellationToken: TestContext.Current.CancellationToken);
        // Then
        var e = r.Events.ShouldHaveSingleItem();
        e.Parties.ShouldBe(["UKR", "USA"]);
        e.Date.ShouldBe("2025-04-30");
    }
}
