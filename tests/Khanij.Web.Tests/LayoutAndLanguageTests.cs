using System.Text.Json;
using System.Text.RegularExpressions;
using Khanij.Application.Localization;
using Khanij.Testing;
using Microsoft.Playwright;

namespace Khanij.Web.Tests;

/// <summary>Every dashboard page in English and Hindi, in Chromium: no chart label overlapping another or cut off by its chart (bounding
/// boxes of the text ECharts drew), no clipped heading or control text, a PNG and SVG button under every chart and a CSV button under every
/// table with rows, every label from the page's message catalogue, and in Hindi no English word outside proper nouns, codes and units.</summary>
[Collection(ServerHeavyCollection.Name)]
public sealed partial class LayoutAndLanguageTests(DashboardServer server)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var lang in new[] { "en", "hi" })
        {
            foreach (var page in PagePaths)
            {
                data.Add(page, lang);
            }
        }
        return data;
    }

    private static readonly string[] PagePaths =
    [
        "/", "/mineral.html?id=lithium&stage=refining&country=IND", "/mineral.html?id=cobalt&stage=mining&country=IND", "/country.html?code=JPN",
        "/chain.html?id=lithium", "/chain.html?id=cobalt", "/scenario.html", "/partners.html?country=IND", "/ingest.html", "/demand.html?country=IND",
        "/diversify.html?mineral=cobalt&stage=refining&country=IND", "/methodology.html?doc=risk",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_InEachLanguage_HasNoOverlappingOrClippedLabelsAndOffersDownloads(string path, string lang)
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, path, lang);

        // When
        var failed = await page.Page.EvaluateAsync<bool>("() => document.body.dataset.failed === '1'");
        var layout = await LayoutProblemsAsync(page.Page);
        var downloads = await MissingDownloadsAsync(page.Page);
        var missing = await page.Page.EvaluateAsync<string[]>("() => [...K.missing]");
        var english = lang == "hi" ? await EnglishWordsAsync(page.Page) : [];
        await page.ScreenshotAsync("layout" + Regex.Replace(path, "[^A-Za-z0-9]+", "-").TrimEnd('-') + "-" + lang);

        // Then
        failed.ShouldBeFalse(failed ? await page.Page.InnerTextAsync(".error") : "");
        (await page.Page.GetAttributeAsync("html", "lang")).ShouldBe(lang);
        // All findings at once, so one run shows everything a page gets wrong.
        string[] findings =
        [
            .. page.Problems,
            .. layout.Select(p => "layout: " + p),
            .. downloads.Select(p => "download: " + p),
            .. missing.Select(k => $"no entry in i18n-{lang}.json: {k}"),
            .. english.Select(w => "English in the Hindi view: " + w),
        ];
        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task LayoutCheck_PlantedOverlapAndCutLabel_AreReported()
    {
        // Given: a chart with two labels on the same spot, one label running past the right edge, and an axis of rotated labels that do not touch
        await using var page = await DashboardPage.OpenAsync(server, "/");
        await page.Page.EvaluateAsync("""
            () => {
              const box = document.createElement('div');
              box.className = 'chart';
              box.id = 'planted';
              box.style.cssText = 'width: 400px; height: 300px';
              document.querySelector('main').append(box);
              K.chart('planted').setOption({
                grid: { left: 40, right: 20, top: 20, bottom: 80 },
                xAxis: { type: 'category', data: ['alpha', 'beta', 'gamma'], axisLabel: { rotate: 45, interval: 0 } }, yAxis: { type: 'value' },
                series: [{ type: 'bar', data: [1, 2, 3] }],
                graphic: [
                  { type: 'text', left: 100, top: 100, style: { text: 'first label here', fontSize: 14 } },
                  { type: 'text', left: 110, top: 104, style: { text: 'second label here', fontSize: 14 } },
                  { type: 'text', left: 360, top: 40, style: { text: 'a label that runs off the edge', fontSize: 14 } },
                ],
              });
            }
            """);

        // When
        var problems = (await LayoutProblemsAsync(page.Page)).Where(p => p.StartsWith("#planted", StringComparison.Ordinal)).ToList();

        // Then
        problems.ShouldContain(p => p.Contains("\"first label here\" overlaps \"second label here\"", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("\"a label that runs off the edge\" is cut off", StringComparison.Ordinal));
        problems.ShouldNotContain(p => p.Contains("alpha", StringComparison.Ordinal) || p.Contains("gamma", StringComparison.Ordinal));
        problems.Count.ShouldBe(2);
    }

    [Fact]
    public async Task OverviewInHindi_LinksAndLanguageSwitch_KeepTheLanguageInTheUrl()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/", "hi");

        // When
        var navHrefs = await page.Page.EvalOnSelectorAllAsync<string[]>("header nav a", "as => as.map(a => a.getAttribute('href'))");
        var mineralLink = await page.Page.GetAttributeAsync("#risk-table tbody a", "href");
        await page.Page.ClickAsync("button[data-lang=en]");
        await page.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'en' && document.body?.dataset.ready === '1'");

        // Then
        navHrefs.Where(h => h!.EndsWith(".html", StringComparison.Ordinal) || h.Contains(".html?", StringComparison.Ordinal))
            .ShouldAllBe(h => h!.Contains("lang=hi", StringComparison.Ordinal));
        mineralLink.ShouldNotBeNull().ShouldContain("lang=hi");
        page.Page.Url.ShouldContain("lang=en");
        (await page.Page.InnerTextAsync("h1")).ShouldStartWith("Overview · India");
    }

    [Fact]
    public async Task OverviewInHindi_CountryNames_AreCldrCommonNamesFromTheDataPack()
    {
        // Given: CLDR's Hindi names of Russia, South Korea and the DR Congo, read from the pack's CLDR file
        using var cldr = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "data", "cldr_hi_territories.json"),
            TestContext.Current.CancellationToken));
        var territories = cldr.RootElement.GetProperty("main").GetProperty("hi").GetProperty("localeDisplayNames").GetProperty("territories");
        var expected = new[] { "RU", "KR", "CD", "TW" }.Select(c => territories.GetProperty(c).GetString()!).ToList();
        await using var page = await DashboardPage.OpenAsync(server, "/", "hi");

        // When
        var options = await page.Page.EvalOnSelectorAllAsync<string[]>("#country option", "os => os.map(o => o.textContent)");

        // Then
        foreach (var name in expected)
        {
            options.ShouldContain(name);
        }
        options.ShouldNotContain(o => o.Contains(", रिपब्लिक ऑफ", StringComparison.Ordinal) || o.Contains("प्रोविन्स", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverviewDownloads_CsvPngAndSvg_HoldTheTableAndTheChart()
    {
        // Given
        await using var page = await DashboardPage.OpenAsync(server, "/", "hi");
        var headings = await page.Page.EvalOnSelectorAllAsync<string[]>("#risk-table thead th", "ths => ths.map(t => t.innerText.trim())");
        var rows = await page.Page.Locator("#risk-table tbody tr").CountAsync();

        // When
        var csv = await DownloadAsync(page.Page, ".downloads[data-for=risk-table] button[data-download=csv]");
        var png = await DownloadAsync(page.Page, ".downloads[data-for=risk-chart] button[data-download=png]");
        var svg = await DownloadAsync(page.Page, ".downloads[data-for=risk-chart] button[data-download=svg]");

        // Then
        var text = System.Text.Encoding.UTF8.GetString(csv.Bytes).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(rows + 1);
        // RFC 4180: a heading with a comma is quoted.
        lines[0].ShouldBe(string.Join(",", headings.Select(h => h.Contains(',', StringComparison.Ordinal) ? $"\"{h}\"" : h)));
        csv.Name.ShouldEndWith(".csv");
        png.Bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var svgText = System.Text.Encoding.UTF8.GetString(svg.Bytes);
        svgText.ShouldContain("<svg");
        svgText.ShouldContain("आपूर्ति जोखिम");
    }

    [Fact]
    public void DashboardCatalogues_SameKeysInBothLanguages_AndEveryKeyThePagesNameExists()
    {
        // Given
        var dir = Path.Combine(RepoPaths.Root, "src", "Khanij.Web", "Dashboard");
        var en = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dir, "i18n-en.json")))!;
        var hi = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dir, "i18n-hi.json")))!;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.js"))
        {
            foreach (Match m in TCall().Matches(File.ReadAllText(file)))
            {
                used.Add(m.Groups["key"].Value);
            }
        }
        foreach (var file in Directory.GetFiles(dir, "*.html"))
        {
            foreach (Match m in I18nAttribute().Matches(File.ReadAllText(file)))
            {
                used.Add(m.Groups["key"].Value);
            }
        }

        // Then
        used.Count.ShouldBeGreaterThan(100);
        hi.Keys.Order(StringComparer.Ordinal).ShouldBe(en.Keys.Order(StringComparer.Ordinal));
        hi.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ShouldBeEmpty();
        used.Where(k => !en.ContainsKey(k)).Order(StringComparer.Ordinal).ShouldBeEmpty("keys the pages use that the catalogue lacks");
        // A Hindi entry that is the English text itself is an untranslated string (codes and units such as HHI, GWh, P95 are allowed).
        hi.Where(p => en[p.Key] == p.Value && Regex.IsMatch(NamedSlots().Replace(p.Value, ""), "[a-z]{3,}"))
            .Select(p => $"{p.Key}: {p.Value}").ShouldBeEmpty("Hindi entries that are English");
    }

    [Fact]
    public void ServerCatalogue_EveryMessageHasAHindiEntryWithTheSamePlaceholders()
    {
        // Given
        var en = Messages.All("en");
        var hi = Messages.All("hi");

        // Then
        en.Count.ShouldBeGreaterThan(100);
        hi.Keys.Order(StringComparer.Ordinal).ShouldBe(en.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in en)
        {
            Placeholders().Matches(hi[key]).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)
                .ShouldBe(Placeholders().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal), key);
            if (Regex.IsMatch(text, "[a-z]{3,}"))
            {
                hi[key].ShouldNotBe(text, $"{key} is not translated");
            }
        }
    }

    /// <summary>Text ECharts drew (zrender's display list: axis labels and names, titles, legends, data labels) that overlaps other text or
    /// leaves its chart, and headings/labels/buttons whose text is cut (scrollWidth beyond the box).</summary>
    internal static async Task<List<string>> LayoutProblemsAsync(IPage page) => [.. await page.EvaluateAsync<string[]>("""
        () => {
          const problems = [];
          for (const el of document.querySelectorAll('.chart')) {
            const c = echarts.getInstanceByDom(el);
            if (!c || el.dataset.empty) continue;
            const W = c.getWidth(), H = c.getHeight();
            const boxes = [];
            for (const d of c.getZr().storage.getDisplayList(true)) {
              if ((d.type !== 'tspan' && d.type !== 'text') || d.invisible || d.ignore || !d.style?.text || String(d.style.text).trim() === '') continue;
              if ((d.style.opacity ?? 1) === 0) continue;
              let hidden = false;
              for (let p = d.parent ?? d.__hostTarget; p; p = p.parent ?? p.__hostTarget) if (p.invisible || p.ignore) { hidden = true; break; }
              if (hidden) continue;
              // zrender's box of a text span is shorter than the glyphs drawn (about half the font size); grow it to the font's em height,
              // which Devanagari's vowel signs above and below the line fill.
              const r = d.getBoundingRect().clone();
              const fontSize = Number(/(\d+(?:\.\d+)?)px/.exec(d.style.font ?? '')?.[1] ?? 12);
              if (r.height < fontSize) { r.y = r.y + r.height / 2 - fontSize / 2; r.height = fontSize; }
              const m = d.getComputedTransform();
              if (m) r.applyTransform(m);
              if (r.width < 1 || r.height < 1) continue;
              const text = String(d.style.text).replace(/\s+/g, ' ');
              // Text inside a clip (a scrolling legend's window, a series' plot area): outside it is not drawn; across its edge it is cut.
              let outside = false, across = false;
              for (const cp of d.__clipPaths ?? []) {
                const c = cp.getBoundingRect().clone();
                const cm = cp.getComputedTransform();
                if (cm) c.applyTransform(cm);
                if (r.x >= c.x + c.width || r.x + r.width <= c.x || r.y >= c.y + c.height || r.y + r.height <= c.y) outside = true;
                else if (r.x < c.x - 1 || r.x + r.width > c.x + c.width + 1 || r.y < c.y - 1 || r.y + r.height > c.y + c.height + 1) across = true;
              }
              if (outside) continue;
              if (across) problems.push(`#${el.id}: "${text}" is cut off by its clip`);
              // The text's own rectangle, turned as drawn (rotated axis labels), for the overlap test.
              const l = d.getBoundingRect().clone();
              if (l.height < fontSize) { l.y = l.y + l.height / 2 - fontSize / 2; l.height = fontSize; }
              const t = m ?? [1, 0, 0, 1, 0, 0];
              const corners = [[l.x, l.y], [l.x + l.width, l.y], [l.x + l.width, l.y + l.height], [l.x, l.y + l.height]]
                .map(([x, y]) => [t[0] * x + t[2] * y + t[4], t[1] * x + t[3] * y + t[5]]);
              boxes.push({ text, x: r.x, y: r.y, w: r.width, h: r.height, corners });
            }
            for (const b of boxes) {
              if (b.x < -1 || b.y < -1 || b.x + b.w > W + 1 || b.y + b.h > H + 1)
                problems.push(`#${el.id}: "${b.text}" is cut off (box ${b.x.toFixed(0)},${b.y.toFixed(0)} ${b.w.toFixed(0)}×${b.h.toFixed(0)} in a ${W}×${H} chart)`);
            }
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i], b = boxes[j];
              // Separating axes of the two turned rectangles: they overlap when no axis separates them by more than -2 px.
              let depth = Infinity;
              for (const q of [a.corners, b.corners]) for (let k = 0; k < 2; k++) {
                const [x0, y0] = q[k], [x1, y1] = q[k + 1];
                const len = Math.hypot(x1 - x0, y1 - y0) || 1, ax = (x1 - x0) / len, ay = (y1 - y0) / len;
                const pa = a.corners.map(([x, y]) => x * ax + y * ay), pb = b.corners.map(([x, y]) => x * ax + y * ay);
                depth = Math.min(depth, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
              }
              if (depth > 2) problems.push(`#${el.id}: "${a.text}" overlaps "${b.text}" (by ${depth.toFixed(0)} px)`);
            }
          }
          for (const e of document.querySelectorAll('h1, h2, h3, label > span, button, th, .stat, header nav a')) {
            if (e.offsetParent === null) continue;
            if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
              problems.push(`${e.tagName.toLowerCase()} "${e.innerText.trim().slice(0, 60)}" is cut off`);
          }
          for (const s of document.querySelectorAll('select')) {
            if (s.offsetParent === null || s.selectedIndex < 0) continue;
            const probe = document.createElement('span');
            probe.textContent = s.options[s.selectedIndex].text;
            probe.style.cssText = '';
            probe.className = 'measure-probe';
            document.body.append(probe);
            const need = probe.getBoundingClientRect().width;
            probe.remove();
            if (need > s.clientWidth - 20) problems.push(`select #${s.id}: "${s.options[s.selectedIndex].text}" is cut off (${need.toFixed(0)} px text in ${s.clientWidth} px)`);
          }
          return problems;
        }
        """)];

    /// <summary>Charts without PNG and SVG buttons, tables with rows without a CSV button.</summary>
    private static async Task<List<string>> MissingDownloadsAsync(IPage page) => [.. await page.EvaluateAsync<string[]>("""
        () => {
          const missing = [];
          for (const el of document.querySelectorAll('.chart')) {
            if (el.dataset.empty || !echarts.getInstanceByDom(el)) continue;
            const d = document.querySelector(`.downloads[data-for="${el.id}"]`);
            if (!d?.querySelector('[data-download=png]') || !d.querySelector('[data-download=svg]')) missing.push(`chart #${el.id} has no PNG/SVG buttons`);
          }
          for (const t of document.querySelectorAll('table')) {
            if (t.closest('.method-doc') || t.tBodies[0]?.rows.length === 0 || !t.tBodies.length) continue;
            const d = t.nextElementSibling;
            if (!d?.classList.contains('downloads') || !d.querySelector('[data-download=csv]')) missing.push(`table #${t.id} has no CSV button`);
          }
          return missing;
        }
        """)];

    /// <summary>Latin-script words visible in the page outside elements marked translate="no" (proper nouns, source citations, file names,
    /// codes), ignoring codes and units: all-capital words (HHI, WGI, USGS, CVaR95), units (t, kg, GWh) and words with digits.</summary>
    private static async Task<List<string>> EnglishWordsAsync(IPage page) => [.. await page.EvaluateAsync<string[]>("""
        () => {
          const allowed = new Set(['t', 'kg', 'GWh', 'MWh', 'kWh', 'Mt', 'kt', 'USD', 'PNG', 'SVG', 'CSV', 'Khanij', 'CVaR', 'TiO', 'HHI', 'WGI', 'IEA', 'USGS', 'ITC', 'HS',
            // proper nouns in chart legends, which cannot carry translate="no": the publisher "Cheng et al."
            'Cheng', 'et', 'al', 'BatPaC']);
          const found = new Map();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement;
            // No exemption for [lang=en]: every sentence the server writes comes from its catalogue in the page's language, so English
            // marked as such (a data term without a Hindi word) is a failure here too.
            if (!p || p.closest('[translate=no], script, style, option:not(:checked), .chart, textarea') || p.offsetParent === null && p.tagName !== 'OPTION') continue;
            for (const w of n.textContent.match(/[A-Za-z][A-Za-z0-9_'-]*/g) ?? []) {
              if (allowed.has(w) || /\d/.test(w) || w === w.toUpperCase()) continue;
              found.set(w, (found.get(w) ?? '') || `${p.tagName.toLowerCase()}${p.id ? '#' + p.id : ''}${p.className ? '.' + p.className : ''}: ${n.textContent.trim().slice(0, 80)}`);
            }
          }
          for (const el of document.querySelectorAll('.chart')) {
            const c = echarts.getInstanceByDom(el);
            if (!c || el.dataset.empty) continue;
            for (const d of c.getZr().storage.getDisplayList(true)) {
              if ((d.type !== 'tspan' && d.type !== 'text') || d.invisible || d.ignore || !d.style?.text) continue;
              const text = String(d.style.text);
              for (const w of text.match(/[A-Za-z][A-Za-z0-9_'-]*/g) ?? []) {
                if (allowed.has(w) || /\d/.test(w) || w === w.toUpperCase()) continue;
                found.set(w, `#${el.id}: ${text.slice(0, 80)}`);
              }
            }
          }
          return [...found].map(([w, where]) => `${w} (in "${where}")`);
        }
        """)];

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [GeneratedRegex(@"\bt\(\s*""(?<key>[A-Za-z_][A-Za-z0-9_]*)""\s*\)")]
    private static partial Regex TCall();

    [GeneratedRegex(@"data-i18n(?:-placeholder|-aria)?=""(?<key>[^""]+)""")]
    private static partial Regex I18nAttribute();

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex NamedSlots();
}
