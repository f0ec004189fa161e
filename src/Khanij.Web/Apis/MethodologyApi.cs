using System.ComponentModel;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/methodology</c>: the project's method documents (docs/*.md, embedded in this assembly at build time) rendered to HTML
/// with Markdig, for the dashboard's methodology page. Links between documents point to that page; raw HTML in the sources is not passed on.</summary>
internal static partial class MethodologyApi
{
    private const string Prefix = "Khanij.Web.Docs.";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Sources = new(Load);

    public static IEndpointRouteBuilder MapMethodologyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/methodology").WithTags("Methodology");
        group.MapGet("/", List).WithName("ListMethodology")
            .WithSummary("The method documents the dashboard links to from its charts and figures (docs/*.md of the repository)");
        group.MapGet("/{doc}", Get).WithName("GetMethodology")
            .WithSummary("One method document rendered to HTML, with its title and headings (anchors for links from charts)");
        return app;
    }

    public static Ok<IReadOnlyList<MethodologyEntry>> List() =>
        TypedResults.Ok<IReadOnlyList<MethodologyEntry>>([.. Sources.Value.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new MethodologyEntry(p.Key, Title(p.Value)))]);

    public static Results<Ok<MethodologyDocument>, NotFoundProblem> Get(
        [Description("Document name without .md, e.g. risk, simulation, demand, data, web.")] string doc)
    {
        if (!Sources.Value.TryGetValue(doc.ToLowerInvariant(), out var markdown))
        {
            return new NotFoundProblem($"No method document '{doc}'. Known: {string.Join(", ", Sources.Value.Keys.Order(StringComparer.Ordinal))} (GET /api/methodology).");
        }
        var parsed = Markdown.Parse(markdown, Pipeline);
        foreach (var link in parsed.Descendants<LinkInline>())
        {
            link.Url = Rewrite(link.Url);
        }
        var headings = parsed.Descendants<HeadingBlock>()
            .Select(h => new MethodologyHeading(h.Level, h.GetAttributes().Id ?? "", Plain(markdown, h)))
            .ToList();
        return TypedResults.Ok(new MethodologyDocument(doc.ToLowerInvariant(), Title(markdown), parsed.ToHtml(Pipeline), headings));
    }

    /// <summary>"risk.md#7-partners", "docs/risk.md", "../docs/demand.md" → the methodology page; other links unchanged.</summary>
    private static string? Rewrite(string? url)
    {
        if (url is null)
        {
            return null;
        }
        var m = DocLink().Match(url);
        return m.Success && Sources.Value.ContainsKey(m.Groups["doc"].Value.ToLowerInvariant())
            ? $"methodology.html?doc={m.Groups["doc"].Value.ToLowerInvariant()}{m.Groups["hash"].Value}"
            : url;
    }

    private static string Title(string markdown) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? "";

    private static string Plain(string markdown, HeadingBlock h) =>
        h.Inline is null ? "" : markdown.Substring(h.Inline.Span.Start, h.Inline.Span.Length).Replace("`", "", StringComparison.Ordinal).Trim();

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(MethodologyApi).Assembly;
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            docs[name[Prefix.Length..^3].ToLowerInvariant()] = reader.ReadToEnd();
        }
        return docs;
    }

    [GeneratedRegex(@"^(?:\.\./|\./)*(?:docs/)?(?<doc>[A-Za-z0-9_-]+)\.md(?<hash>#.*)?$")]
    private static partial Regex DocLink();
}

/// <summary>A method document: its name (file name without .md) and title.</summary>
internal sealed record MethodologyEntry(string Doc, string Title);

/// <summary>A heading of a method document: level, anchor id, text.</summary>
internal sealed record MethodologyHeading(int Level, string Id, string Text);

/// <summary>A method document rendered to HTML.</summary>
internal sealed record MethodologyDocument(string Doc, string Title, string Html, IReadOnlyList<MethodologyHeading> Headings);
