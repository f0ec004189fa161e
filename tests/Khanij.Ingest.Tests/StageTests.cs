using Khanij.Ingest.Amounts;
using Khanij.Ingest.Dates;
using Khanij.Ingest.Html;
using Khanij.Ingest.Recognition;
using Khanij.Ingest.Text;

namespace Khanij.Ingest.Tests;

public sealed class StageTests
{
    [Fact]
    public void SourceText_NbspZeroWidthAndCrLf_NormalisedButVerbatimKept()
    {
        // Given
        var original = "\uFEFFभारत\u00A0और\u200Bजापान।\r\nदूसरा";
        // When
        var source = SourceText.From(original);
        // Then
        source.Text.ShouldBe("भारत औरजापान।\nदूसरा");
        source.Verbatim(0, source.Text.IndexOf('।', StringComparison.Ordinal) + 1).ShouldBe("भारत\u00A0और\u200Bजापान।");
    }

    [Fact]
    public void Boilerplate_TickerAdsReadAlsoAndFooter_MarkedWhileBodyKept()
    {
        // Given
        var ticker = string.Concat(Enumerable.Repeat("शेयर बाजार में तेजी सोने के दाम में गिरावट ", 6));
        var text = ticker + "\n\nलिथियम पर समझौता\n\nविज्ञापन\n\nनई दिल्ली। भारत और चिली ने लिथियम की खोज के लिए समझौता किया। दोनों देश मिलकर काम करेंगे और परियोजनाओं की पहचान करेंगे।\n\n"
            + "यह भी पढ़ें\nपेट्रोल के नए दाम जारी\n\nदूसरा अनुच्छेद भी लेख का हिस्सा है और इसमें पूरी जानकारी दी गई है।\n\nTags\nलिथियम\nचिली";
        // When
        var lines = Boilerplate.Classify(text, text);
        string Kind(string start) => lines.Single(l => text[l.Start..l.End].StartsWith(start, StringComparison.Ordinal)).Reason;
        // Then
        Kind("शेयर बाजार").ShouldBe("ticker");
        Kind("लिथियम पर").ShouldBe("heading");
        Kind("विज्ञापन").ShouldBe("marker");
        Kind("नई दिल्ली").ShouldBe("body");
        Kind("यह भी").ShouldBe("marker");
        Kind("पेट्रोल").ShouldBe("linked headline");
        Kind("दूसरा").ShouldBe("body");
        Kind("Tags").ShouldBe("footer");
        Kind("चिली").ShouldBe("footer");
    }

    [Theory]
    [InlineData("Home | World | India | Business | Markets", "navigation")]
    [InlineData("होम  देश  विदेश  व्यापार  खेल", "navigation")]
    [InlineData("Also Read: India and Japan sign pact on rare earths", "linked headline")]
    [InlineData("यह भी पढ़ें: भारत-जापान के बीच खनिज समझौता", "linked headline")]
    [InlineData("India and Japan sign pact on rare earths", "heading")]
    public void Boilerplate_MenusAndInlineLinks_AreBoilerplate(string line, string reason)
    {
        // Given
        var text = "First line of the article that is long enough to be a paragraph of body text, ending properly.\n" + line;
        // When
        var lines = Boilerplate.Classify(text, text);
        // Then
        lines[^1].Reason.ShouldBe(reason);
    }

    [Fact]
    public void Boilerplate_UpdatedAndPublishedLines_AreMetadata()
    {
        // Given
        var text = "Headline here\nFirst Published - January 14, 2026 | 7:26 AM IST\nLast Updated- January 15, 2026\nप्रविष्टि तिथि:\n29 JAN 2026 4:30PM by PIB Delhi\n"
            + "By Our Bureau | Updated on December 2, 2025\n"
            + "India and Japan signed an agreement on rare earths in Tokyo last week after long talks.";
        // When
        var lines = Boilerplate.Classify(text, text);
        // Then
        lines.Count(l => l.Kind == LineKind.Metadata).ShouldBe(5);
        lines.Last().Kind.ShouldBe(LineKind.Body);
    }

    [Fact]
    public void SentenceSplitter_DandaFullStopAndAbbreviations_SplitCorrectly()
    {
        // Given
        var text = "एच.डी. कुमारस्वामी ने बैठक की। Dr. Rao met U.S. officials. दोनों देशों ने प्रोटोकॉल पर हस्ताक्षर किए. अंत?";
        var source = SourceText.From(text);
        var lines = new List<DocLine> { new(0, text.Length, 0, LineKind.Body, "body") };
        // When
        var sentences = SentenceSplitter.Split(source.Text, source, lines).Select(s => s.Verbatim).ToList();
        // Then
        sentences.ShouldBe(["एच.डी. कुमारस्वामी ने बैठक की।", "Dr. Rao met U.S. officials.", "दोनों देशों ने प्रोटोकॉल पर हस्ताक्षर किए.", "अंत?"]);
    }

    [Fact]
    public void SentenceSplitter_EnglishDateline_LeftOutOfSentence()
    {
        // Given
        var text = "NEW DELHI, Jan 5 (PTI): India and Chile signed an MoU on lithium.";
        var source = SourceText.From(text);
        // When
        var s = SentenceSplitter.Split(text, source, [new DocLine(0, text.Length, 0, LineKind.Body, "body")]).Single();
        // Then
        s.Verbatim.ShouldBe("India and Chile signed an MoU on lithium.");
    }

