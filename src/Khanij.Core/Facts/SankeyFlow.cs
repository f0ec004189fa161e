namespace Khanij.Core.Facts;

/// <summary>One edge of a material-flow Sankey (Cheng et al. 2024): material moving from one node of the chain to the next.</summary>
/// <param name="MineralId">Catalogue mineral id of the flowing material.</param>
/// <param name="Year">Data year (about 2020 for the bundled pack).</param>
/// <param name="SourceNode">Source node label as in the file, e.g. <c>China_ref</c>.</param>
/// <param name="SourceKind">Kind of the source node: <c>mine</c>, <c>ref_poss</c> (ore available for refining), <c>ref</c> (refinery
/// output), <c>cath_poss</c> (refined material available for cathodes), <c>chemistry</c> or <c>category</c> (a bookkeeping node).</param>
/// <param name="SourceIso3">Country of the source node, or null.</param>
/// <param name="SourceAggregate">Aggregate kind of the source node (e.g. <c>region</c>), or null.</param>
/// <param name="TargetNode">Target node label as in the file.</param>
/// <param name="TargetKind">Kind of the target node (as for the source).</param>
/// <param name="TargetIso3">Country of the target node, or null.</param>
/// <param name="TargetAggregate">Aggregate kind of the target node, or null.</param>
/// <param name="ValueT">Flow in tonnes of contained element (the source states no unit; see data/SOURCES.md).</param>
/// <param name="Provenance">Source row.</param>
public sealed record SankeyFlow(
    string MineralId,
    int Year,
    string SourceNode,
    string SourceKind,
    string? SourceIso3,
    string? SourceAggregate,
    string TargetNode,
    string TargetKind,
    string? TargetIso3,
    string? TargetAggregate,
    double ValueT,
    Provenance Provenance);
