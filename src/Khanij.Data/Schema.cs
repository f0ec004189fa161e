namespace Khanij.Data;

/// <summary>The store's tables. Every fact table ends with the provenance columns (<see cref="Provenance"/>).</summary>
internal static class Schema
{
    /// <summary>Bump when a table below changes shape; an older store is rebuilt from the data pack on open.</summary>
    public const int Version = 5;

    public const string Provenance = "src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL, edition VARCHAR NOT NULL, "
        + "orig_unit VARCHAR NOT NULL, orig_value VARCHAR NOT NULL, orig_label VARCHAR NOT NULL";

    /// <summary>Tables this project owns, in creation order, with their columns. Other components add tables of their own
    /// through <see cref="KhanijStore.OpenConnectionAsync"/>; those are never touched by an import.</summary>
    public static IReadOnlyList<(string Name, string Columns)> Tables { get; } =
    [
        ("minerals", "id VARCHAR NOT NULL, name_en VARCHAR NOT NULL, symbols VARCHAR NOT NULL, names_hi VARCHAR NOT NULL, "
            + "aliases_en VARCHAR NOT NULL, hs_codes VARCHAR NOT NULL, india_2023 BOOLEAN NOT NULL, eu_2023 BOOLEAN NOT NULL, "
            + "us_2022 BOOLEAN NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("mineral_hs_codes", "hs_code VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("trade_codes", "hs_code VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, product VARCHAR NOT NULL, "
            + "kind VARCHAR NOT NULL, content_factor DOUBLE NOT NULL, content_basis VARCHAR NOT NULL, factor_basis VARCHAR NOT NULL, "
            + "src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("countries", "iso3 VARCHAR NOT NULL, iso2 VARCHAR NOT NULL, numeric VARCHAR NOT NULL, name_en VARCHAR NOT NULL, "
            + "official_name_en VARCHAR NOT NULL, common_name_en VARCHAR NOT NULL, name_hi_isocodes VARCHAR NOT NULL, "
            + "name_hi_cldr VARCHAR NOT NULL, name_hi_cldr_alt_short VARCHAR NOT NULL, name_hi_cldr_alt_variant VARCHAR NOT NULL, "
            + "src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("country_names", "iso3 VARCHAR NOT NULL, name VARCHAR NOT NULL, lang VARCHAR NOT NULL, kind VARCHAR NOT NULL, "
            + "source VARCHAR NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("aggregate_spellings", "spelling VARCHAR NOT NULL, kind VARCHAR NOT NULL, source VARCHAR NOT NULL, "
            + "src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("cldr_territories", "code VARCHAR NOT NULL, variant VARCHAR NOT NULL, name_hi VARCHAR NOT NULL, iso3 VARCHAR, "
            + "src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("frameworks", "id VARCHAR NOT NULL, name_en VARCHAR NOT NULL, names_hi VARCHAR NOT NULL, aliases_en VARCHAR NOT NULL, "
            + "founded VARCHAR NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("framework_members", "framework_id VARCHAR NOT NULL, iso3 VARCHAR NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("criticality_lists", "mineral_id VARCHAR NOT NULL, india_2023 BOOLEAN NOT NULL, eu_2023 BOOLEAN NOT NULL, "
            + "us_2022 BOOLEAN NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("supply_facts", "source VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, iso3 VARCHAR, "
            + "aggregate_kind VARCHAR, year INTEGER NOT NULL, scenario VARCHAR, measure VARCHAR NOT NULL, value DOUBLE, "
            + "unit VARCHAR NOT NULL, basis VARCHAR NOT NULL, is_estimate BOOLEAN NOT NULL, " + Provenance),
        ("published_shares", "source VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, year INTEGER NOT NULL, "
            + "scenario VARCHAR, measure VARCHAR NOT NULL, value DOUBLE NOT NULL, " + Provenance),
        ("reserves", "source VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, iso3 VARCHAR, aggregate_kind VARCHAR, "
            + "reserves_t DOUBLE, resources_t DOUBLE, basis VARCHAR NOT NULL, " + Provenance),
        ("trade_flows", "hs_code VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, reporter_iso3 VARCHAR NOT NULL, partner_iso3 VARCHAR, "
            + "partner_aggregate VARCHAR, flow VARCHAR NOT NULL, is_mirror BOOLEAN NOT NULL, year INTEGER NOT NULL, quantity DOUBLE, "
            + "unit VARCHAR NOT NULL, quantity_flag VARCHAR NOT NULL, " + Provenance),
        ("governance", "iso3 VARCHAR NOT NULL, indicator VARCHAR NOT NULL, measure VARCHAR NOT NULL, year INTEGER NOT NULL, "
            + "value DOUBLE NOT NULL, " + Provenance),
        ("export_restrictions", "id VARCHAR NOT NULL, iso3 VARCHAR NOT NULL, measure VARCHAR NOT NULL, minerals VARCHAR NOT NULL, "
            + "scope VARCHAR NOT NULL, target VARCHAR NOT NULL, announced VARCHAR NOT NULL, effective VARCHAR NOT NULL, "
            + "ended VARCHAR NOT NULL, status VARCHAR NOT NULL, confidence VARCHAR NOT NULL, notes VARCHAR NOT NULL, "
            + "stages VARCHAR NOT NULL, products VARCHAR NOT NULL, scope_note VARCHAR NOT NULL, scope_hi VARCHAR NOT NULL, " + Provenance),
        ("export_restriction_minerals", "restriction_id VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, label VARCHAR NOT NULL"),
        ("restriction_scopes", "restriction_id VARCHAR NOT NULL, stages VARCHAR NOT NULL, products VARCHAR NOT NULL, note VARCHAR NOT NULL, "
            + "scope_hi VARCHAR NOT NULL, src_file VARCHAR NOT NULL, src_line INTEGER NOT NULL"),
        ("battery_intensities", "mineral_id VARCHAR NOT NULL, chemistry VARCHAR NOT NULL, kg_per_kwh DOUBLE NOT NULL, " + Provenance),
        ("demand", "table_name VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, sector VARCHAR NOT NULL, scenario VARCHAR NOT NULL, "
            + "year INTEGER NOT NULL, value_t DOUBLE NOT NULL, " + Provenance),
        ("sankey_flows", "mineral_id VARCHAR NOT NULL, year INTEGER NOT NULL, source_node VARCHAR NOT NULL, source_kind VARCHAR NOT NULL, "
            + "source_iso3 VARCHAR, source_aggregate VARCHAR, target_node VARCHAR NOT NULL, target_kind VARCHAR NOT NULL, "
            + "target_iso3 VARCHAR, target_aggregate VARCHAR, value_t DOUBLE NOT NULL, " + Provenance),
        ("lithium_deposits", "deposit_id INTEGER NOT NULL, name VARCHAR NOT NULL, iso3 VARCHAR NOT NULL, resource_type VARCHAR NOT NULL, "
            + "latitude DOUBLE, longitude DOUBLE, status VARCHAR NOT NULL, reserve_kt DOUBLE, resource_demonstrated_kt DOUBLE, "
            + "resource_inferred_kt DOUBLE, all_resource_kt DOUBLE, prod_rate_2022_kt DOUBLE, prod_rate_2023_kt DOUBLE, "
            + "prod_rate_2025_kt DOUBLE, prod_rate_2030_kt DOUBLE, max_prod_rate_kt DOUBLE, cost1_usd_per_t DOUBLE, "
            + "cost2_usd_per_t DOUBLE, cost3_usd_per_t DOUBLE, cost_source VARCHAR NOT NULL, corporate_tax_rate DOUBLE, "
            + "edb DOUBLE, wgi DOUBLE, " + Provenance),
        ("import_warnings", "kind VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, message VARCHAR NOT NULL"),
        ("trade_extracts", "source VARCHAR NOT NULL, hs_code VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, reporter_iso3 VARCHAR NOT NULL, "
            + "partner_iso3 VARCHAR, partner_aggregate VARCHAR, flow VARCHAR NOT NULL, year INTEGER NOT NULL, quantity_t DOUBLE, value_usd DOUBLE, "
            + "coverage VARCHAR NOT NULL, " + Provenance),
        ("recycling_rates", "element_symbol VARCHAR NOT NULL, element VARCHAR NOT NULL, mineral_id VARCHAR NOT NULL, indicator VARCHAR NOT NULL, "
            + "entry_as_printed VARCHAR NOT NULL, value_low DOUBLE, value_high DOUBLE, qualifier VARCHAR NOT NULL, estimate_source VARCHAR NOT NULL, "
            + "unep_table VARCHAR NOT NULL, unep_page VARCHAR NOT NULL, " + Provenance),
        ("reported_facts", "topic VARCHAR NOT NULL, item VARCHAR NOT NULL, mineral_id VARCHAR, mineral_label VARCHAR NOT NULL, value VARCHAR NOT NULL, "
            + "unit VARCHAR NOT NULL, period VARCHAR NOT NULL, qualifier VARCHAR NOT NULL, source_publisher VARCHAR NOT NULL, source_url VARCHAR NOT NULL, "
            + "source_type VARCHAR NOT NULL, confidence VARCHAR NOT NULL, notes VARCHAR NOT NULL, item_hi VARCHAR NOT NULL, unit_hi VARCHAR NOT NULL, "
            + "period_hi VARCHAR NOT NULL, " + Provenance),
        ("sources", "file VARCHAR NOT NULL, dataset VARCHAR NOT NULL, publisher VARCHAR NOT NULL, edition VARCHAR NOT NULL, "
            + "licence VARCHAR NOT NULL, tables VARCHAR NOT NULL, file_rows INTEGER NOT NULL, imported_rows INTEGER NOT NULL, "
            + "excluded_rows INTEGER NOT NULL, exclusions VARCHAR NOT NULL, sha256 VARCHAR NOT NULL"),
    ];

    /// <summary>Key/value facts about the store itself: schema version, when and from where it was imported.</summary>
    public const string InfoTable = "khanij_store_info";

    public static IEnumerable<string> CreateStatements()
    {
        yield return $"CREATE TABLE IF NOT EXISTS {InfoTable} (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)";
        foreach (var (name, columns) in Tables)
        {
            yield return $"CREATE TABLE IF NOT EXISTS {name} ({columns})";
        }
    }

    public static int ColumnCount(string table) =>
        Tables.Single(t => t.Name == table).Columns.Split(',').Length;
}
