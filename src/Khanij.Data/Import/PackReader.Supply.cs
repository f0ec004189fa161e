using Khanij.Core;
using Khanij.Core.Text;

namespace Khanij.Data.Import;

internal sealed partial class PackReader
{
    public const string Usgs2026 = "usgs_mcs2026_world_production_reserves.csv";
    public const string Busch2024Reserves = "usgs_mcs2024_reserves_resources_busch.csv";
    public const string Busch2024Production = "usgs_mcs2024_lithium_mine_production_busch.csv";
    public const string IeaSupply = "iea_cmo2025_supply_mining_refining_by_country.csv";
    public const string ChengStages = "cheng2024_supply_chain_2020_by_stage_region.csv";

    private const string UsgsEdition = "USGS Mineral Commodity Summaries 2026";
    private const string Busch2024Edition = "USGS Mineral Commodity Summaries 2024 (compiled by P. Busch, Critical-Minerals-EV)";
    private const string IeaEdition = "IEA Global Critical Minerals Outlook 2025 (Data Explorer, base year 2024)";
    private const string ChengEdition = "Cheng, Fuchs, Karplus & Michalek 2024, Nature Communications (2020 data)";

    private static readonly Dictionary<string, string> UsgsCommodities = new(StringComparer.Ordinal) { ["Graphite (natural)"] = "graphite" };
    private static readonly Dictionary<string, string> IeaMinerals = new(StringComparer.Ordinal)
    {
        ["Rare Earth Elements"] = "rare_earths", ["PGMs"] = "platinum_group_metals",
    };
    private static readonly Dictionary<string, string> IeaBasis = new(StringComparer.Ordinal)
    {
        ["Copper"] = "Cu content", ["Cobalt"] = "Co content", ["Lithium"] = "Li content", ["Nickel"] = "Ni content",
        ["Graphite"] = "graphite (as reported by the IEA)", ["Rare Earth Elements"] = "magnet rare earth elements",
    };
    private static readonly Dictionary<string, string> BuschBasis = new(StringComparer.Ordinal)
    {
        ["Lithium"] = "Li content", ["Nickel"] = "Ni content", ["Cobalt"] = "Co content", ["Manganese"] = "Mn content",
        ["Phosphorus"] = "P content (converted from phosphate rock by the compiler)",
    };
    private static readonly string[] UsgsWithheld = ["W", "NA", "( )", "Small", "XX", "—", "-", ""];

    private void ReadUsgs2026()
    {
        var t = Open(Usgs2026, "edition", "commodity", "measure", "unit", "country_usgs", "iso3", "row_type", "year", "is_estimate", "value", "value_raw");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int supply = 0, reserves = 0;
        foreach (var row in t.Rows)
        {
            var commodity = t.Required(row, "commodity", "a USGS commodity name");
            var mineral = FindMineral(t, row, "commodity", commodity, UsgsCommodities);
            var measure = t.OneOf(row, "measure", "mine production", "low-purity primary production", "refinery production (see notes)",
                "production capacity", "reserves");
            var unitText = t.Text(row, "unit");
            if (!Units.TryParse(unitText, out var factor, out var basis))
            {
                t.Error(row, "unit", $"unit '{unitText}' is not a known mass unit; expected one of {Units.Known}, optionally followed by ', <basis>'.");
            }
            var spelling = t.Required(row, "country_usgs", "the USGS country label");
            var place = RowTypePlace(t, row, "row_type", "country_usgs", spelling, ("country", null), ("other", "other"), ("world_total", "world_total"));
            var raw = t.Text(row, "value_raw");
            var value = t.Number(row, "value");
            if (value is null && t.Text(row, "value").Length == 0 && !UsgsWithheld.Contains(raw))
            {
                t.Error(row, "value", $"'value' is empty but 'value_raw' is '{raw}'; expected a value, or a withheld marker ({string.Join(", ", UsgsWithheld.Where(w => w.Length > 0))}) in value_raw.");
            }
            var year = t.Text(row, "year");
            if (measure is null || mineral is null || place is null)
            {
                continue;
            }
            if (!Unique(seen, t, row, "country_usgs", "commodity/measure/country/year", commodity, measure, spelling, year))
            {
                continue;
            }
            var scaled = value is { } v ? Units.Scale(v, factor) : (double?)null;
            var prov = Prov(t, row, UsgsEdition, unitText, raw, spelling);
            if (measure == "reserves")
            {
                if (!year.StartsWith("reserves", StringComparison.Ordinal))
                {
                    t.Error(row, "year", $"'year' is '{year}' on a reserves row; expected reserves_as_of_MCS2026.");
                    continue;
                }
                _data.Add("reserves", ["usgs2026", mineral, place.Value.Iso3, place.Value.AggregateKind, scaled, null, basis, .. prov]);
                reserves++;
                continue;
            }
            var y = t.Integer(row, "year", 1900, 2100);
            var estimate = t.OneOf(row, "is_estimate", "0", "1");
            if (y is null || estimate is null)
            {
                continue;
            }
            var stage = measure == "mine production" ? Stage.Mining : Stage.Refining;
            _data.Add("supply_facts", ["usgs", mineral, stage.ToId(), place.Value.Iso3, place.Value.AggregateKind, y, null, measure, scaled, "t", basis,
                estimate == "1", .. prov]);
            supply++;
        }
        Register(t, "usgs", "U.S. Geological Survey", UsgsEdition, "public domain (U.S. Government work)", "supply_facts, reserves", supply + reserves);
    }

