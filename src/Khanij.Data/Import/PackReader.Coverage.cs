using System.Globalization;
using System.Text.RegularExpressions;
using Khanij.Core;

namespace Khanij.Data.Import;

/// <summary>The 2026-12 additions: more USGS commodities in two editions, a partial UN Comtrade extract, UNEP recycling rates and
/// India's reported facts.</summary>
internal sealed partial class PackReader
{
    public const string UsgsMore = "usgs_mcs_more_commodities.csv";
    public const string ComtradeExtract = "comtrade_critical_minerals_extracts_2019_2024.csv";
    public const string Recycling = "recycling_rates_unep_irp2011.csv";
    public const string IndiaFacts = "india_critical_minerals_reported_facts.csv";

    /// <summary>Source ids of the two editions in <see cref="UsgsMore"/>. MCS 2026 rows join the MCS 2026 tables (<c>usgs</c> supply,
    /// <c>usgs2026</c> reserves) because they are the same edition and the commodities do not overlap (checked on import); the MCS 2024
    /// data release gets its own id in both tables so it never mixes with MCS 2026 or with the Busch compilation of MCS 2024.</summary>
    public static IReadOnlyDictionary<string, (string Supply, string Reserves, string Edition)> UsgsEditions { get; } =
        new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
        {
            ["MCS2026"] = ("usgs", "usgs2026", UsgsEdition),
            ["MCS2024"] = ("usgs_mcs2024", "usgs_mcs2024", UsgsMcs2024Edition),
        };

    public const string UsgsMcs2024Edition = "USGS Mineral Commodity Summaries 2024 Data Release (ver. 2.0, doi:10.5066/P144BA54)";
    public const string ComtradeEdition = "UN Comtrade extract 2019-2024 (partial: see coverage)";
    private const string RecyclingEdition = "UNEP IRP (2011) Recycling Rates of Metals - A Status Report, appendix tables";
    private const string IndiaFactsEdition = "Khanij curated India critical-minerals facts (as reported, 2023-2025)";

    private static readonly Dictionary<string, string> UsgsMoreCommodities = new(StringComparer.Ordinal)
    {
        ["Graphite (natural)"] = "graphite", ["Titanium (sponge metal)"] = "titanium", ["Titanium mineral concentrates"] = "titanium",
        ["Zirconium (mineral concentrates)"] = "zirconium", ["Rare earths"] = "rare_earths",
    };

    /// <summary>Withheld or absent markers of the USGS files, as they appear in <c>value_raw</c> when <c>value</c> is empty.</summary>
    private static readonly string[] UsgsMoreWithheld = ["W", "NA", "Included in World total.", "included with ilmenite", "XX", ""];

    /// <summary>Qualifiers the USGS data release appends to a country cell ("Kazakhstan, concentrate", "United States (copper telluride)").</summary>
    private static readonly Regex CountryQualifier = new(@"^(?<name>.+?)(,\s*concentrate|\s*\((concentrate|copper telluride)\))$", RegexOptions.CultureInvariant);

    /// <summary>Which stage a USGS measure is: mine output is mining; refinery, plant, smelter, sponge output and capacity are refining.</summary>
    internal static Stage UsgsStage(string measure) =>
        measure.StartsWith("mine production", StringComparison.Ordinal) ? Stage.Mining : Stage.Refining;

