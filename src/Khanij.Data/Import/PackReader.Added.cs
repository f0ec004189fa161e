using System.Globalization;
using System.Text.RegularExpressions;
using Khanij.Core;
using Khanij.Core.Text;

namespace Khanij.Data.Import;

/// <summary>Files a user added in a publisher's own layout (<c>khanij data add</c>): the USGS MCS data-release world CSV, a UN Comtrade
/// CSV export, a CEPII BACI file. Each is read with the same strictness as the pack and stored under its own source id and edition.</summary>
internal sealed partial class PackReader
{
    private static readonly Regex UsgsProdColumn = new(@"^Prod_(?<unit>t|kt|kg)(?<est>_est)?_(?<year>\d{4})$", RegexOptions.CultureInvariant);
    private static readonly Regex UsgsCapColumn = new(@"^Cap_(?<unit>t|kt|kg)(?<est>_est)?_(?<year>\d{4})$", RegexOptions.CultureInvariant);
    private static readonly Regex UsgsReservesColumn = new(@"^Reserves_(?:(?<what>[A-Za-z0-9_]+?)_)?(?<unit>t|kt|kg)$", RegexOptions.CultureInvariant);
    private static readonly Regex UsgsEditionText = new(@"^MCS\d{4}$", RegexOptions.CultureInvariant);
    private static readonly Regex UsgsFileName = new(@"^mcs\d{4}-(?<code>[a-z]{3,6})_world", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly string[] UsgsReleaseWithheld = ["W", "NA", "XX", "—", "-", "--", ""];

    private readonly Dictionary<string, string> _numericTo3 = new(StringComparer.Ordinal);

    private void ReadAdded(AddedSource source, string fullPath)
    {
        var dir = Path.GetDirectoryName(fullPath) ?? ".";
        var name = Path.GetFileName(fullPath);
        switch (source.Format)
        {
            case "usgs-mcs":
                ReadUsgsRelease(source, SourceTable.Read(dir, name, _errors, ["Source", "Country", "Type"]));
                break;
            case "comtrade":
                ReadComtradeExport(source, SourceTable.Read(dir, name, _errors,
                    ["refYear", "reporterISO", "flowCode", "partnerISO", "cmdCode", "qtyUnitCode", "qty", "netWgt", "primaryValue"]));
                break;
            case "baci":
                ReadBaci(source, SourceTable.Read(dir, name, _errors, ["t", "i", "j", "k", "v", "q"]));
                break;
            default:
                _errors.Add(name, 0, 0, $"unknown format '{source.Format}'; expected one of {string.Join(", ", AddedSource.Formats)}.");
                break;
        }
    }

    /// <summary>The mineral of a USGS data-release file: given, or from the commodity code in its name (<c>mcs2024-lithi_world.csv</c>).</summary>
    internal static string? UsgsMineralFromName(string fileName, Core.Catalogue.KhanijCatalogue catalogue)
    {
        var m = UsgsFileName.Match(fileName);
        if (!m.Success)
        {
            return null;
        }
        var code = m.Groups["code"].Value.ToLowerInvariant();
        var hits = catalogue.Minerals.Where(x => Regex.Replace(x.NameEn.ToLowerInvariant(), "[^a-z]", "").StartsWith(code, StringComparison.Ordinal)
            || x.Id.StartsWith(code, StringComparison.Ordinal)).Select(x => x.Id).Distinct().ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    private void ReadUsgsRelease(AddedSource source, SourceTable? t)
    {
        if (t is null)
        {
            return;
        }
        var columns = t.Table.Header.Select((h, i) => (Header: h.Trim(), Index: i)).ToList();
        var prod = columns.Select(c => (c.Header, M: UsgsProdColumn.Match(c.Header), Kind: "production"))
            .Concat(columns.Select(c => (c.Header, M: UsgsCapColumn.Match(c.Header), Kind: "capacity")))
            .Concat(columns.Select(c => (c.Header, M: UsgsReservesColumn.Match(c.Header), Kind: "reserves")))
            .Where(c => c.M.Success).ToList();
        if (prod.Count == 0)
        {
            _errors.Add(t.File, 1, 1, "no Prod_<t|kt|kg>_<year>, Cap_… or Reserves_<…>_<unit> column; expected the USGS MCS data-release world layout "
                + "(Source, Country, Type, Prod_t_2022, Prod_t_est_2023, Reserves_t …).");
            return;
        }
        if (_catalogue is not null && _catalogue.MineralById(source.MineralId) is null)
        {
            _errors.Add(t.File, 0, 0, $"mineral '{source.MineralId}' is not in the catalogue; expected a mineral id (pass --mineral).");
            return;
        }
        var earlier = _data.Tables["supply_facts"].Concat(_data.Tables["reserves"])
            .FirstOrDefault(r => (string)r[0]! == source.Dataset && (string)r[1]! == source.MineralId);
        if (earlier is not null)
        {
            _errors.Add(t.File, 1, 1, $"{source.Dataset} already holds {source.MineralId} (from {earlier[^6]}); expected a new edition, or a "
                + "mineral that edition does not have yet.");
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? edition = null;
        var imported = 0;
        foreach (var row in t.Rows)
        {
            var ed = t.Required(row, "Source", "the MCS edition such as MCS2025");
            if (ed.Length > 0 && !UsgsEditionText.IsMatch(ed))
            {
                t.Error(row, "Source", $"'Source' is '{ed}'; expected an edition such as MCS2025.");
                continue;
            }
            edition ??= ed;
            if (ed != edition)
            {
                t.Error(row, "Source", $"'Source' is '{ed}' but earlier rows say '{edition}'; expected one edition per file.");
                continue;
            }
            var cell = t.Required(row, "Country", "a country, 'Other countries' or 'World total'");
            var type = t.Required(row, "Type", "what the row measures, e.g. 'Mine production, contained lithium'");
            var (place, estimateCountry) = UsgsReleasePlace(t, row, cell);
            if (place is null || type.Length == 0 || !Unique(seen, t, row, "Country", "country/type", cell, type))
            {
                continue;
            }
            var comma = type.IndexOf(',', StringComparison.Ordinal);
            var measure = (comma >= 0 ? type[..comma] : type).Trim().ToLowerInvariant();
            var basis = comma >= 0 ? type[(comma + 1)..].Trim() : "as stated by USGS";
            var editionText = $"USGS Mineral Commodity Summaries {edition![3..]} data release (added: {source.File})";
            foreach (var (header, m, kind) in prod)
            {
                var raw = t.Text(row, header);
                double? value = null;
                if (!UsgsReleaseWithheld.Contains(raw))
                {
                    var text = raw.StartsWith('>') ? raw[1..] : raw;
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
                    {
                        t.Error(row, header, $"'{header}' is '{raw}'; expected a quantity of zero or more (invariant culture, optionally '>' first), "
                            + $"or one of {string.Join(", ", UsgsReleaseWithheld.Where(w => w.Length > 0))} for no value.");
                        continue;
                    }
                    value = v;
                }
                Units.TryParse(m.Groups["unit"].Value, out var factor, out _);
                var scaled = value is { } x ? Units.Scale(x, factor) : (double?)null;
                var prov = Prov(t, row, editionText, m.Groups["unit"].Value + " (" + header + ")", raw, cell);
                if (kind == "reserves")
                {
                    var what = m.Groups["what"].Success ? "; reserves (" + m.Groups["what"].Value.Replace('_', ' ') + ")" : "";
                    _data.Add("reserves", [source.Dataset, source.MineralId, place.Value.Iso3, place.Value.AggregateKind, scaled, null, basis + what, .. prov]);
                }
                else
                {
                    var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                    var rowMeasure = kind == "capacity" ? "production capacity" : measure;
                    _data.Add("supply_facts", [source.Dataset, source.MineralId, UsgsStage(rowMeasure).ToId(), place.Value.Iso3, place.Value.AggregateKind,
                        year, null, rowMeasure, scaled, "t", basis, m.Groups["est"].Success || estimateCountry, .. prov]);
                }
            }
            imported++;
        }
        _data.Sources.Add(new SourceInfo(t.File, source.Dataset, "U.S. Geological Survey (added by the user)",
            $"USGS Mineral Commodity Summaries {(edition ?? "?")[3..]} data release", "public domain (U.S. Government work)", "supply_facts, reserves",
            t.Rows.Count, imported, 0, "", t.Sha256));
    }

    /// <summary>A data-release country cell: footnote digits and a trailing estimate flag 'e' are cleaned ("United States1", "Russiae").</summary>
    private (Place? Place, bool Estimate) UsgsReleasePlace(SourceTable t, CsvRow row, string cell)
    {
        var name = Regex.Replace(cell, @"[0-9,]+$", "").Trim();
        var m = CountryQualifier.Match(name);
        if (m.Success)
        {
            name = m.Groups["name"].Value;
        }
        if (_places.Resolve(name) is { } p)
        {
            return (p, false);
        }
        if (name.EndsWith('e') && _places.Resolve(name[..^1]) is { } pe)
        {
            return (pe, true);
        }
        _places.Resolve(t, row, "Country", cell);
        return (null, false);
    }

    private void ReadComtradeExport(AddedSource source, SourceTable? t)
    {
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int excluded = 0;
        var kept = new List<object?[]>();
        var exclusions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        bool Has(string c) => t.Table.IndexOf(c) >= 0;
        foreach (var row in t.Rows)
        {
            // Comtrade splits a flow by mode of transport, customs procedure and second partner; only the totals are kept.
            var split = new[] { ("motCode", "0"), ("customsCode", "C00"), ("partner2Code", "0") }
                .FirstOrDefault(c => Has(c.Item1) && t.Text(row, c.Item1) is var v && v.Length > 0 && v != c.Item2);
            if (split.Item1 is not null)
            {
                excluded++;
                exclusions[$"rows with {split.Item1} ≠ {split.Item2} (a breakdown of a total)"] = exclusions.GetValueOrDefault($"rows with {split.Item1} ≠ {split.Item2} (a breakdown of a total)") + 1;
                continue;
            }
            var flowCode = t.Text(row, "flowCode");
            if (flowCode is not ("M" or "X"))
            {
                excluded++;
                var key = $"rows with flowCode {flowCode} (only M imports and X exports are kept)";
                exclusions[key] = exclusions.GetValueOrDefault(key) + 1;
                continue;
            }
            var year = t.Integer(row, "refYear", 1962, 2100);
            var reporter = t.Text(row, "reporterISO");
            if (!_places.Iso3Codes.Contains(reporter))
            {
                t.Error(row, "reporterISO", $"'{reporter}' is not an ISO 3166-1 alpha-3 code; expected the reporter's code.");
            }
            var partnerCode = t.Text(row, "partnerISO");
            Place? partner = partnerCode is "W00" or "WLD" ? Place.Aggregate("world_total")
                : _places.Iso3Codes.Contains(partnerCode) ? Place.Country(partnerCode) : null;
            if (partner is null)
            {
                t.Error(row, "partnerISO", $"'{partnerCode}' is neither an ISO 3166-1 alpha-3 code nor W00 (World); expected a partner code.");
            }
            var hs = t.Text(row, "cmdCode");
            var mineral = HsMineral(hs);
            var netKg = t.Number(row, "netWgt");
            var unitCode = t.Text(row, "qtyUnitCode");
            var qty = t.Number(row, "qty");
            var value = t.Number(row, "primaryValue");
            if (year is null || partner is null || !_places.Iso3Codes.Contains(reporter))
            {
                continue;
            }
            if (mineral is null)
            {
                excluded++;
                exclusions["rows for HS codes of no catalogue mineral"] = exclusions.GetValueOrDefault("rows for HS codes of no catalogue mineral") + 1;
                continue;
            }
            var flow = flowCode == "M" ? "import" : "export";
            if (!Unique(seen, t, row, "cmdCode", "flow (code/year/reporter/direction/partner)", hs, year.Value.ToString(CultureInfo.InvariantCulture), reporter, flow, partnerCode))
            {
                continue;
            }
            // Net weight is in kg; where it is missing, qty counts only when its unit is kg (code 8).
            var kg = netKg ?? (unitCode == "8" ? qty : null);
            kept.Add([source.Dataset, hs, mineral, reporter, partner.Value.Iso3, partner.Value.AggregateKind, flow, year, kg is { } k ? Units.Scale(k, 0.001) : null,
                value, "", .. Prov(t, row, source.Edition, netKg is not null ? "kg (netWgt)" : "kg (qty, unit 8)", (netKg is not null ? t.Text(row, "netWgt") : t.Text(row, "qty")),
                    $"{reporter} / {partnerCode} / {hs}")]);
        }
        var coverage = Coverage(kept);
        foreach (var r in kept)
        {
            r[10] = coverage;
            _data.Add("trade_extracts", r);
        }
        _data.Sources.Add(new SourceInfo(t.File, source.Dataset, "United Nations Statistics Division, UN Comtrade (export added by the user)", source.Edition,
            "UN Comtrade terms: attribution; no commercial or bulk redistribution", "trade_extracts", t.Rows.Count, kept.Count, excluded,
            string.Join("; ", exclusions.Select(e => $"{e.Value} {e.Key}")), t.Sha256));
    }

    private void ReadBaci(AddedSource source, SourceTable? t)
    {
        if (t is null)
        {
            return;
        }
        ReadTradeCountryCodes();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<object?[]>();
        var excluded = 0;
        string[] na = ["NA"];
        foreach (var row in t.Rows)
        {
            var year = t.Integer(row, "t", 1995, 2100);
            var exporter = NumericCountry(t, row, "i");
            var importer = NumericCountry(t, row, "j");
            var k = t.Text(row, "k");
            if (!Regex.IsMatch(k, "^[0-9]{5,6}$"))
            {
                t.Error(row, "k", $"'k' is '{k}'; expected a 6-digit HS product code (BACI may drop a leading zero).");
                continue;
            }
            var hs = k.PadLeft(6, '0');
            var value = t.Number(row, "v", allowEmpty: false);
            var q = t.Number(row, "q", nullTokens: na);
            if (year is null || exporter is null || importer is null || value is null)
            {
                continue;
            }
            var mineral = HsMineral(hs);
            if (mineral is null)
            {
                excluded++;
                continue;
            }
            if (!Unique(seen, t, row, "k", "flow (year/exporter/importer/product)", year.Value.ToString(CultureInfo.InvariantCulture), exporter, importer, hs))
            {
                continue;
            }
            // BACI reconciles both sides' reports into one figure per pair; it is stored from the importer's side. v is thousand USD, q tonnes.
            kept.Add([source.Dataset, hs, mineral, importer, exporter, null, "import", year, q, Units.Scale(value.Value, 1000), "",
                .. Prov(t, row, source.Edition, "t (q); thousand USD (v)", $"{t.Text(row, "q")} / {t.Text(row, "v")}", $"{t.Text(row, "i")} → {t.Text(row, "j")}")]);
        }
        var coverage = "CEPII BACI (reconciled bilateral flows, stored from the importer's side); " + Coverage(kept);
        foreach (var r in kept)
        {
            r[10] = coverage;
            _data.Add("trade_extracts", r);
        }
        _data.Sources.Add(new SourceInfo(t.File, source.Dataset, "CEPII BACI (added by the user)", source.Edition, "Etalab Open Licence 2.0 (CEPII BACI)",
            "trade_extracts", t.Rows.Count, kept.Count, excluded, excluded == 0 ? "" : $"{excluded} rows for HS codes of no catalogue mineral", t.Sha256));
    }

    public const string TradeCountryCodes = "catalogue/trade_country_codes.csv";
    private bool _tradeCodesRead;

    /// <summary>Reads the trade-statistics country codes that differ from ISO 3166-1 numeric (699 India, 842 USA …) once.</summary>
    private void ReadTradeCountryCodes()
    {
        if (_tradeCodesRead)
        {
            return;
        }
        _tradeCodesRead = true;
        var t = Open(TradeCountryCodes, "code", "iso3", "note");
        if (t is null)
        {
            return;
        }
        foreach (var row in t.Rows)
        {
            var code = t.Text(row, "code");
            var iso3 = t.Text(row, "iso3");
            if (!Regex.IsMatch(code, "^[0-9]{1,3}$"))
            {
                t.Error(row, "code", $"'code' is '{code}'; expected a numeric trade country code.");
                continue;
            }
            if (!_places.Iso3Codes.Contains(iso3))
            {
                t.Error(row, "iso3", $"'{iso3}' is not an ISO 3166-1 alpha-3 code in {IsoCodes}; expected a known code.");
                continue;
            }
            _numericTo3[code.PadLeft(3, '0')] = iso3;
        }
    }

    private string? NumericCountry(SourceTable t, CsvRow row, string column)
    {
        var text = t.Text(row, column);
        if (_numericTo3.TryGetValue(text.PadLeft(3, '0'), out var iso3))
        {
            return iso3;
        }
        t.Error(row, column, $"'{column}' is '{text}'; expected an ISO 3166-1 numeric country code known to {IsoCodes} or {TradeCountryCodes}.");
        return null;
    }

    /// <summary>What a set of trade rows covers: reporters, partners, HS codes, years.</summary>
    private static string Coverage(IReadOnlyList<object?[]> rows)
    {
        static string List(IEnumerable<object?> values) => string.Join(", ", values.Select(v => v?.ToString() ?? "").Distinct().Order(StringComparer.Ordinal));
        if (rows.Count == 0)
        {
            return "no rows for catalogue minerals";
        }
        var years = rows.Select(r => (int)r[7]!).ToList();
        return $"reporters {List(rows.Select(r => r[3]))}; partners {List(rows.Select(r => r[4] ?? "World"))}; HS {List(rows.Select(r => r[1]))}; "
            + $"{years.Min()}-{years.Max()}";
    }
}
