using System.ComponentModel;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using Khanij.Ingest;
using Khanij.Web.Security;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/ingest</c>: a news text or press release (Hindi or English, plain or HTML) → cooperation events with verbatim evidence,
/// and (as <c>khanij ingest add</c>) proposals in the partnership registry to accept or reject.</summary>
internal static class IngestApi
{
    private const int MaxTextChars = 400_000;

    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/ingest").WithTags("Ingest");
        group.MapPost("/extract", Extract).WithName("ExtractEvents")
            .WithSummary("Extract cooperation events from a text without storing anything (a preview)");
        group.MapPost("/", Ingest).WithName("IngestText")
            .WithSummary("Extract events from a text and store them as proposed registry records (merged with records of the same event)");
        return app;
    }

    public static async Task<Results<Ok<ExtractResponse>, ValidationProblem>> Extract(
        IngestRequest request, IngestPipeline pipeline, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } problem)
        {
            return problem;
        }
        var result = await pipeline.ExtractAsync(request.Name.Trim(), request.Text, request.Html, cancellationToken);
        return TypedResults.Ok(new ExtractResponse(result.Document, result.Events, result.Warnings));
    }

    public static async Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> Ingest(
        IngestRequest request, IngestPipeline pipeline, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } problem)
        {
            return problem;
        }
        var result = await pipeline.ExtractAsync(request.Name.Trim(), request.Text, request.Html, cancellationToken);
        try
        {
            var (outcome, records) = await data.WriteRegistryAsync(async r =>
            {
                var o = await r.AddEventsAsync([new SourceDocument(result.Document.Name, result.Document.Text, result.Document.Title)], result.Events,
                    AuditActor.Current, catalogue, cancellationToken);
                var touched = o.Created.Concat(o.Merged).ToHashSet(StringComparer.Ordinal);
                var all = await r.ListAsync(cancellationToken);
                // Records this document supports, including those it only confirmed (already recorded).
                var mine = all.Where(x => touched.Contains(x.Id) || x.Sources.Any(s => s.Document == result.Document.Name)).ToList();
                return (o, (IReadOnlyList<RegistryRecord>)mine);
            }, cancellationToken);
            return TypedResults.Ok(new IngestResponse(result.Document, result.Events, result.Warnings, outcome, records));
        }
        catch (RegistryConflictException e)
        {
            return Problems.Conflict(e);
        }
        catch (RegistryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [.. e.Problems] },
                detail: string.Join(" ", e.Problems), title: "The document could not be added; nothing was changed.");
        }
    }

    private static ValidationProblem? Validate(IngestRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Problems.Invalid("name", "is empty; expected a document name such as 'pib-2025-06-12.txt' (it is cited as the evidence's source).");
        }
        if (request.Name.Length > 200 || request.Name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            return Problems.Invalid("name", "must be at most 200 characters without slashes.");
        }
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Problems.Invalid("text", "is empty; expected the article's text (plain text or HTML) in Hindi or English.");
        }
        if (request.Text.Length > MaxTextChars)
        {
            return Problems.Invalid("text", $"is {request.Text.Length:N0} characters long; at most {MaxTextChars:N0} are accepted.");
        }
        return null;
    }
}

/// <summary>A text to ingest.</summary>
internal sealed record IngestRequest(
    [property: Description("Document name, cited as the source of the evidence (e.g. pib-2025-06-12.txt).")] string Name,
    [property: Description("The article: plain text or HTML, Hindi or English.")] string Text,
    [property: Description("True for HTML, false for plain text; null detects it.")] bool? Html = null);

/// <summary>What extraction found: the document as read (its <c>text</c> is what evidence quotes), the events, and warnings.</summary>
internal sealed record ExtractResponse(IngestDocument Document, IReadOnlyList<CooperationEvent> Events, IReadOnlyList<string> Warnings);

/// <summary>Extraction plus what the registry did with it, and the records this document now supports (to review).</summary>
internal sealed record IngestResponse(IngestDocument Document, IReadOnlyList<CooperationEvent> Events, IReadOnlyList<string> Warnings,
    IngestOutcome Outcome, IReadOnlyList<RegistryRecord> Records);
