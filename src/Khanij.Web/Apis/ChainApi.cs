using System.ComponentModel;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/minerals/{id}/chain</c>: the stage-by-stage material flow (mine → refinery → cathode) where the data pack has it.</summary>
internal static class ChainApi
{
    public static IEndpointRouteBuilder MapChainApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/minerals/{id}").WithTags("Supply")
            .MapGet("/chain", GetChain).WithName("GetChain")
            .WithSummary("Material flows of a mineral from mines through refineries to cathode materials (Sankey nodes and links), where data exists");
        return app;
    }

    public static async Task<Results<Ok<ChainDto>, NotFoundProblem>> GetChain(
        [Description("Mineral id or name; the data pack has chains for lithium, nickel, cobalt, manganese and phosphorus.")] string id,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken)
    {
        if (SupplyApi.Resolve(catalogue, id) is not { } mineral)
        {
            return SupplyApi.UnknownMineral(catalogue, id);
        }
        var facts = await data.FactsAsync(cancellationToken);
        var withData = facts.Sankey.Select(f => f.MineralId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var flows = facts.Sankey.Where(f => f.MineralId == mineral.Id && f.ValueT > 0).ToList();
        var nodes = new Dictionary<string, ChainNode>(StringComparer.Ordinal);
        foreach (var f in flows)
        {
            nodes.TryAdd(f.SourceNode, new ChainNode(f.SourceNode, f.SourceKind, f.SourceIso3, f.SourceAggregate, Depth(f.SourceKind)));
            nodes.TryAdd(f.TargetNode, new ChainNode(f.TargetNode, f.TargetKind, f.TargetIso3, f.TargetAggregate, Depth(f.TargetKind)));
        }
        var links = flows.Select(f => new ChainLink(f.SourceNode, f.TargetNode, f.ValueT, f.Provenance.Line)).ToList();
        var sources = flows.Select(f => $"{f.Provenance.SourceFile} ({f.Provenance.Edition})").Distinct(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ChainDto(mineral.Id, flows.Select(f => (int?)f.Year).Max(), "t contained element", [.. nodes.Values], links,
            sources, withData));
    }

    // Column of a node in the Sankey: mine, ore available to refiners, refinery output, refined material available to cathode makers, products.
    private static int Depth(string kind) => kind switch
    {
        "mine" => 0,
        "ref_poss" => 1,
        "ref" => 2,
        "cath_poss" => 3,
        _ => 4,
    };
}

/// <summary>A node of the material-flow chain: <c>kind</c> is mine, ref_poss, ref, cath_poss, chemistry or category; <c>depth</c> its column.</summary>
internal sealed record ChainNode(string Name, string Kind, string? Iso3, string? Aggregate, int Depth);

/// <summary>A flow between two nodes in tonnes of contained element, with its line in the source file.</summary>
internal sealed record ChainLink(string Source, string Target, double Value, int SourceLine);

/// <summary>The chain of one mineral; empty when the data pack has none for it (see <c>minerals_with_data</c>).</summary>
internal sealed record ChainDto(string MineralId, int? Year, string Unit, IReadOnlyList<ChainNode> Nodes, IReadOnlyList<ChainLink> Links,
    IReadOnlyList<string> Sources, IReadOnlyList<string> MineralsWithData);