    private void ReadUsgsMore()
    {
        var t = Open(UsgsMore, "edition", "commodity", "usgs_table", "measure", "unit", "country_usgs", "iso3", "row_type", "year", "is_estimate",
            "value", "value_raw", "footnote", "source", "notes");
        if (t is null)
        {
            return;
        }
        var base2026 = _data.Tables["supply_facts"].Where(r => (string)r[0]! == "usgs").Select(r => (string)r[1]!).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var perEdition = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var editionKey = t.OneOf(row, "edition", [.. UsgsEditions.Keys]);
            var commodity = t.Required(row, "commodity", "a USGS commodity name");
            var mineral = FindMineral(t, row, "commodity", commodity, UsgsMoreCommodities);
            var measure = t.Required(row, "measure", "a USGS measure such as 'mine production' or 'reserves'");
            var unitText = t.Text(row, "unit");
            if (!Units.TryParse(unitText, out var factor, out var basis))
            {
                t.Error(row, "unit", $"unit '{unitText}' is not a known mass unit; expected one of {Units.Known}, optionally followed by ', <basis>'.");
            }
            var spelling = t.Required(row, "country_usgs", "the USGS country label");
            var m = CountryQualifier.Match(spelling);
            var name = m.Success ? m.Groups["name"].Value : spelling;
            var place = RowTypePlace(t, row, "row_type", "country_usgs", name, ("country", null), ("other", "other"), ("world_total", "world_total"));
            var raw = t.Text(row, "value_raw");
            var value = t.Number(row, "value");
            if (value is null && t.Text(row, "value").Length == 0 && !UsgsMoreWithheld.Contains(raw))
            {
                t.Error(row, "value", $"'value' is empty but 'value_raw' is '{raw}'; expected a value, or a withheld marker "
                    + $"({string.Join(", ", UsgsMoreWithheld.Where(w => w.Length > 0))}) in value_raw.");
            }
            var year = t.Text(row, "year");
            if (editionKey is null || mineral is null || place is null || measure.Length == 0)
            {
                continue;
            }
            if (!Unique(seen, t, row, "country_usgs", "edition/commodity/measure/country/year", editionKey, commodity, measure, spelling, year))
            {
                continue;
            }
            var (supplySource, reserveSource, edition) = UsgsEditions[editionKey];
            if (editionKey == "MCS2026" && base2026.Contains(mineral))
            {
                t.Error(row, "commodity", $"{commodity} ({mineral}) is already in {Usgs2026}; expected only commodities that file lacks, so that one "
                    + "MCS 2026 table never holds two copies.");
                continue;
            }
            var scaled = value is { } v ? Units.Scale(v, factor) : (double?)null;
            var prov = Prov(t, row, edition, unitText, raw, spelling);
            if (measure.StartsWith("reserves", StringComparison.Ordinal))
            {
                var expected = "reserves_as_of_" + editionKey;
                if (year != expected)
                {
                    t.Error(row, "year", $"'year' is '{year}' on a reserves row of {editionKey}; expected {expected}.");
                    continue;
                }
                // The reserves table has no measure column: a qualified measure (ore, ilmenite, rutile) is kept in the basis so that
                // ore and K2O, or ilmenite and rutile, are never read as one series.
                var reserveBasis = measure == "reserves" ? basis : $"{basis}; {measure}";
                _data.Add("reserves", [reserveSource, mineral, place.Value.Iso3, place.Value.AggregateKind, scaled, null, reserveBasis, .. prov]);
            }
            else
            {
                var y = t.Integer(row, "year", 1900, 2100);
                var estimate = t.OneOf(row, "is_estimate", "0", "1");
                if (y is null || estimate is null)
                {
                    continue;
                }
                _data.Add("supply_facts", [supplySource, mineral, UsgsStage(measure).ToId(), place.Value.Iso3, place.Value.AggregateKind, y, null, measure,
                    scaled, "t", basis, estimate == "1", .. prov]);
            }
            perEdition[editionKey] = perEdition.GetValueOrDefault(editionKey) + 1;
        }
        Register(t, "usgs", "U.S. Geological Survey (MCS 2026 via pranava0x0 extraction; MCS 2024 data release via Redliana/cmm-data)",
            string.Join(" | ", UsgsEditions.Values.Select(e => e.Edition)), "public domain (U.S. Government work)", "supply_facts, reserves",
            perEdition.Values.Sum());
    }

    // ---------------------------------------------------------------- Comtrade extract

    /// <summary>What the pack's Comtrade extract covers, stated wherever its figures are used.</summary>
    public const string ComtradeCoverage =
        "partial UN Comtrade extract: reporters USA, CHN, IND, JPN, AUS, COD, IDN; partners mostly CHN and World; HS 2504, 250410, 380110, "
        + "280530, 2846, 811292 (basket), 2822/282200, 8105, 7402, 7403, 253090 (basket), 282520, 283691, 7501, 7502; 2019-2024 "
        + "(India, Japan: imports of 2504, 2822, 282520 from China and World only)";

    private void ReadComtradeExtract()
    {
        var t = Open(ComtradeExtract, "dataset", "mineral", "hs_code", "year", "reporter_iso3", "reporter", "flow", "partner_iso3", "partner", "qty",
            "qty_unit", "net_weight_kg", "primary_value_usd", "is_aggregate", "source", "notes");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var hs = t.Text(row, "hs_code");
            var mineral = HsMineral(hs);
            if (mineral is null)
            {
                t.Error(row, "hs_code", $"HS code '{hs}' belongs to no mineral; expected a code listed in {HsCodes}.");
            }
            var year = t.Integer(row, "year", 1990, 2100);
            var reporter = t.Text(row, "reporter_iso3");
            if (!_places.Iso3Codes.Contains(reporter))
            {
                t.Error(row, "reporter_iso3", $"'{reporter}' is not an ISO 3166-1 alpha-3 code; expected the reporting country's code.");
            }
            var partnerCode = t.Text(row, "partner_iso3");
            Place? partner = partnerCode == "WLD" ? Place.Aggregate("world_total")
                : _places.Iso3Codes.Contains(partnerCode) ? Place.Country(partnerCode) : null;
            if (partner is null)
            {
                t.Error(row, "partner_iso3", $"'{partnerCode}' is neither an ISO 3166-1 alpha-3 code nor WLD; expected a partner code.");
            }
            var flow = t.OneOf(row, "flow", "import", "export");
            var unit = t.OneOf(row, "qty_unit", "kg", "n/a");
            var qty = t.Number(row, "qty");
            var value = t.Number(row, "primary_value_usd");
            if (unit == "kg" && qty is null)
            {
                t.Error(row, "qty", "'qty' is empty with qty_unit kg; expected a quantity in kg, or qty_unit n/a.");
            }
            if (unit == "n/a" && qty is not null)
            {
                t.Error(row, "qty", $"'qty' is {t.Text(row, "qty")} with qty_unit n/a; expected an empty quantity when the unit is unknown.");
            }
            if (mineral is null || year is null || partner is null || flow is null || unit is null || !_places.Iso3Codes.Contains(reporter))
            {
                continue;
            }
            if (!Unique(seen, t, row, "partner_iso3", "flow (hs/year/reporter/direction/partner)", hs, year.Value.ToString(CultureInfo.InvariantCulture),
                reporter, flow, partnerCode))
            {
                continue;
            }
            var tonnes = unit == "kg" && qty is { } q ? Units.Scale(q, 0.001) : (double?)null;
            _data.Add("trade_extracts", ["comtrade_pack", hs, mineral, reporter, partner.Value.Iso3, partner.Value.AggregateKind, flow, year, tonnes, value,
                ComtradeCoverage, .. Prov(t, row, ComtradeEdition, unit, t.Text(row, "qty"), $"{t.Text(row, "reporter")} / {t.Text(row, "partner")} / {t.Text(row, "mineral")}")]);
        }
        Register(t, "comtrade_pack", "United Nations Statistics Division, UN Comtrade (extracts by Redliana/cmm-data and areeshafirdaus01)",
            ComtradeEdition, "UN Comtrade terms: attribution; no commercial or bulk redistribution", "trade_extracts", t.Rows.Count);
    }

    /// <summary>The catalogue mineral of an HS code: the code itself, else its 4-digit heading.</summary>
    internal string? HsMineral(string hs)
    {
        if (!Regex.IsMatch(hs, "^[0-9]{4}([0-9]{2})?$"))
        {
            return null;
        }
        return _hsToMineral.TryGetValue(hs, out var id) ? id : hs.Length == 6 && _hsToMineral.TryGetValue(hs[..4], out var heading) ? heading : null;
    }

    // ---------------------------------------------------------------- UNEP recycling rates

    private void ReadRecycling()
    {
        var t = Open(Recycling, "element_symbol", "element", "india_2023_list_group", "indicator", "cell_as_printed", "entry_as_printed", "value_low",
            "value_high", "qualifier", "estimate_source", "unep_table", "unep_table_group", "unep_page");
        if (t is null)
        {
            return;
        }
        var cells = new Dictionary<(string, string), (string Cell, int Line)>();
        foreach (var row in t.Rows)
        {
            var symbol = t.Required(row, "element_symbol", "an element symbol");
            var element = t.Required(row, "element", "an element name");
            var group = t.Text(row, "india_2023_list_group");
            var indicator = t.OneOf(row, "indicator", "EOL-RR (end-of-life recycling rate)", "RC (recycled content)", "OSR (old scrap ratio)");
            var qualifier = t.OneOf(row, "qualifier", "point", "less than", "greater than", "range", "approximately", "blank cell (no estimate)");
            var low = t.Number(row, "value_low");
            var high = t.Number(row, "value_high");
            foreach (var (column, v) in new[] { ("value_low", low), ("value_high", high) })
            {
                if (v > 100)
                {
                    t.Error(row, column, $"'{column}' is {v}; expected a percentage from 0 to 100.");
                }
            }
            if (qualifier is "point" or "range" or "approximately" && (low is null || high is null))
            {
                t.Error(row, low is null ? "value_low" : "value_high", $"a '{qualifier}' entry needs both value_low and value_high.");
                continue;
            }
            if (qualifier == "less than" && high is null)
            {
                t.Error(row, "value_high", "a 'less than' entry needs its bound in value_high.");
                continue;
            }
            if (qualifier == "greater than" && low is null)
            {
                t.Error(row, "value_low", "a 'greater than' entry needs its bound in value_low.");
                continue;
            }
            if (low is { } l && high is { } h && l > h)
            {
                t.Error(row, "value_low", $"value_low {l} is above value_high {h}; expected low ≤ high.");
                continue;
            }
            string? mineral = group.Length > 0 ? FindMineral(t, row, "india_2023_list_group", group) : _catalogue?.FindMineral(element)?.Id ?? Slug(element);
            var entry = t.Text(row, "entry_as_printed");
            var cell = t.Text(row, "cell_as_printed");
            // One row per estimate in a printed cell; a cell may print the same estimate twice (germanium RC "50f, 35, 50f"), so rows are
            // not unique, but every row of one element and indicator must come from the same cell.
            if (indicator is not null && cells.TryGetValue((symbol, indicator), out var first) && first.Cell != cell)
            {
                t.Error(row, "cell_as_printed", $"'{cell}' differs from '{first.Cell}' on line {first.Line} for {symbol} {indicator}; expected one printed cell per element and indicator.");
                continue;
            }
            if (indicator is null || qualifier is null || mineral is null)
            {
                continue;
            }
            cells.TryAdd((symbol, indicator), (cell, row.Line));
            var shortIndicator = indicator[..indicator.IndexOf(' ', StringComparison.Ordinal)];
            _data.Add("recycling_rates", [symbol, element, mineral, shortIndicator, entry, low, high, qualifier, t.Text(row, "estimate_source"),
                t.Text(row, "unep_table"), t.Text(row, "unep_page"), .. Prov(t, row, RecyclingEdition, "percent", t.Text(row, "cell_as_printed"), element)]);
        }
        Register(t, "unep_irp2011", "UNEP International Resource Panel (Graedel et al. 2011), transcribed by ChampionApe/BergAndSorensen2026_CE",
            RecyclingEdition, "© UNEP; cite the report", "recycling_rates", t.Rows.Count);
    }

    // ---------------------------------------------------------------- India reported facts

    private static readonly Dictionary<string, string> IndiaFactMinerals = new(StringComparer.Ordinal)
    {
        ["rare earths (metals and compounds)"] = "rare_earths", ["rare earth elements"] = "rare_earths", ["natural graphite"] = "graphite",
        ["artificial graphite"] = "graphite",
    };

    private void ReadIndiaFacts()
    {
        var t = Open(IndiaFacts, "topic", "item", "mineral", "value", "unit", "period", "qualifier", "source_publisher", "source_url", "source_type",
            "confidence", "notes");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var topic = t.OneOf(row, "topic", "NCMM", "import_dependence", "trade_india_imports");
            var item = t.Required(row, "item", "what the figure is");
            var label = t.Required(row, "mineral", "a mineral, 'all', or a product such as 'permanent magnets'");
            var value = t.Required(row, "value", "the figure as reported");
            var confidence = t.OneOf(row, "confidence", "high", "medium", "low");
            var url = t.Text(row, "source_url");
            if (!url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
            {
                t.Error(row, "source_url", $"'source_url' is '{url}'; expected the http(s) address of the report.");
            }
            // Products (magnets, lifting heads) and 'all' keep no mineral id; a named mineral must be in the catalogue.
            string? mineral = IndiaFactMinerals.TryGetValue(label, out var mapped) ? mapped
                : label == "all" || label.Contains("magnet", StringComparison.Ordinal) || label.Contains("lifting", StringComparison.Ordinal) ? null
                : FindMineral(t, row, "mineral", label);
            if (topic is null || confidence is null || item.Length == 0 || value.Length == 0
                || !Unique(seen, t, row, "item", "topic/item/mineral/period/publisher", topic, item, label, t.Text(row, "period"), t.Text(row, "source_publisher")))
            {
                continue;
            }
            var (itemHi, unitHi, periodHi) = (FactHindi(t, row, "item"), FactHindi(t, row, "unit"), FactHindi(t, row, "period"));
            _data.Add("reported_facts", [topic, item, mineral, label, value, t.Text(row, "unit"), t.Text(row, "period"), t.Text(row, "qualifier"),
                t.Text(row, "source_publisher"), url, t.Text(row, "source_type"), confidence, t.Text(row, "notes"), itemHi, unitHi, periodHi,
                .. Prov(t, row, IndiaFactsEdition, t.Text(row, "unit"), value, item)]);
        }
        Register(t, "india_facts", "Khanij project (compiled from news reports of official statements; each row cites its page)", IndiaFactsEdition,
            "project data; figures as reported by the cited publishers", "reported_facts", t.Rows.Count);
    }
}
