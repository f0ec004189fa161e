using System.Globalization;
using System.Text.RegularExpressions;
using Khanij.Core;
using Khanij.Core.Text;

namespace Khanij.Data.Import;

internal sealed partial class PackReader
{
    public const string IeaDemand = "iea_cmo2025_demand.csv";
    public const string TradeMap = "cheng2024_trademap_bilateral_quantities.csv";
    public const string WgiLong = "wgi_estimates_percentiles_long.csv";
    public const string WgiWide = "wgi_2023update_WGIData_wide.csv";
    public const string Restrictions = "export_restrictions_curated.csv";
    public const string RestrictionScope = "catalogue/restriction_scope.csv";
    public const string BatPac = "battery_mineral_intensity_kg_per_kwh_batpac.csv";
    public const string Deposits = "lithium_deposits_busch2024.csv";

    public static IReadOnlyList<(string File, string MineralId)> Sankeys { get; } =
    [
        ("cheng2024_sankey_cobalt.csv", "cobalt"), ("cheng2024_sankey_lithium.csv", "lithium"), ("cheng2024_sankey_manganese.csv", "manganese"),
        ("cheng2024_sankey_nickel.csv", "nickel"), ("cheng2024_sankey_phosphorus.csv", "phosphorus_phosphate"),
    ];

    private const string TradeEdition = "ITC Trade Map (bilateral quantities as downloaded by Cheng et al. 2024)";
    private const string WgiEdition = "World Bank Worldwide Governance Indicators, 2023 update";
    private const string RestrictionsEdition = "Khanij curated export-restriction register (status as of 2025-11)";
    private const string BatPacEdition = "Argonne BatPaC 5.1 / SolidPac (compiled by P. Busch, Critical-Minerals-EV)";
    private const string DepositsEdition = "Busch et al. 2024 lithium deposit database (Critical-Minerals-EV)";

    public const string FractionSector = "Share of clean technologies (fraction)";
    public const string BatteryBookkeeping = "Battery_MWh";

    private static readonly string[] Chemistries = ["NCM", "NCA", "LCO", "LFP", "LMO"];
    private static readonly string[] Indicators = ["CC", "GE", "PV", "RL", "RQ", "VA"];
    private static readonly Regex SankeyNode = new("^(?<place>.+)_(?<kind>mine|ref_poss|ref|cath_poss)$", RegexOptions.CultureInvariant);
    private static readonly Regex DateText = new("^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$", RegexOptions.CultureInvariant);

    private void ReadIeaDemand()
    {
        var t = Open(IeaDemand, "table", "mineral", "sector_or_technology", "scenario", "year", "value_kt");
        if (t is null)
        {
            return;
        }
        var byIdOrName = _catalogue?.Minerals.SelectMany(m => new[] { (TextNormalizer.Key(m.Id), m.Id), (TextNormalizer.Key(m.NameEn), m.Id) })
            .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal) ?? [];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int imported = 0, excluded = 0;
        foreach (var row in t.Rows)
        {
            var table = t.OneOf(row, "table", "total_demand", "cleantech_demand_by_mineral", "cleantech_demand_by_tech", "demand_by_technology_base_case");
            var label = t.Required(row, "mineral", "an IEA mineral label");
            var sector = t.Required(row, "sector_or_technology", "a sector or technology");
            var scenario = t.OneOf(row, "scenario", "Historical", "STEPS", "APS", "NZE");
            var year = t.Integer(row, "year", 2000, 2100);
            var raw = t.Text(row, "value_kt");
            var value = t.Number(row, "value_kt", allowEmpty: false);
            if (table is null || scenario is null || year is null || value is null)
            {
                continue;
            }
            if (!Unique(seen, t, row, "mineral", "table/mineral/sector/scenario/year", table, label, sector, scenario,
                year.Value.ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }
            if (sector == FractionSector)
            {
                excluded++;
                continue;
            }
            // Only exact id or English-name matches: the catalogue's aliases fold single rare earths (neodymium …) into rare_earths,
            // which would double-count demand. Labels outside the catalogue keep a slug of the IEA label.
            var mineral = IeaMinerals.GetValueOrDefault(label) ?? byIdOrName.GetValueOrDefault(TextNormalizer.Key(label)) ?? Slug(label);
            _data.Add("demand", [table, mineral, sector, scenario, year, Units.Scale(value.Value, 1000), .. Prov(t, row, IeaEdition, "kt", raw, label)]);
            imported++;
        }
        Register(t, "iea", "International Energy Agency", IeaEdition,
            "CC BY 4.0 as labelled by the converter; IEA terms may restrict derived products (see SOURCES.md)", "demand", imported, excluded,
            $"rows with sector '{FractionSector}' (a ratio of the other rows, not a quantity)");
    }

