using System.Data.Common;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Data;

public sealed partial class KhanijStore
{
    private const string ProvenanceColumns = "src_file, src_line, edition, orig_unit, orig_value, orig_label";

    /// <summary>Supply (production) facts, optionally filtered. <paramref name="source"/> is the dataset id: <c>usgs</c> (MCS 2026),
    /// <c>usgs2024</c>, <c>iea</c> or <c>cheng2020</c>. Aggregate rows (world totals, "other", regions) are included with a null
    /// <see cref="SupplyFact.Iso3"/>; use <see cref="SupplyFact.IsCountry"/> before computing shares.</summary>
    public Task<IReadOnlyList<SupplyFact>> GetSupplyAsync(string? mineralId = null, Stage? stage = null, int? year = null, string? source = null,
        CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT source, mineral_id, stage, iso3, aggregate_kind, year, scenario, measure, value, unit, basis, is_estimate, "
            + ProvenanceColumns + " FROM supply_facts",
            [("mineral_id", mineralId), ("stage", stage?.ToId()), ("year", year), ("source", source)],
            "source, mineral_id, stage, year, scenario NULLS FIRST, measure, aggregate_kind NULLS FIRST, value DESC NULLS LAST, iso3, src_file, src_line",
            r => new SupplyFact(r.GetString(0), r.GetString(1), ParseStage(r.GetString(2)), NullableString(r, 3), NullableString(r, 4), r.GetInt32(5),
                NullableString(r, 6), r.GetString(7), NullableDouble(r, 8), r.GetString(9), r.GetString(10), r.GetBoolean(11), ReadProvenance(r, 12)),
            cancellationToken);

    /// <summary>Reserves (and demonstrated resources where given) in tonnes. <paramref name="source"/>: <c>usgs2026</c> or <c>usgs2024</c>.</summary>
    public Task<IReadOnlyList<ReserveFigure>> GetReservesAsync(string? mineralId = null, string? source = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT source, mineral_id, iso3, aggregate_kind, reserves_t, resources_t, basis, " + ProvenanceColumns + " FROM reserves",
            [("mineral_id", mineralId), ("source", source)],
            "source, mineral_id, aggregate_kind NULLS FIRST, reserves_t DESC NULLS LAST, iso3, src_file, src_line",
            r => new ReserveFigure(r.GetString(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), NullableDouble(r, 4), NullableDouble(r, 5),
                r.GetString(6), ReadProvenance(r, 7)),
            cancellationToken);

    /// <summary>Bilateral trade quantities (ITC Trade Map), optionally for one reporter and/or one mineral. Quantities are in tonnes where
    /// the source says tons; partner aggregates (<c>world_total</c> …) have a null <see cref="TradeFlow.PartnerIso3"/>.</summary>
    public Task<IReadOnlyList<TradeFlow>> GetTradeFlowsAsync(string? reporterIso3 = null, string? mineralId = null,
        CancellationToken cancellationToken = default) =>
        QueryAsync(TradeSelect, [("f.reporter_iso3", reporterIso3), ("f.mineral_id", mineralId)], TradeOrder, ReadTradeFlow, cancellationToken);

    /// <summary>The trade flows a country takes part in, as reporter or as partner (its imports, its exports and the mirror rows of
    /// others' trade with it), optionally of one mineral; same order as <see cref="GetTradeFlowsAsync"/>. A country's import profile reads
    /// nothing else, and for India this is about a sixteenth of the table.</summary>
    public Task<IReadOnlyList<TradeFlow>> GetTradeFlowsInvolvingAsync(string iso3, string? mineralId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(iso3);
        return QueryAsync(TradeSelect + " WHERE (f.reporter_iso3 = $country OR f.partner_iso3 = $country)", [("f.mineral_id", mineralId)],
            TradeOrder, ReadTradeFlow, cancellationToken, [("country", iso3)]);
    }

    private const string TradeSelect =
        "SELECT f.hs_code, f.mineral_id, f.reporter_iso3, f.partner_iso3, f.partner_aggregate, f.flow, f.is_mirror, f.year, f.quantity, f.unit, "
        + "f.src_file, f.src_line, f.edition, f.orig_unit, f.orig_value, f.orig_label, "
        + "c.hs_code, c.mineral_id, c.stage, c.product, c.kind, c.content_factor, c.content_basis, c.factor_basis "
        + "FROM trade_flows f LEFT JOIN trade_codes c ON c.hs_code = f.hs_code";

    private const string TradeOrder =
        "f.reporter_iso3, f.mineral_id, f.hs_code, f.flow, f.year, f.partner_aggregate NULLS FIRST, f.partner_iso3, f.src_file, f.src_line";