    /// <summary>Resolves a row whose <paramref name="rowTypeColumn"/> says whether it is a country or which aggregate. Country rows must
    /// resolve to a country (and agree with an <c>iso3</c> column when the file has one); aggregate rows take the kind the row type maps to.</summary>
    private Place? RowTypePlace(SourceTable t, CsvRow row, string rowTypeColumn, string nameColumn, string spelling,
        params (string RowType, string? Kind)[] kinds)
    {
        var rowType = t.OneOf(row, rowTypeColumn, [.. kinds.Select(k => k.RowType)]);
        if (rowType is null)
        {
            return null;
        }
        var kind = kinds.First(k => k.RowType == rowType).Kind;
        if (kind is not null)
        {
            if (_places.Resolve(spelling) is { IsCountry: true } p)
            {
                t.Error(row, nameColumn, $"'{spelling}' is the country {p.Iso3} but the row type is '{rowType}'; expected an aggregate label.");
                return null;
            }
            return Place.Aggregate(kind);
        }
        var iso3 = _places.ResolveCountry(t, row, nameColumn, spelling);
        if (iso3 is null)
        {
            return null;
        }
        if (t.Table.IndexOf("iso3") >= 0 && t.Text(row, "iso3") is { Length: > 0 } given && given != iso3)
        {
            t.Error(row, "iso3", $"'iso3' is '{given}' but '{spelling}' is {iso3} in the catalogue; expected them to agree.");
            return null;
        }
        return Place.Country(iso3);
    }