    [Theory]
    [InlineData("नई दिल्ली, 5 मई (भाषा) भारत और सऊदी अरब ने बैठक की।", "भारत और सऊदी अरब ने बैठक की।")]
    [InlineData("Mumbai, March 3 (Reuters) - India and Chile signed an MoU.", "India and Chile signed an MoU.")]
    [InlineData("India (the host) and Chile signed an MoU.", "India (the host) and Chile signed an MoU.")]
    public void SentenceSplitter_WireDateline_LeftOut(string text, string expected)
    {
        // Given
        var source = SourceText.From(text);
        // When
        var s = SentenceSplitter.Split(text, source, [new DocLine(0, text.Length, 0, LineKind.Body, "body")]).First();
        // Then
        s.Verbatim.ShouldBe(expected);
    }

    [Theory]
    [InlineData("First Published - January 14, 2026 | 7:26 AM IST", "2026-01-14")]
    [InlineData("07 Aug, 2025", "2025-08-07")]
    [InlineData("29 JAN 2026 4:30PM by PIB Delhi", "2026-01-29")]
    [InlineData("Update: 2026-02-04 06:09 GMT", "2026-02-04")]
    [InlineData("By Our Bureau | Updated on December 2, 2025", "2025-12-02")]
    [InlineData("अपडेटेड Sat, 08 Nov 2025 09:12 PM (IST)", "2025-11-08")]
    [InlineData("प्रकाशित: 12 मार्च 2026, 09:15 AM", "2026-03-12")]
    [InlineData("दिनांक 05/11/2025", "2025-11-05")]
    [InlineData("खान मंत्रालय के अधीन काबिल ने 15 जनवरी 2024 को अर्जेंटीना", "2024-01-15")]
    [InlineData("signed on 3rd March, 2025 in Canberra", "2025-03-03")]
    public void DateParser_AbsoluteForms_Parsed(string text, string expected)
    {
        // When
        var date = DateParser.Find(text).First(d => d.Date is not null).Date;
        // Then
        DateParser.Iso8601(date!.Value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("मंत्री ने मंगलवार को कहा", "2026-01-14", "2026-01-13")]
    [InlineData("बीते रविवार को वॉशिंगटन पहुंचे", "2026-01-14", "2026-01-11")]
    [InlineData("the talks were held on Monday", "2026-01-14", "2026-01-12")]
    [InlineData("will meet next Friday", "2026-01-14", "2026-01-16")]
    [InlineData("said on Wednesday", "2026-01-14", "2026-01-14")]
    [InlineData("आज हस्ताक्षर हुए", "2026-01-14", "2026-01-14")]
    public void DateParser_RelativeWeekdays_ResolvedAgainstPublication(string text, string published, string expected)
    {
        // Given
        var pub = DateOnly.ParseExact(published, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // When
        var date = DateParser.Find(text).Single().Resolve(pub);
        // Then
        DateParser.Iso8601(date!.Value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("जापान भारत पर 6 लाख करोड़ रुपयों का निवेश करेगा", 6e12, "INR")]
    [InlineData("10 ट्रिलियन येन का निवेश", 1e13, "JPY")]
    [InlineData("about 2 अरब अमेरिकी डॉलर", 2e9, "USD")]
    [InlineData("a deal worth ₹2,050 crore", 2.05e10, "INR")]
    [InlineData("up to $250 million in lithium", 2.5e8, "USD")]
    [InlineData("Rs 250 crore has been earmarked", 2.5e9, "INR")]
    [InlineData("EUR 1.5 billion", 1.5e9, "EUR")]
    public void AmountParser_IndianAndWesternNumbering_Resolved(string text, double value, string currency)
    {
        // When
        var a = AmountParser.Find(text).Single();
        // Then
        a.Value.ShouldBe(value, value * 1e-12);
        a.Currency.ShouldBe(currency);
    }

    [Fact]
    public void AmountParser_NumberWithoutCurrency_NotAnAmount() =>
        AmountParser.Find("80 से अधिक प्रतिनिधि और 16 लाख वाहन").ShouldBeEmpty();

    [Fact]
    public void Tokenizer_SpellingVariants_ShareKeys()
    {
        // Then: long/short vowel, nukta and oblique plural variants meet
        Tokenizer.Key("एल्युमीनियम").ShouldBe(Tokenizer.Key("एल्यूमिनियम"));
        Tokenizer.Key("फ़रवरी").ShouldBe(Tokenizer.Key("फरवरी"));
        Tokenizer.Key("खनिजों").ShouldBe(Tokenizer.Key("खनिज"));
        Tokenizer.Key("Minerals").ShouldBe(Tokenizer.Key("mineral"));
    }

    [Fact]
    public void HtmlToText_ScriptsNavAndEntities_RemovedOrDecoded()
    {
        // Given
        var html = "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2026-04-22T14:05:00+05:30\"></head><body>"
            + "<nav>Home | Mines</nav><script>var x = '<p>signed</p>';</script><p>India &amp; Chile met.</p><footer>(c) 2026</footer></body></html>";
        // When
        var text = HtmlToText.Convert(html, out var published);
        // Then
        text.ShouldBe("India & Chile met.");
        published.ShouldBe("2026-04-22T14:05:00+05:30");
    }

    [Fact]
    public void HtmlToText_JsonLd_GivesPublicationTime()
    {
        // Given
        const string html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2026-02-04T06:09:00Z\"}</script>"
            + "</head><body><p>Text.</p></body></html>";
        // When
        var text = HtmlToText.Convert(html, out var published);
        // Then
        text.ShouldBe("Text.");
        published.ShouldBe("2026-02-04T06:09:00Z");
    }

    [Fact]
    public void HtmlToText_DeeplyNested_Linear()
    {
        // Given: 200 000 nested divs would overflow a recursive parser
        var html = string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>India and Japan signed an MoU.</p>" + string.Concat(Enumerable.Repeat("</div>", 200_000));
        // When
        var text = HtmlToText.Convert(html, out _);
        // Then
        text.ShouldBe("India and Japan signed an MoU.");
    }
}
