using Khanij.Analytics.Risk;
using Khanij.Core.Facts;

namespace Khanij.Application.Sheets;

/// <summary>What <c>khanij mineral M</c> and <c>/api/minerals/{id}/sheet</c> ask for.</summary>
/// <param name="Mineral">Mineral id, English or Hindi name, alias or symbol.</param>
/// <param name="Perspective">Whose trade to show (ISO3 or name; default <see cref="Services.RiskService.DefaultCountry"/>, India). Its request field is <c>country</c>.</param>
/// <param name="Source">Only this source id (e.g. <c>usgs_mcs2024</c>); null = every source side by side.</param>
public sealed record MineralSheetRequest(string Mineral, string? Perspective = null, string? Source = null);

/// <summary>Everything the pack knows about one mineral, each figure with its source.</summary>
internal sealed record MineralSheet(
    string MineralId,
    string Name,
    IReadOnlyList<string> Lists,
    IReadOnlyList<string> HsCodes,
    string Perspective,
    IReadOnlyList<SheetSeries> Production,
    IReadOnlyList<SheetReserves> Reserves,
    SheetTrade Trade,
    IReadOnlyList<ExportRestriction> Restrictions,
    RecyclingInput Recycling,
    IReadOnlyList<SheetDemand> Demand,
    IReadOnlyList<ReportedFact> ReportedFacts,
    IReadOnlyList<string> Missing);

/// <summary>One production (or capacity) series: a source, stage and measure over every year it has, by place.</summary>
/// <param name="Rows">Places (ISO3, or the aggregate kind in parentheses) with a value per year (null = withheld or absent), largest first.</param>
internal sealed record SheetSeries(string Source, string Edition, string Stage, string Measure, string Unit, string Basis, IReadOnlyList<int> Years,
    IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> Files, bool HasEstimates);

/// <summary>A place's values in a series, in the order of the series' years.</summary>
internal sealed record SheetRow(string Place, bool IsCountry, IReadOnlyList<double?> Values);

/// <summary>Reserves from one source and basis.</summary>
internal sealed record SheetReserves(string Source, string Edition, string Basis, IReadOnlyList<SheetReserve> Rows, IReadOnlyList<string> Files);

/// <summary>One reserves figure (tonnes; null = withheld).</summary>
internal sealed record SheetReserve(string Place, bool IsCountry, double? Tonnes, string Line);

/// <summary>The perspective country's trade in the mineral: Trade Map imports by stage and partner in contained tonnes (latest year), and the
/// partial extracts with their coverage.</summary>
internal sealed record SheetTrade(IReadOnlyList<StageImports> Imports, IReadOnlyList<TradeExtract> Extracts, IReadOnlyList<string> Coverage);

/// <summary>A partner's share of imports.</summary>
internal sealed record SheetPartner(string Partner, double Tonnes, double Share);

/// <summary>IEA demand, total over sectors of one table, scenario and year.</summary>
internal sealed record SheetDemand(string Table, string Scenario, int Year, double Tonnes, string Source);
