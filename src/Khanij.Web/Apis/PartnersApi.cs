using System.ComponentModel;
using System.Globalization;
using System.Text;
using Khanij.Core.Catalogue;
using Khanij.Core.Registry;
using Khanij.Core.Text;
using Khanij.Application.Services;
using Khanij.Data.Registry;
using Khanij.Web.Security;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/partners</c>: the partnership registry (as <c>khanij partners</c>): partnerships, records, a country's timeline,
/// follow-ups, a graph of who works with whom, and review (accept or reject proposals). Only accepted records count in the read views.</summary>
internal static class PartnersApi
{
    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/partners").WithTags("Partners");
        group.MapGet("/", ListPartners).WithName("ListPartners")
            .WithSummary("Accepted partnerships: one row per counterpart of a country (or per party set), with instruments, minerals and dates");
        group.MapGet("/records", ListRecords).WithName("ListRecords")
            .WithSummary("Registry records in any review state (proposed, accepted, rejected), optionally one state");
        group.MapGet("/records/{id}", GetRecord).WithName("GetRecord").WithSummary("One registry record with its sources, evidence and audit trail");
        group.MapGet("/records/{id}/impact", Impact).WithName("GetRecordImpact")
            .WithSummary("The risk figures a record moves for a country now: partner share of imports and supply risk, without → with it "
                + "(for a proposal, what accepting it would move)");
        group.MapPost("/records/{id}/accept", Accept).WithName("AcceptRecord")
            .WithSummary("Accept a proposed record (audited); answers the record and the risk figures the decision moved for the country");
        group.MapPost("/records/{id}/reject", Reject).WithName("RejectRecord")
            .WithSummary("Reject a proposed record; it is kept with its evidence (audited); answers the record and the figures the decision moved");
        group.MapGet("/timeline", Timeline).WithName("GetTimeline").WithSummary("Accepted records naming a country, oldest first");
        group.MapGet("/followups", FollowUps).WithName("GetFollowUps")
            .WithSummary("Accepted commitments with their status as of a day (open, done, overdue, dropped)");
        group.MapGet("/graph", Graph).WithName("GetPartnerGraph")
            .WithSummary("Countries and frameworks as nodes, joined by the accepted records they share");
        group.MapPost("/import", Import).WithName("ImportRecords")
            .WithSummary("Import curated records (a registry file as in samples/registry/*.json); all or nothing. A record of an event already in "
                + "the registry merges into it (conflicting values are kept as they were and listed for review)")
            .Accepts<RegistryFileDocument>("application/json");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<PartnerSummary>>, ValidationProblem>> ListPartners(
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Country (ISO3 or name): one row per counterpart of it.")] string? country = null,
        [Description("Only records covering this mineral (id or name).")] string? mineral = null)
    {
        string? iso3 = null;
        if (country is not null && !SupplyApi.TryCountry(catalogue, country, "country", out iso3, out var problem))
        {
            return problem;
        }
        string? mineralId = null;
        if (mineral is not null)
        {
            mineralId = string.Equals(mineral.Trim(), RegistryVocabulary.CriticalMinerals, StringComparison.OrdinalIgnoreCase)
                ? RegistryVocabulary.CriticalMinerals : SupplyApi.Resolve(catalogue, mineral)?.Id;
            if (mineralId is null)
            {
                return Problems.Invalid("mineral", $"'{mineral}' is not a known mineral; expected a catalogue id (lithium, rare_earths) or a name (लिथियम).");
            }
        }
        var records = await data.WithRegistryAsync(r => r.ListAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok(RegistryQueries.Partners(records, iso3, mineralId));
    }

    public static async Task<Results<Ok<IReadOnlyList<RegistryRecord>>, ValidationProblem>> ListRecords(
        KhanijData data, CancellationToken cancellationToken,
        [Description("Only records in this review state: proposed, accepted or rejected.")] string? review = null)
    {
        ReviewState? state = null;
        if (review is not null)
        {
            if (!EnumNames.TryParse<ReviewState>(review, out var parsed))
            {
                return Problems.Invalid("review", $"'{review}' is not a review state; expected proposed, accepted or rejected.");
            }
            state = parsed;
        }
        var records = await data.WithRegistryAsync(r => r.ListAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RegistryRecord>>([.. records.Where(r => state is null || r.Review == state)]);
    }

    public static async Task<Results<Ok<RecordDetail>, NotFoundProblem>> GetRecord(
        [Description("Record id, e.g. pa-0001 or msp.")] string id, KhanijData data, CancellationToken cancellationToken)
    {
        var detail = await data.WithRegistryAsync(async r =>
        {
            var record = await r.FindAsync(id, cancellationToken);
            return record is null ? null : new RecordDetail(record, await r.AuditAsync(id, cancellationToken));
        }, cancellationToken);
        return detail is null ? UnknownRecord(id) : TypedResults.Ok(detail);
    }

    public static Task<Results<Ok<ReviewDecision>, NotFoundProblem, ProblemHttpResult, ValidationProblem>> Accept(
        [Description("Record id.")] string id, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Country whose risk figures the impact is reported for (ISO3 or name); default IND.")] string? country = null) =>
        SetReviewAsync(id, ReviewState.Accepted, country, catalogue, data, cancellationToken);

    public static Task<Results<Ok<ReviewDecision>, NotFoundProblem, ProblemHttpResult, ValidationProblem>> Reject(
        [Description("Record id.")] string id, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Country whose risk figures the impact is reported for (ISO3 or name); default IND.")] string? country = null) =>
        SetReviewAsync(id, ReviewState.Rejected, country, catalogue, data, cancellationToken);

    public static async Task<Results<Ok<DecisionImpact>, NotFoundProblem, ValidationProblem>> Impact(
        [Description("Record id.")] string id, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Country whose risk figures are reported (ISO3 or name); default IND.")] string? country = null)
    {
        var store = await data.StoreAsync(cancellationToken);
        var records = await data.WithRegistryAsync(r => r.ListAsync(cancellationToken), cancellationToken);
        if (records.All(r => r.Id != id))
        {
            return UnknownRecord(id);
        }
        var result = await RegistryReviewService.OfRecordAsync(store, records, async ct => (await data.FactsAsync(ct)).RiskInputs, catalogue, id, country,
            cancellationToken);
        return result.Value is { } impact ? TypedResults.Ok(impact) : Problems.From(result);
    }

    public static async Task<Results<Ok<IReadOnlyList<RegistryRecord>>, ValidationProblem>> Timeline(
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken,
        [Description("Country (ISO3 or name); default IND.")] string? country = null)
    {
        if (!SupplyApi.TryCountry(catalogue, country ?? "IND", "country", out var iso3, out var problem))
        {
            return problem;
        }
        var records = await data.WithRegistryAsync(r => r.ListAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok(RegistryQueries.Timeline(records, iso3));
    }

    public static async Task<Results<Ok<IReadOnlyList<FollowUpRow>>, ValidationProblem>> FollowUps(
        KhanijData data, CancellationToken cancellationToken,
        [Description("Only overdue commitments.")] bool overdue = false,
        [Description("The day statuses are computed for (YYYY-MM-DD; default today, UTC).")] string? asOf = null)
    {
        var today = asOf ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (today.Length != 10 || !RegistryVocabulary.IsDate(today))
        {
            return Problems.Invalid("as_of", $"'{today}' is not a date; expected YYYY-MM-DD.");
        }
        var records = await data.WithRegistryAsync(r => r.ListAsync(cancellationToken), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FollowUpRow>>([.. RegistryQueries.FollowUps(records, today, overdue)
            .Select(x => new FollowUpRow(x.Record, x.Status, today))]);
    }

    public static async Task<Ok<PartnerGraph>> Graph(KhanijData data, CancellationToken cancellationToken)
    {
        var records = (await data.WithRegistryAsync(r => r.ListAsync(cancellationToken), cancellationToken))
            .Where(r => r.Review == ReviewState.Accepted).ToList();
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var record in records)
        {
            var parties = record.Parties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var p in parties)
            {
                nodes[p] = nodes.GetValueOrDefault(p) + 1;
            }
            for (var i = 0; i < parties.Count; i++)
            {
                for (var j = i + 1; j < parties.Count; j++)
                {
                    var key = (parties[i], parties[j]);
                    if (!edges.TryGetValue(key, out var ids))
                    {
                        edges[key] = ids = [];
                    }
                    ids.Add(record.Id);
                }
            }
        }
        return TypedResults.Ok(new PartnerGraph(
            [.. nodes.Select(n => new GraphNode(n.Key, RegistryVocabulary.IsIso3(n.Key) ? "country" : "framework", n.Value))],
            [.. edges.Select(e => new GraphEdge(e.Key.Item1, e.Key.Item2, e.Value))]));
    }

    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        try
        {
            var outcome = await data.WriteRegistryAsync(async r =>
            {
                var existing = (await r.ListAsync(cancellationToken)).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
                var checkedRecords = RegistryImporter.Check("request body", buffer.ToArray(), catalogue, existing);
                return await r.ImportAsync(checkedRecords, AuditActor.Current, catalogue, cancellationToken);
            }, cancellationToken);
            return TypedResults.Ok(outcome);
        }
        catch (RegistryConflictException e)
        {
            return Problems.Conflict(e);
        }
        catch (RegistryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [.. e.Problems] },
                detail: string.Join(" ", e.Problems), title: "The registry file has problems; nothing was imported.");
        }
    }

    private static async Task<Results<Ok<ReviewDecision>, NotFoundProblem, ProblemHttpResult, ValidationProblem>> SetReviewAsync(string id,
        ReviewState state, string? country, KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken)
    {
        try
        {
            var store = await data.StoreAsync(cancellationToken);
            var request = new ReviewRequest(state == ReviewState.Accepted ? [id] : [], state == ReviewState.Rejected ? [id] : [], Country: country,
                Who: AuditActor.Current);
            var result = await data.WriteRegistryAsync(async r => await r.FindAsync(id, cancellationToken) is null
                ? null
                : await RegistryReviewService.ReviewAsync(store, r, async ct => (await data.FactsAsync(ct)).RiskInputs, catalogue, request, cancellationToken),
                cancellationToken);
            if (result is null)
            {
                return UnknownRecord(id);
            }
            return result.Value is { } value
                ? TypedResults.Ok(new ReviewDecision(value.Outcome.After.First(r => r.Id == id), value.Impact))
                : Problems.From(result);
        }
        catch (RegistryConflictException e)
        {
            return Problems.Conflict(e);
        }
    }


    private static NotFoundProblem UnknownRecord(string id) =>
        Problems.NotFound($"No registry record has the id '{id}'. GET /api/partners/records lists them.");
}

/// <summary>A review decision's answer: the record as it now stands, and the risk figures the decision moved.</summary>
internal sealed record ReviewDecision(RegistryRecord Record, DecisionImpact Impact);

/// <summary>A record with its audit trail.</summary>
internal sealed record RecordDetail(RegistryRecord Record, IReadOnlyList<AuditEntry> Audit);

/// <summary>An accepted commitment with its status on <c>as_of</c>.</summary>
internal sealed record FollowUpRow(RegistryRecord Record, FollowUpStatus Status, string AsOf);

/// <summary>Who works with whom in the accepted records.</summary>
internal sealed record PartnerGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>A country (ISO3) or framework id, and how many accepted records name it.</summary>
internal sealed record GraphNode(string Id, string Kind, int Records);

/// <summary>Two parties and the accepted records they share.</summary>
internal sealed record GraphEdge(string Source, string Target, IReadOnlyList<string> Records);

/// <summary>A curated registry file (as in samples/registry/*.json; described for the OpenAPI document, read by the registry's own checker,
/// which reports problems by line and column).</summary>
internal sealed record RegistryFileDocument([property: Description("Records in the registry's JSON form; each cites a source.")]
    IReadOnlyList<RegistryRecord> Records);
