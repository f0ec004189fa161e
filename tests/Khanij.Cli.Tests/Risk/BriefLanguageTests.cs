using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Risk;

/// <summary><c>khanij brief --lang hi --format pdf</c>: the reports in Hindi from the message catalogue, and a PDF printed by headless Chromium
/// with a Devanagari font.</summary>
public sealed class BriefLanguageTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static Dictionary<string, string> Resx(string file) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Khanij.Application", "Localization", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public async Task Brief_LangHiFormatPdfAndMd_WritesHindiReportsAndAPdfWithADevanagariFont()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/chromium"), "/usr/bin/chromium is not installed (.ci/install-deps installs Debian's chromium).");
        // Given: the Hindi and English catalogue files, and India's name from the pack's CLDR file
        var hi = Resx("Messages.hi.resx");
        var en = Resx("Messages.resx");
        using var cldr = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Data, "cldr_hi_territories.json"), TestContext.Current.CancellationToken));
        var india = cldr.RootElement.GetProperty("main").GetProperty("hi").GetProperty("localeDisplayNames").GetProperty("territories").GetProperty("IN").GetString()!;
        var outDir = Path.Combine(store.Directory, "brief-hi-" + Guid.NewGuid().ToString("N")[..6]);

        // When
        var (exit, _, screen, error) = await store.RunAsync("brief", "--lang", "hi", "--format", "pdf", "--format", "md", "--out", outDir);

        // Then
        exit.ShouldBe(0, error + screen);
        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"), TestContext.Current.CancellationToken);
        md.ShouldStartWith("# " + hi["Report_Heading"].Replace("{0}", $"{india} (IND), 2024", StringComparison.Ordinal));
        foreach (var key in new[] { "Section_Findings", "Section_Ranked", "Section_Restrictions", "Section_Matrix", "Section_Missing", "Section_Method", "Section_Sources" })
        {
            md.ShouldContain("## " + hi[key]);
            md.ShouldNotContain("## " + en[key] + "\n");
        }
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("<html lang=\"hi\">");
        var pdf = await File.ReadAllBytesAsync(Path.Combine(outDir, "report.pdf"), TestContext.Current.CancellationToken);
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        // Font names are stored uncompressed in the PDF's font dictionaries (/BaseFont /ABCDEF+NotoSansDevanagari-Regular).
        var latin1 = Encoding.Latin1.GetString(pdf);
        (latin1.Contains("NotoSansDevanagari", StringComparison.Ordinal) || latin1.Contains("Lohit", StringComparison.Ordinal))
            .ShouldBeTrue("the PDF embeds no Devanagari font");
    }

    [Fact]
    public async Task Brief_DefaultLanguage_IsEnglishFromTheSameCatalogue()
    {
        // Given
        var en = Resx("Messages.resx");
        var outDir = Path.Combine(store.Directory, "brief-en-" + Guid.NewGuid().ToString("N")[..6]);

        // When
        var (exit, _, _, error) = await store.RunAsync("brief", "--format", "md", "--out", outDir);

        // Then
        exit.ShouldBe(0, error);
        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"), TestContext.Current.CancellationToken);
        md.ShouldContain("## " + en["Section_Findings"]);
        File.Exists(Path.Combine(outDir, "report.html")).ShouldBeFalse("--format md writes no HTML");
        File.Exists(Path.Combine(outDir, "report.pdf")).ShouldBeFalse();
    }

    [Fact]
    public async Task Brief_UnknownLanguageOrFormat_ExitsOneAndWritesNothing()
    {
        // Given
        var outDir = Path.Combine(store.Directory, "refused-" + Guid.NewGuid().ToString("N")[..6]);

        // When (the parser's message names the choices; this in-process runner does not capture the parser's output)
        var lang = await store.RunAsync("brief", "--lang", "fr", "--out", outDir);
        var format = await store.RunAsync("brief", "--format", "docx", "--out", outDir);

        // Then
        lang.Exit.ShouldBe(1);
        format.Exit.ShouldBe(1);
        Directory.Exists(outDir).ShouldBeFalse("nothing is written for a refused request");
    }
}