    private void ReadSankeys()
    {
        foreach (var (file, mineral) in Sankeys)
        {
            var t = Open(file, "Source", "Target", "Value");
            if (t is null)
            {
                continue;
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in t.Rows)
            {
                var source = t.Required(row, "Source", "a node name");
                var target = t.Required(row, "Target", "a node name");
                var from = Node(t, row, "Source", source);
                var to = Node(t, row, "Target", target);
                var value = t.Number(row, "Value", allowEmpty: false);
                if (from is null || to is null || value is null || !Unique(seen, t, row, "Source", "edge", source, target))
                {
                    continue;
                }
                _data.Add("sankey_flows", [mineral, 2020, source, from.Value.Kind, from.Value.Place?.Iso3, from.Value.Place?.AggregateKind,
                    target, to.Value.Kind, to.Value.Place?.Iso3, to.Value.Place?.AggregateKind, value,
                    .. Prov(t, row, ChengEdition, "unstated (tonnes of contained element, about 2020)", t.Text(row, "Value"), $"{source} -> {target}")]);
            }
            Register(t, "cheng2020", "Cheng et al. (2024), Nature Communications", ChengEdition, "MIT", "sankey_flows", t.Rows.Count);
        }
    }

    /// <summary>A Sankey node: <c>place_kind</c> (mine, ref_poss, ref, cath_poss) with the place resolved, a cathode chemistry, or a
    /// bookkeeping category of the source (e.g. unaccounted trade).</summary>
    private (string Kind, Place? Place)? Node(SourceTable t, CsvRow row, string column, string node)
    {
        var m = SankeyNode.Match(node);
        if (m.Success)
        {
            var place = _places.Resolve(t, row, column, m.Groups["place"].Value);
            return place is null ? null : (m.Groups["kind"].Value, place);
        }
        if (Chemistries.Contains(node))
        {
            return ("chemistry", null);
        }
        if (_places.Resolve(node) is { } bare)
        {
            t.Error(row, column, $"node '{node}' names {(bare.IsCountry ? bare.Iso3 : bare.AggregateKind)} without a step; expected "
                + "<place>_mine, _ref_poss, _ref or _cath_poss, a cathode chemistry, or a bookkeeping label.");
            return null;
        }
        return ("category", null);
    }