    private static TradeFlow ReadTradeFlow(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), r.GetString(5),
            r.GetBoolean(6), r.GetInt32(7), NullableDouble(r, 8), r.GetString(9), ReadProvenance(r, 10), ReadTradeCode(r, 16));

    /// <summary>The trade-code catalogue as imported (<c>data/catalogue/hs_codes.csv</c>).</summary>
    public Task<IReadOnlyList<TradeCode>> GetTradeCodesAsync(string? mineralId = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT hs_code, mineral_id, stage, product, kind, content_factor, content_basis, factor_basis FROM trade_codes",
            [("mineral_id", mineralId)],
            "mineral_id, hs_code",
            r => ReadTradeCode(r, 0)!,
            cancellationToken);

    private static TradeCode? ReadTradeCode(DbDataReader r, int at) =>
        r.IsDBNull(at)
            ? null
            : new TradeCode(r.GetString(at), r.GetString(at + 1), ParseStage(r.GetString(at + 2)), r.GetString(at + 3),
                TradeCodeKinds.TryParse(r.GetString(at + 4), out var kind) ? kind : throw new InvalidOperationException(
                    $"Stored trade-code kind '{r.GetString(at + 4)}' is not one of {string.Join(", ", TradeCodeKinds.All)}."),
                r.GetDouble(at + 5), r.GetString(at + 6), r.GetString(at + 7));

    /// <summary>WGI estimates with their percentile rank, optionally for one indicator (<c>PV</c>, or <c>PV.EST</c>) and/or one year.
    /// The provenance is that of the estimate's row.</summary>
    public Task<IReadOnlyList<GovernanceScore>> GetGovernanceAsync(string? indicator = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var code = indicator?.Trim().ToUpperInvariant();
        if (code is not null && code.EndsWith(".EST", StringComparison.Ordinal))
        {
            code = code[..^4];
        }
        return QueryAsync(GovernanceSelect, [("e.indicator", code), ("e.year", year)], GovernanceOrder, ReadGovernance, cancellationToken);
    }

    /// <summary>The WGI estimates of <paramref name="indicators"/> (codes such as <c>PV</c>, any case) for one year: <paramref name="year"/>, or
    /// when null the latest year any of them has. Same rows, order and provenance as <see cref="GetGovernanceAsync(string?, int?, CancellationToken)"/>
    /// gives for those indicators and that year: a governance score reads nothing else, and for the six dimensions this is one year in
    /// thirty of the table.</summary>
    public Task<IReadOnlyList<GovernanceScore>> GetGovernanceOfYearAsync(IReadOnlyCollection<string> indicators, int? year,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var codes = indicators.Select(i => i.Trim().ToUpperInvariant()).Select(c => c.EndsWith(".EST", StringComparison.Ordinal) ? c[..^4] : c)
            .Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<GovernanceScore>>([]);
        }
        var parameters = new List<(string Name, object? Value)>();
        var names = new List<string>();
        foreach (var code in codes)
        {
            var name = "i" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names.Add("$" + name);
            parameters.Add((name, code));
        }
        var list = string.Join(", ", names);
        string yearCondition;
        if (year is { } y)
        {
            yearCondition = "e.year = $year";
            parameters.Add(("year", y));
        }
        else
        {
            yearCondition = $"e.year = (SELECT max(year) FROM governance WHERE measure = 'EST' AND upper(indicator) IN ({list}))";
        }
        return QueryAsync(
            GovernanceSelect + $" AND upper(e.indicator) IN ({list}) AND {yearCondition}",
            [],
            GovernanceOrder,
            ReadGovernance,
            cancellationToken,
            parameters);
    }

    /// <summary>Every year with a WGI estimate of any indicator, ascending.</summary>
    public Task<IReadOnlyList<int>> GetGovernanceYearsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT DISTINCT year FROM governance WHERE measure = 'EST'", [], "year", r => r.GetInt32(0), cancellationToken);

    private const string GovernanceSelect =
        "SELECT e.iso3, e.indicator, e.year, e.value, p.value, e.src_file, e.src_line, e.edition, e.orig_unit, e.orig_value, e.orig_label "
        + "FROM governance e LEFT JOIN governance p ON p.iso3 = e.iso3 AND p.indicator = e.indicator AND p.year = e.year AND p.measure = 'PER.RNK' "
        + "WHERE e.measure = 'EST'";

    private const string GovernanceOrder = "e.iso3, e.indicator, e.year, e.src_file, e.src_line";

    private static GovernanceScore ReadGovernance(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDouble(3), NullableDouble(r, 4), ReadProvenance(r, 5));

    /// <summary>The curated export-restriction register, optionally for one restricting country.</summary>
    public Task<IReadOnlyList<ExportRestriction>> GetRestrictionsAsync(string? iso3 = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, iso3, measure, minerals, scope, target, announced, effective, ended, status, confidence, notes, " + ProvenanceColumns
            + ", stages, products, scope_note FROM export_restrictions",
            [("iso3", iso3)],
            "src_line, src_file",
            r => new ExportRestriction(r.GetString(0), r.GetString(1), r.GetString(2),
                r.GetString(3).Split(';', StringSplitOptions.RemoveEmptyEntries), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
                r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), ReadProvenance(r, 12))
            {
                Stages = [.. r.GetString(18).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(ParseStage)],
                Products = r.GetString(19).Split(';', StringSplitOptions.RemoveEmptyEntries),
                ScopeNote = r.GetString(20),
            },
            cancellationToken);

    /// <summary>BatPaC mineral intensities (kg per kWh of pack), optionally for one chemistry label (e.g. <c>NMC 811</c>).</summary>
    public Task<IReadOnlyList<BatteryIntensity>> GetBatteryIntensitiesAsync(string? chemistry = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT mineral_id, chemistry, kg_per_kwh, " + ProvenanceColumns + " FROM battery_intensities",
            [("chemistry", chemistry)],
            "src_line, src_file",
            r => new BatteryIntensity(r.GetString(0), r.GetString(1), r.GetDouble(2), ReadProvenance(r, 3)),
            cancellationToken);

    /// <summary>IEA demand figures in tonnes, optionally for one mineral id and/or scenario (<c>Historical</c>, <c>STEPS</c>, <c>APS</c>, <c>NZE</c>).</summary>
    public Task<IReadOnlyList<DemandFigure>> GetDemandAsync(string? mineralId = null, string? scenario = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT table_name, mineral_id, sector, scenario, year, value_t, " + ProvenanceColumns + " FROM demand",
            [("mineral_id", mineralId), ("scenario", scenario)],
            "src_line, src_file",
            r => new DemandFigure(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetDouble(5), ReadProvenance(r, 6)),
            cancellationToken);

    /// <summary>Material-flow Sankey edges (Cheng et al.), optionally for one mineral.</summary>
    public Task<IReadOnlyList<SankeyFlow>> GetSankeyFlowsAsync(string? mineralId = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT mineral_id, year, source_node, source_kind, source_iso3, source_aggregate, target_node, target_kind, target_iso3, "
            + "target_aggregate, value_t, " + ProvenanceColumns + " FROM sankey_flows",
            [("mineral_id", mineralId)],
            "mineral_id, src_line, src_file",
            r => new SankeyFlow(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), NullableString(r, 4), NullableString(r, 5),
                r.GetString(6), r.GetString(7), NullableString(r, 8), NullableString(r, 9), r.GetDouble(10), ReadProvenance(r, 11)),
            cancellationToken);

    /// <summary>Concentration figures as published (the IEA's top-3 shares), optionally for one mineral; for checking computed shares.</summary>
    public Task<IReadOnlyList<PublishedShare>> GetPublishedSharesAsync(string? mineralId = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT source, mineral_id, stage, year, scenario, measure, value, " + ProvenanceColumns + " FROM published_shares",
            [("mineral_id", mineralId)],
            "source, mineral_id, stage, year, src_file, src_line",
            r => new PublishedShare(r.GetString(0), r.GetString(1), ParseStage(r.GetString(2)), r.GetInt32(3), NullableString(r, 4), r.GetString(5),
                r.GetDouble(6), ReadProvenance(r, 7)),
            cancellationToken);

    /// <summary>Trade figures from partial extracts in publishers' layouts (the pack's UN Comtrade extract, added Comtrade or BACI files),
    /// optionally for one source, reporter and/or mineral. Each carries the extract's coverage statement.</summary>
    public Task<IReadOnlyList<TradeExtract>> GetTradeExtractsAsync(string? source = null, string? reporterIso3 = null, string? mineralId = null,
        CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT source, hs_code, mineral_id, reporter_iso3, partner_iso3, partner_aggregate, flow, year, quantity_t, value_usd, coverage, "
            + ProvenanceColumns + " FROM trade_extracts",
            [("source", source), ("reporter_iso3", reporterIso3), ("mineral_id", mineralId)],
            "source, reporter_iso3, mineral_id, hs_code, flow, year, partner_aggregate NULLS FIRST, partner_iso3, src_file, src_line",
            r => new TradeExtract(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableString(r, 4), NullableString(r, 5),
                r.GetString(6), r.GetInt32(7), NullableDouble(r, 8), NullableDouble(r, 9), r.GetString(10), ReadProvenance(r, 11)),
            cancellationToken);

    /// <summary>UNEP (2011) recycling estimates, optionally for one mineral id.</summary>
    public Task<IReadOnlyList<RecyclingRate>> GetRecyclingRatesAsync(string? mineralId = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT element_symbol, element, mineral_id, indicator, entry_as_printed, value_low, value_high, qualifier, estimate_source, "
            + ProvenanceColumns + " FROM recycling_rates",
            [("mineral_id", mineralId)],
            "src_line, src_file",
            r => new RecyclingRate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), NullableDouble(r, 5),
                NullableDouble(r, 6), r.GetString(7), r.GetString(8), ReadProvenance(r, 9)),
            cancellationToken);

    /// <summary>India's curated reported facts (NCMM, import dependence, reported imports), optionally for one topic.</summary>
    public Task<IReadOnlyList<ReportedFact>> GetReportedFactsAsync(string? topic = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT topic, item, mineral_id, mineral_label, value, unit, period, source_publisher, source_url, confidence, notes, "
            + ProvenanceColumns + " FROM reported_facts",
            [("topic", topic)],
            "src_line, src_file",
            r => new ReportedFact(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), ReadProvenance(r, 11)),
            cancellationToken);

    /// <summary>Every source id and edition per fact table, with its file, row count, minerals and years: what <c>--source</c> and
    /// <c>--edition</c> choose between.</summary>
    public async Task<IReadOnlyList<StoreDataset>> GetDatasetsAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT source, edition, 'supply_facts' AS tbl, src_file, count(*), string_agg(DISTINCT mineral_id, ';' ORDER BY mineral_id),
                   min(year) || '-' || max(year) FROM supply_facts GROUP BY source, edition, src_file
            UNION ALL SELECT source, edition, 'reserves', src_file, count(*), string_agg(DISTINCT mineral_id, ';' ORDER BY mineral_id), NULL
                   FROM reserves GROUP BY source, edition, src_file
            UNION ALL SELECT source, edition, 'trade_extracts', src_file, count(*), string_agg(DISTINCT mineral_id, ';' ORDER BY mineral_id),
                   min(year) || '-' || max(year) FROM trade_extracts GROUP BY source, edition, src_file
            UNION ALL SELECT 'trademap', edition, 'trade_flows', src_file, count(*), string_agg(DISTINCT mineral_id, ';' ORDER BY mineral_id),
                   min(year) || '-' || max(year) FROM trade_flows GROUP BY edition, src_file
            ORDER BY 1, 2, 3, 4
            """;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoreDataset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoreDataset(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetString(5).Split(';'), NullableString(reader, 6)));
        }
        return rows;
    }

    /// <summary>The files of the pack as imported, with edition, licence and row counts.</summary>
    public Task<IReadOnlyList<StoreSource>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT file, dataset, publisher, edition, licence, tables, file_rows, imported_rows, excluded_rows, exclusions, sha256 FROM sources",
            [],
            "file",
            r => new StoreSource(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
                r.GetInt32(7), r.GetInt32(8), r.GetString(9), r.GetString(10)),
            cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string select, IReadOnlyList<(string Column, object? Value)> filters, string orderBy,
        Func<DbDataReader, T> map, CancellationToken cancellationToken, IReadOnlyList<(string Name, object? Value)>? selectParameters = null)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>(selectParameters ?? []);
        foreach (var (column, value) in filters)
        {
            if (value is null)
            {
                continue;
            }
            var name = "p" + conditions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            conditions.Add($"{column} = ${name}");
            parameters.Add((name, value));
        }
        var joiner = select.Contains(" WHERE ", StringComparison.Ordinal) ? " AND " : " WHERE ";
        await using var command = connection.Command(
            select + (conditions.Count > 0 ? joiner + string.Join(" AND ", conditions) : "") + " ORDER BY " + orderBy, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static Provenance ReadProvenance(DbDataReader r, int first) =>
        new(r.GetString(first), r.GetInt32(first + 1), r.GetString(first + 2), r.GetString(first + 3), r.GetString(first + 4), r.GetString(first + 5));

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static Stage ParseStage(string id) =>
        StageNames.TryParse(id, out var stage) ? stage : throw new InvalidOperationException($"The store holds an unknown stage '{id}'.");
}