    private void ReadBuschReserves()
    {
        var t = Open(Busch2024Reserves, "mineral", "country", "iso3", "row_type", "reserves_t", "resources_demonstrated_t");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var label = t.Required(row, "mineral", "a mineral name");
            var mineral = FindMineral(t, row, "mineral", label);
            var spelling = t.Required(row, "country", "a country or aggregate label");
            var place = RowTypePlace(t, row, "row_type", "country", spelling, ("country", null), ("other", "other"), ("world_total", "world_total"));
            var reserves = t.Number(row, "reserves_t");
            var resources = t.Number(row, "resources_demonstrated_t");
            if (mineral is null || place is null || !Unique(seen, t, row, "country", "mineral/country", label, spelling))
            {
                continue;
            }
            if (!BuschBasis.TryGetValue(label, out var basis))
            {
                t.Error(row, "mineral", $"no stated basis for '{label}'; expected one of {string.Join(", ", BuschBasis.Keys)}.");
                continue;
            }
            _data.Add("reserves", ["usgs2024", mineral, place.Value.Iso3, place.Value.AggregateKind, reserves, resources, basis,
                .. Prov(t, row, Busch2024Edition, "t", $"{t.Text(row, "reserves_t")} / {t.Text(row, "resources_demonstrated_t")}", spelling)]);
        }
        Register(t, "usgs2024", "U.S. Geological Survey (compiled by Pablo Busch)", Busch2024Edition, "public domain; compilation MIT", "reserves",
            t.Rows.Count);
    }

    private void ReadBuschProduction()
    {
        var t = Open(Busch2024Production, "country", "iso3", "year", "production_t_li");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var spelling = t.Required(row, "country", "a country");
            var place = RowTypeless(t, row, "country", spelling);
            var year = t.Integer(row, "year", 1900, 2100);
            var value = t.Number(row, "production_t_li", allowEmpty: false);
            if (place is null || year is null || value is null || !Unique(seen, t, row, "country", "country/year", spelling, year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }
            // MCS 2024 prints its latest year (2023) as an estimate.
            _data.Add("supply_facts", ["usgs2024", "lithium", Stage.Mining.ToId(), place.Value.Iso3, place.Value.AggregateKind, year, null,
                "mine production", value, "t", "Li content", year == 2023, .. Prov(t, row, Busch2024Edition, "t Li", t.Text(row, "production_t_li"), spelling)]);
        }
        Register(t, "usgs2024", "U.S. Geological Survey (compiled by Pablo Busch)", Busch2024Edition, "public domain; compilation MIT", "supply_facts",
            t.Rows.Count);
    }

    /// <summary>A place in a file without a row-type column: a country, or an aggregate named in source_aggregates.csv. An optional iso3
    /// column must agree.</summary>
    private Place? RowTypeless(SourceTable t, CsvRow row, string column, string spelling)
    {
        var place = _places.Resolve(t, row, column, spelling);
        if (place is { IsCountry: true } p && t.Table.IndexOf("iso3") >= 0 && t.Text(row, "iso3") is { Length: > 0 } given && given != p.Iso3)
        {
            t.Error(row, "iso3", $"'iso3' is '{given}' but '{spelling}' is {p.Iso3} in the catalogue; expected them to agree.");
            return null;
        }
        return place;
    }

    private void ReadIeaSupply()
    {
        var t = Open(IeaSupply, "mineral", "stage", "country", "row_type", "year", "value_kt");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int supply = 0, shares = 0;
        foreach (var row in t.Rows)
        {
            var label = t.Required(row, "mineral", "an IEA mineral name");
            var mineral = FindMineral(t, row, "mineral", label, IeaMinerals);
            var stageText = t.OneOf(row, "stage", "mining", "refining");
            var spelling = t.Required(row, "country", "a country or aggregate label");
            var rowType = t.OneOf(row, "row_type", "country", "rest_of_world", "total", "top3_share_fraction");
            var year = t.Integer(row, "year", 2000, 2100);
            var raw = t.Text(row, "value_kt");
            var value = t.Number(row, "value_kt", allowEmpty: false);
            if (mineral is null || stageText is null || rowType is null || year is null || value is null)
            {
                continue;
            }
            if (!Unique(seen, t, row, "country", "mineral/stage/country/year", label, stageText, spelling, year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }
            string? scenario = year switch
            {
                2024 => null,
                2030 or 2035 or 2040 => "base_case",
                _ => "?",
            };
            if (scenario == "?")
            {
                t.Error(row, "year", $"'year' is {year}; expected 2024 (actual) or 2030, 2035, 2040 (IEA base case).");
                continue;
            }
            StageNames.TryParse(stageText, out var stage);
            var measure = stage == Stage.Mining ? "mine production" : "refined production";
            if (rowType == "top3_share_fraction")
            {
                if (value > 1)
                {
                    t.Error(row, "value_kt", $"top-3 share is {raw}; expected a fraction from 0 to 1.");
                    continue;
                }
                _data.Add("published_shares", ["iea", mineral, stage.ToId(), year, scenario, "top-3 share of " + measure, value,
                    .. Prov(t, row, IeaEdition, "fraction", raw, spelling)]);
                shares++;
                continue;
            }
            Place? place = rowType switch
            {
                "country" => _places.ResolveCountry(t, row, "country", spelling) is { } iso3 ? Place.Country(iso3) : null,
                "rest_of_world" => Place.Aggregate("rest_of_world"),
                _ => Place.Aggregate("total"), // the IEA total is exact (the top-3 share it prints is over it), unlike USGS rounded world totals
            };
            if (place is null)
            {
                continue;
            }
            _data.Add("supply_facts", ["iea", mineral, stage.ToId(), place.Value.Iso3, place.Value.AggregateKind, year, scenario, measure,
                Units.Scale(value.Value, 1000), "t", IeaBasis.GetValueOrDefault(label, "as reported by the IEA"), false,
                .. Prov(t, row, IeaEdition, "kt", raw, spelling)]);
            supply++;
        }
        Register(t, "iea", "International Energy Agency", IeaEdition,
            "CC BY 4.0 as labelled by the converter; IEA terms may restrict derived products (see SOURCES.md)", "supply_facts, published_shares",
            supply + shares);
    }

    private void ReadChengStages()
    {
        var t = Open(ChengStages, "data_year", "stage", "region", "material", "value", "unit");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var year = t.Integer(row, "data_year", 1990, 2100);
            var stageText = t.OneOf(row, "stage", "mining", "refining", "cathodes");
            var spelling = t.Required(row, "region", "a country or region");
            var place = _places.Resolve(t, row, "region", spelling);
            var material = t.Required(row, "material", "Li, Ni, Co, Mn, P, LFP or NMC / NCA");
            var value = t.Number(row, "value", allowEmpty: false);
            var unitText = t.Text(row, "unit");
            if (!Units.TryParse(unitText, out var factor, out _))
            {
                t.Error(row, "unit", $"unit '{unitText}' is not a known mass unit; expected one of {Units.Known}.");
                continue;
            }
            if (year is null || stageText is null || place is null || value is null)
            {
                continue;
            }
            StageNames.TryParse(stageText, out var stage);
            string? mineral;
            string basis;
            if (stage == Stage.Cathode)
            {
                mineral = material switch
                {
                    "LFP" => "lfp_cathode",
                    "NMC / NCA" => "nmc_nca_cathode",
                    _ => null,
                };
                basis = "cathode active material";
                if (mineral is null)
                {
                    t.Error(row, "material", $"cathode material '{material}'; expected LFP or NMC / NCA.");
                    continue;
                }
            }
            else
            {
                mineral = FindMineral(t, row, "material", material);
                basis = "contained element";
            }
            if (mineral is null || !Unique(seen, t, row, "region", "stage/region/material", stageText, spelling, material))
            {
                continue;
            }
            var measure = stage switch { Stage.Mining => "mine production", Stage.Refining => "refined production", _ => "cathode production" };
            var originalUnit = unitText;
            if (stage == Stage.Mining && mineral == "manganese" && unitText == "t")
            {
                // The Fig. 1 sheet labels manganese mining "t" but its figures are thousand tonnes: South Africa 6,500 against USGS's
                // 7,490 kt for 2024 and against the paper's own manganese Sankey, whose South African mine edges sum to about 6.5 million t.
                factor *= 1000;
                originalUnit = "t (labelled; read as kt, ×1000: see SOURCES.md)";
            }
            _data.Add("supply_facts", ["cheng2020", mineral, stage.ToId(), place.Value.Iso3, place.Value.AggregateKind, year, null, measure,
                Units.Scale(value.Value, factor), "t", basis, false, .. Prov(t, row, ChengEdition, originalUnit, t.Text(row, "value"), spelling)]);
        }
        Register(t, "cheng2020", "Cheng et al. (2024), Nature Communications; data from USGS, Sun et al. 2021, IFAStat, ITC", ChengEdition, "MIT",
            "supply_facts", t.Rows.Count);
    }
}