    private void ReadTrade()
    {
        var t = Open(TradeMap, "hs_code", "hs_label_in_source", "reporter", "mirror_data", "reporter_flow", "partner", "year", "quantity", "unit", "quantity_flag");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var flows = new Dictionary<string, (int Line, string Quantity, string Flag)>(StringComparer.Ordinal);
        var cache = new Dictionary<string, Place?>(StringComparer.Ordinal);
        int imported = 0, excluded = 0, repeated = 0;
        foreach (var row in t.Rows)
        {
            var hs = t.Text(row, "hs_code");
            if (!_hsToMineral.TryGetValue(hs, out var mineral))
            {
                t.Error(row, "hs_code", $"HS code '{hs}' belongs to no mineral; expected a code listed in {HsCodes}.");
                continue;
            }
            var reporter = t.Text(row, "reporter");
            var partner = t.Text(row, "partner");
            var reporterPlace = CachedPlace(cache, t, row, "reporter", reporter);
            var partnerPlace = CachedPlace(cache, t, row, "partner", partner);
            if (reporterPlace is { AggregateKind: "not_specified" })
            {
                // ITC mirror files for an unspecified area ("Area Nes"): the reporter is no country, so the flow has no owner.
                excluded++;
                continue;
            }
            if (reporterPlace is { IsCountry: false })
            {
                t.Error(row, "reporter", $"reporter '{reporter}' is an aggregate ({reporterPlace.Value.AggregateKind}); expected a country.");
                continue;
            }
            var mirror = t.OneOf(row, "mirror_data", "0", "1");
            var flow = t.OneOf(row, "reporter_flow", "import", "export");
            var year = t.Integer(row, "year", 1990, 2100);
            var unitText = t.OneOf(row, "unit", "Tons", "Mixed", "");
            var flag = t.Text(row, "quantity_flag");
            var quantity = t.Number(row, "quantity");
            if (quantity is null && t.Text(row, "quantity").Length == 0 && flag.Length == 0)
            {
                t.Error(row, "quantity", "'quantity' is empty and there is no quantity_flag; expected a quantity or a flag saying why there is none.");
                continue;
            }
            if (reporterPlace is null || partnerPlace is null || mirror is null || flow is null || year is null || unitText is null)
            {
                continue;
            }
            if (!Unique(seen, t, row, "partner", "flow (hs/reporter/mirror/direction/partner/year)", hs, reporter, mirror, flow, partner,
                year.Value.ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }
            // ITC lists a few reporters under two spellings ("Zambia" and "Zambia (1)") with the same figures: one flow, stored once.
            var flowKey = string.Join(" | ", hs, reporterPlace.Value.Iso3, mirror, flow, partnerPlace.Value.Iso3 ?? partner,
                year.Value.ToString(CultureInfo.InvariantCulture));
            var quantityText = t.Text(row, "quantity");
            if (flows.TryGetValue(flowKey, out var first))
            {
                if (first.Quantity != quantityText || first.Flag != flag)
                {
                    t.Error(row, "quantity", $"the flow ({flowKey}) is already on line {first.Line} under another spelling with quantity "
                        + $"'{first.Quantity}{first.Flag}'; here '{quantityText}{flag}'. Expected one figure per flow.");
                    continue;
                }
                repeated++;
                continue;
            }
            flows[flowKey] = (row.Line, quantityText, flag);
            var unit = unitText switch { "Tons" => "t", "Mixed" => "mixed", _ => "unspecified" };
            _data.Add("trade_flows", [hs, mineral, reporterPlace.Value.Iso3, partnerPlace.Value.Iso3, partnerPlace.Value.AggregateKind, flow, mirror == "1",
                year, quantity, unit, flag, .. Prov(t, row, TradeEdition, unitText, quantity is null ? flag : t.Text(row, "quantity"), $"{reporter} / {partner}")]);
            imported++;
        }
        Register(t, "trademap", "International Trade Centre, Trade Map (from UN Comtrade); downloaded by Cheng et al.", TradeEdition,
            "ITC terms of use (may restrict redistribution); repository MIT", "trade_flows", imported, excluded + repeated,
            string.Join("; ", new[]
            {
                excluded == 0 ? "" : $"{excluded} rows whose reporter is an unspecified area (e.g. 'Area Nes' mirror data), not a country",
                repeated == 0 ? "" : $"{repeated} rows repeating a flow already listed under another spelling of its reporter (e.g. 'Zambia (1)')",
            }.Where(x => x.Length > 0)));
    }

    private Place? CachedPlace(Dictionary<string, Place?> cache, SourceTable t, CsvRow row, string column, string spelling)
    {
        if (cache.TryGetValue(spelling, out var known) && known is not null)
        {
            return known;
        }
        var place = _places.Resolve(t, row, column, spelling);
        cache[spelling] = place;
        return place;
    }

    private void ReadWgiLong()
    {
        var t = Open(WgiLong, "iso3", "country_name", "indicator_code", "indicator_name", "year", "value");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int imported = 0, excluded = 0;
        var excludedNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var iso3 = t.Text(row, "iso3");
            var name = t.Text(row, "country_name");
            var code = t.Text(row, "indicator_code");
            var parts = code.Split('.', 2);
            if (parts.Length != 2 || !Indicators.Contains(parts[0]) || parts[1] is not ("EST" or "PER.RNK"))
            {
                t.Error(row, "indicator_code", $"'indicator_code' is '{code}'; expected <CC|GE|PV|RL|RQ|VA>.EST or <…>.PER.RNK.");
                continue;
            }
            var year = t.Integer(row, "year", 1990, 2100);
            var value = t.Number(row, "value", allowEmpty: false, allowNegative: parts[1] == "EST");
            if (year is null || value is null)
            {
                continue;
            }
            if (parts[1] == "PER.RNK" && value > 100)
            {
                t.Error(row, "value", $"percentile rank is {t.Text(row, "value")}; expected 0 to 100.");
                continue;
            }
            if (!Unique(seen, t, row, "iso3", "country/indicator/year", iso3, code, year.Value.ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }
            if (!_places.Iso3Codes.Contains(iso3))
            {
                if (_places.Resolve(name) is { AggregateKind: "excluded_economy" })
                {
                    excluded++;
                    excludedNames.Add($"{iso3} {name}");
                    continue;
                }
                t.Error(row, "iso3", $"'{iso3}' ({name}) is not an ISO 3166-1 alpha-3 code; expected a country code, or the economy listed as "
                    + $"excluded_economy in {SourceAggregates}.");
                continue;
            }
            _data.Add("governance", [iso3, parts[0], parts[1], year, value, .. Prov(t, row, WgiEdition,
                parts[1] == "EST" ? "standard-normal units" : "percentile rank (0-100)", t.Text(row, "value"), name)]);
            imported++;
        }
        Register(t, "wgi", "World Bank (Kaufmann & Kraay)", WgiEdition, "CC BY 4.0", "governance", imported, excluded,
            excluded == 0 ? "" : $"economies without an ISO 3166-1 code: {string.Join(", ", excludedNames)}");
    }

    private void ReadWgiWide()
    {
        // Not imported: the long file holds the same EST and PER.RNK values. The wide file is checked (UTF-8, header, row width)
        // and recorded in `sources` so status shows it and its checksum.
        var t = Open(WgiWide, "Country Name", "Country Code", "Indicator Name", "Indicator Code");
        if (t is null)
        {
            return;
        }
        Register(t, "wgi", "World Bank (Kaufmann & Kraay)", WgiEdition, "CC BY 4.0", "(not imported)", 0, t.Rows.Count,
            $"not imported: {WgiLong} carries its EST and PER.RNK series; the NO.SRC, STD.ERR and rank-bound series are not used");
    }

    private readonly Dictionary<string, (int Line, string Stages, string Products, string Note, string ScopeHi)> _restrictionScopes = new(StringComparer.Ordinal);
    private SourceTable? _restrictionScopeTable;

    /// <summary>Reads <c>catalogue/restriction_scope.csv</c> (restriction id → stages, products, note, the register's scope in Hindi) before the
    /// register, so that each register row can carry its curated stages and its Hindi scope. Ids are checked against the register afterwards (<see cref="CheckRestrictionScopes"/>).</summary>
    private void ReadRestrictionScope()
    {
        var t = Open(RestrictionScope, "restriction_id", "stages", "products", "note", "scope_hi");
        _restrictionScopeTable = t;
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var id = t.Required(row, "restriction_id", "a restriction id from " + Restrictions);
            var stagesText = t.Required(row, "stages", "stage ids separated by ';' (" + string.Join(", ", StageNames.All) + ") or 'none'");
            var stages = new List<string>();
            if (stagesText != "none")
            {
                foreach (var part in SplitList(stagesText, ';'))
                {
                    if (!StageNames.TryParse(part, out var stage) || stage.ToId() != part)
                    {
                        t.Error(row, "stages", $"stage '{part}' is not a stage id; expected {string.Join(", ", StageNames.All)} separated by ';', or 'none'.");
                        continue;
                    }
                    if (stages.Contains(part))
                    {
                        t.Error(row, "stages", $"stage '{part}' is listed twice; expected each stage once.");
                        continue;
                    }
                    stages.Add(part);
                }
            }
            var products = SplitList(t.Required(row, "products", "the products covered, separated by ';'"), ';');
            var note = t.Required(row, "note", "why these stages (the reading of the announcement)");
            var scopeHi = HindiText(t, row, "scope_hi", "the register's scope in Hindi, as the Hindi dashboard shows it");
            if (id.Length == 0 || !Unique(seen, t, row, "restriction_id", "restriction id", id))
            {
                continue;
            }
            _restrictionScopes[id] = (row.Line, string.Join(";", stages), string.Join(";", products), note, scopeHi);
            _data.Add("restriction_scopes", [id, string.Join(";", stages), string.Join(";", products), note, scopeHi, t.File, row.Line]);
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "restriction_scopes, export_restrictions",
            _restrictionScopes.Count);
    }

    /// <summary>Every scope entry must name a register row.</summary>
    private void CheckRestrictionScopes(IReadOnlySet<string> registerIds)
    {
        if (_restrictionScopeTable is not { } t)
        {
            return;
        }
        foreach (var row in t.Rows)
        {
            var id = t.Text(row, "restriction_id");
            if (id.Length > 0 && !registerIds.Contains(id))
            {
                t.Error(row, "restriction_id", $"restriction id '{id}' is not in {Restrictions}; expected an id of the register.");
            }
        }
    }

    private void ReadRestrictions()
    {
        var t = Open(Restrictions, "id", "country_iso3", "measure", "minerals", "scope", "target", "announced", "effective", "ended",
            "status_2025_11", "confidence", "notes");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var registerIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var id = t.Required(row, "id", "a register id");
            var iso3 = t.Text(row, "country_iso3");
            if (!_places.Iso3Codes.Contains(iso3))
            {
                t.Error(row, "country_iso3", $"'{iso3}' is not an ISO 3166-1 alpha-3 code; expected the restricting country's code.");
            }
            var measure = t.OneOf(row, "measure", "export_ban", "export_quota", "export_licensing", "export_suspension", "destination_ban",
                "technology_export_ban");
            var confidence = t.OneOf(row, "confidence", "high", "medium", "low");
            var status = t.OneOf(row, "status_2025_11", "in_force", "ended", "suspended");
            foreach (var column in new[] { "announced", "effective", "ended" })
            {
                var date = t.Text(row, column);
                if (date.Length > 0 && !DateText.IsMatch(date))
                {
                    t.Error(row, column, $"'{column}' is '{date}'; expected YYYY-MM or YYYY-MM-DD.");
                }
            }
            var target = t.Required(row, "target", "'all' or ISO3 codes separated by ';'");
            foreach (var code in target == "all" ? [] : SplitList(target, ';'))
            {
                if (!_places.Iso3Codes.Contains(code))
                {
                    t.Error(row, "target", $"target '{code}' is not an ISO3 code; expected 'all' or ISO3 codes separated by ';'.");
                }
            }
            var labels = SplitList(t.Required(row, "minerals", "mineral ids separated by ';'"), ';');
            var ids = new List<(string Id, string Label)>();
            foreach (var label in labels)
            {
                var mineral = label == "critical_minerals" ? label : FindMineral(t, row, "minerals", label);
                if (mineral is not null && ids.All(i => i.Id != mineral))
                {
                    ids.Add((mineral, label));
                }
            }
            if (measure is null || confidence is null || status is null || !Unique(seen, t, row, "id", "restriction id", id))
            {
                continue;
            }
            registerIds.Add(id);
            if (!_restrictionScopes.TryGetValue(id, out var scope))
            {
                if (_restrictionScopeTable is not null)
                {
                    t.Error(row, "id", $"restriction '{id}' has no entry in {RestrictionScope}; expected one giving its stages and products.");
                }
                continue;
            }
            _data.Add("export_restrictions", [id, iso3, measure, string.Join(";", ids.Select(i => i.Id)), t.Text(row, "scope"), target,
                t.Text(row, "announced"), t.Text(row, "effective"), t.Text(row, "ended"), status, confidence, t.Text(row, "notes"),
                scope.Stages, scope.Products, scope.Note, scope.ScopeHi,
                .. Prov(t, row, RestrictionsEdition, "", measure, t.Text(row, "minerals"))]);
            foreach (var (mineralId, label) in ids)
            {
                _data.Add("export_restriction_minerals", [id, mineralId, label]);
            }
        }
        CheckRestrictionScopes(registerIds);
        Register(t, "restrictions", "Khanij project (compiled from public announcements: MOFCOM, Indonesia, DRC, Zimbabwe, Namibia, Malaysia)",
            RestrictionsEdition, "project data", "export_restrictions, export_restriction_minerals", t.Rows.Count);
    }

    private void ReadBatPac()
    {
        var t = Open(BatPac, "mineral", "chemistry", "kg_per_kwh");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int imported = 0, excluded = 0;
        foreach (var row in t.Rows)
        {
            var label = t.Required(row, "mineral", "a mineral or material");
            var chemistry = t.Required(row, "chemistry", "a chemistry label");
            var value = t.Number(row, "kg_per_kwh", allowEmpty: false);
            if (value is null || !Unique(seen, t, row, "chemistry", "mineral/chemistry", label, chemistry))
            {
                continue;
            }
            if (label == BatteryBookkeeping)
            {
                excluded++;
                continue;
            }
            // Materials outside the catalogue (steel, stainless steel) keep a slug of their label.
            var mineral = _catalogue?.FindMineral(label)?.Id ?? Slug(label);
            _data.Add("battery_intensities", [mineral, chemistry, value, .. Prov(t, row, BatPacEdition, "kg/kWh", t.Text(row, "kg_per_kwh"), label)]);
            imported++;
        }
        Register(t, "batpac", "Argonne National Laboratory BatPaC 5.1 / SolidPac; SIB from Zhao et al. 2023 (compiled by Pablo Busch)", BatPacEdition,
            "MIT (compilation)", "battery_intensities", imported, excluded, $"rows with mineral '{BatteryBookkeeping}' (a bookkeeping row equal to 1)");
    }

    private void ReadDeposits()
    {
        string[] numeric = ["Latitude", "Longitude", "reserve", "resource_demostrated", "resource_inferred", "all_resource", "prod_rate2022",
            "prod_rate2023", "prod_rate2025", "prod_rate2030", "max_prod_rate", "cost1", "cost2", "cost3", "Corporate_Tax_Rate", "edb", "wgi"];
        var t = Open(Deposits, ["d", "Country", "Deposit_Name", "Resource_Type", "Status", "cost_source", .. numeric]);
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] na = ["NA"];
        foreach (var row in t.Rows)
        {
            var id = t.Integer(row, "d", 0, int.MaxValue);
            var iso3 = _places.ResolveCountry(t, row, "Country");
            var values = numeric.Select(c => t.Number(row, c, allowNegative: c is "Latitude" or "Longitude" or "wgi" or "edb", nullTokens: na,
                range: c switch { "Latitude" => (-90, 90), "Longitude" => (-180, 180), "Corporate_Tax_Rate" => (0, 1), _ => null })).ToArray();
            if (id is null || iso3 is null || !Unique(seen, t, row, "d", "deposit id", id.Value.ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }
            _data.Add("lithium_deposits", [id, t.Required(row, "Deposit_Name", "a deposit name"), iso3, t.Text(row, "Resource_Type"),
                .. values[..2].Cast<object?>(), t.Text(row, "Status"), .. values[2..14].Cast<object?>(), t.Text(row, "cost_source"),
                .. values[14..].Cast<object?>(), .. Prov(t, row, DepositsEdition, "kt Li; USD per t Li (inferred, see SOURCES.md)", t.Text(row, "reserve"),
                    t.Text(row, "Deposit_Name"))]);
        }
        Register(t, "deposits", "Busch et al. (2024), replication data", DepositsEdition, "MIT", "lithium_deposits", t.Rows.Count);
    }
}
