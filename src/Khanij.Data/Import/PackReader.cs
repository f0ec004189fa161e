using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;

namespace Khanij.Data.Import;

/// <summary>Reads and checks every file of a data pack into a <see cref="PackData"/>, collecting all errors. Writes nothing.</summary>
internal sealed partial class PackReader
{
    public const string Minerals = "catalogue/minerals.csv";
    public const string Aliases = "catalogue/country_aliases.csv";
    public const string Frameworks = "catalogue/frameworks.csv";
    public const string SourceSpellings = "catalogue/source_spellings.csv";
    public const string SourceAggregates = "catalogue/source_aggregates.csv";
    public const string HsCodes = "catalogue/hs_codes.csv";
    public const string IsoCodes = "country_codes_iso3166.csv";
    public const string Cldr = "cldr_hi_territories.json";
    public const string Criticality = "criticality_lists.csv";

    private readonly string _dataDir;
    private readonly ImportErrors _errors = new();
    private readonly PackData _data = new();
    private readonly PlaceResolver _places = new();
    private readonly Dictionary<string, string> _hsToMineral = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _iso2To3 = new(StringComparer.Ordinal);
    private KhanijCatalogue? _catalogue;

    private PackReader(string dataDir) => _dataDir = dataDir;

    /// <summary>The files read, in order, for progress reporting.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        IsoCodes, Aliases, SourceSpellings, SourceAggregates, Minerals, HsCodes, Criticality, Frameworks, Cldr,
        Usgs2026, Busch2024Reserves, Busch2024Production, IeaSupply, IeaDemand, ChengStages, "cheng2024_sankey_*.csv",
        TradeMap, WgiLong, WgiWide, RestrictionScope, Restrictions, BatPac, Deposits, UsgsMore, ComtradeExtract, Recycling, ReportedFactsHindi, IndiaFacts,
    ];

    public static (PackData Data, IReadOnlyList<ImportError> Errors) Read(string dataDir, Action<string>? step, CancellationToken cancellationToken) =>
        Read(dataDir, [], step, cancellationToken);

    /// <summary>Reads the pack and then the files a user added (<paramref name="added"/>: each with the full path to read it from).</summary>
    public static (PackData Data, IReadOnlyList<ImportError> Errors) Read(string dataDir, IReadOnlyList<(AddedSource Source, string Path)> added,
        Action<string>? step, CancellationToken cancellationToken)
    {
        var reader = new PackReader(dataDir);
        var steps = new (string Name, Action Run)[]
        {
            (IsoCodes, reader.ReadIsoCodes), (Aliases, reader.ReadAliases), (SourceSpellings, reader.ReadSourceSpellings),
            (SourceAggregates, reader.ReadSourceAggregates), (Minerals, reader.ReadMinerals), (HsCodes, reader.ReadHsCodes),
            (Criticality, reader.ReadCriticality), (Frameworks, reader.ReadFrameworks), (Cldr, reader.ReadCldr),
            (Usgs2026, reader.ReadUsgs2026), (Busch2024Reserves, reader.ReadBuschReserves), (Busch2024Production, reader.ReadBuschProduction),
            (IeaSupply, reader.ReadIeaSupply), (IeaDemand, reader.ReadIeaDemand), (ChengStages, reader.ReadChengStages),
            ("cheng2024_sankey_*.csv", reader.ReadSankeys), (TradeMap, reader.ReadTrade), (WgiLong, reader.ReadWgiLong),
            (WgiWide, reader.ReadWgiWide), (RestrictionScope, reader.ReadRestrictionScope), (Restrictions, reader.ReadRestrictions), (BatPac, reader.ReadBatPac), (Deposits, reader.ReadDeposits),
            (UsgsMore, reader.ReadUsgsMore), (ComtradeExtract, reader.ReadComtradeExtract), (Recycling, reader.ReadRecycling),
            (ReportedFactsHindi, reader.ReadReportedFactsHindi), (IndiaFacts, reader.ReadIndiaFacts),
        };
        foreach (var (name, run) in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            step?.Invoke(name);
            run();
        }
        foreach (var (source, path) in added)
        {
            cancellationToken.ThrowIfCancellationRequested();
            step?.Invoke(source.File);
            if (reader._catalogue is not null)
            {
                reader.ReadAdded(source, path);
            }
        }
        reader.CheckFinite();
        reader.CountImportedRows();
        reader.CheckAcrossSources();
        return (reader._data, reader._errors.All);
    }

    /// <summary>Every number about to be stored must be finite <em>after</em> unit conversion: a value the reader accepted (1e306 kt is
    /// a finite number) can overflow to infinity when scaled to tonnes, and an infinite fact breaks every analysis that touches it.
    /// Located at the source row (its file and line travel with each stored row).</summary>
    private void CheckFinite()
    {
        foreach (var (name, columns) in Schema.Tables)
        {
            var names = columns.Split(',').Select(c => c.Trim().Split(' ')[0]).ToList();
            int file = names.IndexOf("src_file"), line = names.IndexOf("src_line");
            if (file < 0 || line < 0)
            {
                continue;
            }
            foreach (var row in _data.Tables[name])
            {
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is double d && !double.IsFinite(d))
                    {
                        _errors.Add((string)row[file]!, (int)row[line]!, 1,
                            $"the value for {name}.{names[i]} is {d} after conversion to the stored unit; expected a finite quantity "
                            + "(check the number and its unit).");
                    }
                }
            }
        }
    }

    /// <summary>Runs <see cref="CrossSourceCheck"/> over the supply facts read and keeps its warnings (they do not stop the import).</summary>
    private void CheckAcrossSources()
    {
        var facts = _data.Tables["supply_facts"].Select(r => new Khanij.Core.Facts.SupplyFact(
            (string)r[0]!, (string)r[1]!, StageNames.TryParse((string)r[2]!, out var st) ? st : default, (string?)r[3], (string?)r[4], (int)r[5]!,
            (string?)r[6], (string)r[7]!, (double?)r[8], (string)r[9]!, (string)r[10]!, (bool)r[11]!,
            new Khanij.Core.Facts.Provenance((string)r[12]!, (int)r[13]!, (string)r[14]!, (string)r[15]!, (string)r[16]!, (string)r[17]!)));
        foreach (var w in CrossSourceCheck.Run(facts))
        {
            _data.Warnings.Add(w.Message);
            _data.Add("import_warnings", ["cross_source", w.MineralId, w.Stage.ToId(), w.Message]);
        }
    }

    /// <summary>Files whose rows are stored as columns of another file's rows (the Hindi of the reported facts' words), not as rows of their own.</summary>
    private static readonly HashSet<string> ColumnSources = new(StringComparer.Ordinal) { ReportedFactsHindi };

    /// <summary>Sets each source's imported-row count from what was actually added (distinct source lines across all tables), so the
    /// count in <c>sources</c> cannot drift from the tables.</summary>
    private void CountImportedRows()
    {
        var lines = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (name, columns) in Schema.Tables)
        {
            var names = columns.Split(',').Select(c => c.Trim().Split(' ')[0]).ToList();
            int file = names.IndexOf("src_file"), line = names.IndexOf("src_line");
            if (file < 0 || line < 0)
            {
                continue;
            }
            foreach (var row in _data.Tables[name])
            {
                var set = lines.TryGetValue((string)row[file]!, out var s) ? s : lines[(string)row[file]!] = [];
                set.Add((int)row[line]!);
            }
        }
        for (var i = 0; i < _data.Sources.Count; i++)
        {
            var source = _data.Sources[i];
            if (ColumnSources.Contains(source.File))
            {
                continue; // its rows became columns of another file's rows, which carry that file's provenance: the count it registered stands
            }
            _data.Sources[i] = source with { ImportedRows = lines.GetValueOrDefault(source.File)?.Count ?? 0 };
        }
    }

    private SourceTable? Open(string file, params string[] columns) => SourceTable.Read(_dataDir, file, _errors, columns);

    private static object?[] Prov(SourceTable t, CsvRow row, string edition, string unit, string value, string label) =>
        [t.File, row.Line, edition, unit, value, label];

    private void Register(SourceTable t, string dataset, string publisher, string edition, string licence, string tables,
        int imported, int excluded = 0, string exclusions = "") =>
        _data.Sources.Add(new SourceInfo(t.File, dataset, publisher, edition, licence, tables, t.Rows.Count, imported, excluded, exclusions, t.Sha256));

    /// <summary>Records a duplicate-key error when <paramref name="key"/> was seen before in this file.</summary>
    private static bool Unique(Dictionary<string, int> seen, SourceTable t, CsvRow row, string column, string what, params string[] parts)
    {
        var key = string.Join(" | ", parts);
        if (seen.TryGetValue(key, out var first))
        {
            t.Error(row, column, $"duplicate {what} ({key}); it first appears on line {first}. Expected each {what} once.");
            return false;
        }
        seen[key] = row.Line;
        return true;
    }

    private static string[] SplitList(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // ---------------------------------------------------------------- catalogue

    private void ReadIsoCodes()
    {
        var t = Open(IsoCodes, "alpha2", "alpha3", "numeric", "name_en", "official_name_en", "common_name_en", "name_hi_isocodes",
            "name_hi_cldr", "name_hi_cldr_alt_short", "name_hi_cldr_alt_variant");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var iso3 = t.Required(row, "alpha3", "an ISO 3166-1 alpha-3 code");
            var iso2 = t.Required(row, "alpha2", "an ISO 3166-1 alpha-2 code");
            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper))
            {
                t.Error(row, "alpha3", $"'alpha3' is '{iso3}'; expected three upper-case letters.");
                continue;
            }
            if (!Unique(seen, t, row, "alpha3", "country code", iso3))
            {
                continue;
            }
            _places.AddIso3(iso3);
            _iso2To3[iso2] = iso3;
            _numericTo3[t.Text(row, "numeric")] = iso3;
            foreach (var column in new[] { "alpha3", "name_en", "official_name_en", "common_name_en" })
            {
                var clash = _places.AddCountry(t.Text(row, column), iso3);
                if (clash is not null)
                {
                    t.Error(row, column, $"the name '{t.Text(row, column)}' of {iso3} already names {clash}; expected names to be unique.");
                }
            }
            _data.Add("countries", [iso3, iso2, t.Text(row, "numeric"), t.Required(row, "name_en", "an English name"),
                t.Text(row, "official_name_en"), t.Text(row, "common_name_en"), t.Text(row, "name_hi_isocodes"), t.Text(row, "name_hi_cldr"),
                t.Text(row, "name_hi_cldr_alt_short"), t.Text(row, "name_hi_cldr_alt_variant"), t.File, row.Line]);
        }
        Register(t, "iso3166", "Debian iso-codes (ISO 3166-1) with Unicode CLDR Hindi names", "iso-codes 4.15.0", "LGPL-2.1+",
            "countries", _data.Count("countries"));
    }

    private void ReadAliases()
    {
        var t = Open(Aliases, "iso3", "alias", "lang", "kind");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = _data.Count("country_names");
        foreach (var row in t.Rows)
        {
            var iso3 = t.Text(row, "iso3");
            var alias = t.Required(row, "alias", "a name");
            var lang = t.OneOf(row, "lang", "en", "hi");
            var kind = t.Required(row, "kind", "a kind such as name, short, adjective");
            if (!_places.Iso3Codes.Contains(iso3))
            {
                t.Error(row, "iso3", $"'{iso3}' is not an ISO 3166-1 alpha-3 code in {IsoCodes}; expected a known code.");
                continue;
            }
            if (lang is null || !Unique(seen, t, row, "alias", "alias", iso3, alias, lang, kind))
            {
                continue;
            }
            if (lang == "en" && kind is "name" or "short" or "source_spelling")
            {
                var clash = _places.AddCountry(alias, iso3);
                if (clash is not null)
                {
                    t.Error(row, "alias", $"'{alias}' for {iso3} already names {clash}; expected an alias to name one country.");
                }
            }
            _data.Add("country_names", [iso3, alias, lang, kind, "country_aliases", t.File, row.Line]);
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "country_names", _data.Count("country_names") - before);
    }

    private void ReadSourceSpellings()
    {
        var t = Open(SourceSpellings, "iso3", "spelling", "source");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = _data.Count("country_names");
        foreach (var row in t.Rows)
        {
            var iso3 = t.Text(row, "iso3");
            var spelling = t.Required(row, "spelling", "a source's spelling of a country");
            var source = t.Required(row, "source", "the dataset that uses this spelling");
            if (!_places.Iso3Codes.Contains(iso3))
            {
                t.Error(row, "iso3", $"'{iso3}' is not an ISO 3166-1 alpha-3 code in {IsoCodes}; expected a known code.");
                continue;
            }
            if (!Unique(seen, t, row, "spelling", "spelling", TextNormalizer.Key(spelling)))
            {
                continue;
            }
            var clash = _places.AddCountry(spelling, iso3);
            if (clash is not null)
            {
                t.Error(row, "spelling", $"'{spelling}' for {iso3} already names {clash}; expected a spelling to name one country.");
                continue;
            }
            _data.Add("country_names", [iso3, spelling, "en", "source_spelling", source, t.File, row.Line]);
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "country_names", _data.Count("country_names") - before);
    }

    private void ReadSourceAggregates()
    {
        var t = Open(SourceAggregates, "spelling", "kind", "source");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var spelling = t.Required(row, "spelling", "a source's label for an aggregate");
            var kind = t.OneOf(row, "kind", AggregateKinds);
            var source = t.Required(row, "source", "the dataset that uses this label");
            if (kind is null || !Unique(seen, t, row, "spelling", "aggregate spelling", TextNormalizer.Key(spelling), source))
            {
                continue;
            }
            var clash = _places.AddAggregate(spelling, kind);
            if (clash is not null)
            {
                t.Error(row, "spelling", $"'{spelling}' already means {clash}; expected an aggregate label that names no country and one kind only.");
                continue;
            }
            _data.Add("aggregate_spellings", [spelling, kind, source, t.File, row.Line]);
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "aggregate_spellings", _data.Count("aggregate_spellings"));
    }

    private static readonly string[] AggregateKinds =
        ["world_total", "total", "other", "rest_of_world", "region", "not_specified", "special", "unknown", "excluded_economy"];

    private readonly Dictionary<string, int> _mineralLines = new(StringComparer.Ordinal);
    private bool _criticalityRead;

    private void ReadMinerals()
    {
        var t = Open(Minerals, "id", "name_en", "symbols", "names_hi", "aliases_en", "hs_codes");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var id = t.Required(row, "id", "a lower-case mineral id");
            if (!Regex.IsMatch(id, "^[a-z][a-z0-9_]*$"))
            {
                t.Error(row, "id", $"'id' is '{id}'; expected a lower-case id of letters, digits and '_'.");
                continue;
            }
            if (!Unique(seen, t, row, "id", "mineral id", id))
            {
                continue;
            }
            _mineralLines[id] = row.Line;
            foreach (var hs in SplitList(t.Text(row, "hs_codes"), ';'))
            {
                if (!Regex.IsMatch(hs, "^[0-9]{4}([0-9]{2})?$"))
                {
                    t.Error(row, "hs_codes", $"HS code '{hs}' of {id}; expected 4 or 6 digits.");
                    continue;
                }
                // Display only: trade rows map to minerals through the trade-code catalogue (hs_codes.csv). A code listed for several
                // minerals (811292: gallium, germanium, indium) is kept for each.
                _data.Add("mineral_hs_codes", [hs, id, t.File, row.Line]);
            }
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "minerals, mineral_hs_codes", t.Rows.Count);
    }

    /// <summary>The trade-code catalogue: each HS code once, with its mineral, stage, kind and contained-mineral factor. Trade rows
    /// map to minerals only through it (a code listed only in <see cref="Minerals"/> is for display).</summary>
    private void ReadHsCodes()
    {
        var t = Open(HsCodes, "hs_code", "mineral_id", "stage", "product", "kind", "content_factor", "content_basis", "factor_basis");
        if (t is null)
        {
            return;
        }
        var ids = _mineralLines.Keys.ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var hs = t.Text(row, "hs_code");
            var id = t.Text(row, "mineral_id");
            if (!Regex.IsMatch(hs, "^[0-9]{4}([0-9]{2})?$"))
            {
                t.Error(row, "hs_code", $"'hs_code' is '{hs}'; expected 4 or 6 digits.");
                continue;
            }
            if (!Unique(seen, t, row, "hs_code", "HS code", hs))
            {
                continue;
            }
            if (!ids.Contains(id))
            {
                t.Error(row, "mineral_id", $"'mineral_id' is '{id}'; expected a mineral id from {Minerals}.");
                continue;
            }
            var stageText = t.Text(row, "stage");
            if (stageText is not ("mining" or "refining"))
            {
                t.Error(row, "stage", $"'stage' is '{stageText}'; expected mining or refining.");
                continue;
            }
            var kindText = t.Text(row, "kind");
            if (!Khanij.Core.Facts.TradeCodeKinds.TryParse(kindText, out _))
            {
                t.Error(row, "kind", $"'kind' is '{kindText}'; expected one of {string.Join(", ", Khanij.Core.Facts.TradeCodeKinds.All)}.");
                continue;
            }
            var factor = t.Number(row, "content_factor", allowEmpty: false);
            if (factor is null)
            {
                continue;
            }
            if (!(factor > 0 && factor <= 1))
            {
                t.Error(row, "content_factor", $"'content_factor' is {factor.Value.ToString(CultureInfo.InvariantCulture)}; expected a mass fraction above 0 and at most 1.");
                continue;
            }
            var product = t.Required(row, "product", "what the code holds");
            var contentBasis = t.Required(row, "content_basis", "what the contained tonnes are of, e.g. 'Li content'");
            var factorBasis = t.Required(row, "factor_basis", "stoichiometry or a cited typical grade");
            if (product.Length == 0 || contentBasis.Length == 0 || factorBasis.Length == 0)
            {
                continue;
            }
            _hsToMineral[hs] = id;
            _data.Add("trade_codes", [hs, id, stageText, product, kindText, factor.Value, contentBasis, factorBasis, t.File, row.Line]);
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "trade_codes", _data.Count("trade_codes"));
    }

    private void ReadCriticality()
    {
        var t = Open(Criticality, "mineral", "india_2023", "eu_2023", "us_2022");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var id = t.Text(row, "mineral");
            var flags = new[] { "india_2023", "eu_2023", "us_2022" }.Select(c => t.OneOf(row, c, "0", "1")).ToArray();
            if (_mineralLines.Count > 0 && !_mineralLines.ContainsKey(id))
            {
                t.Error(row, "mineral", $"'mineral' is '{id}'; expected a mineral id from {Minerals}.");
                continue;
            }
            if (flags.Any(f => f is null) || !Unique(seen, t, row, "mineral", "mineral", id))
            {
                continue;
            }
            _data.Add("criticality_lists", [id, flags[0] == "1", flags[1] == "1", flags[2] == "1", t.File, row.Line]);
        }
        _criticalityRead = true;
        Register(t, "criticality", "India Ministry of Mines (2023); European Commission CRM list (2023); USGS (2022)",
            "India 2023 / EU 2023 / US 2022 lists", "public government lists", "criticality_lists", _data.Count("criticality_lists"));
        BuildCatalogue();
    }

    /// <summary>Builds the look-up catalogue (minerals by name, alias or symbol) once the files it needs have been checked.</summary>
    private void BuildCatalogue()
    {
        if (_errors.Count > 0 || _mineralLines.Count == 0 || !_criticalityRead)
        {
            return;
        }
        try
        {
            _catalogue = CatalogueReader.Read(name => PackFile.Check(_dataDir, name, out var path) is { } problem
                ? throw new IOException($"{name}: {problem}")
                : File.ReadAllText(path));
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            _errors.Add(Minerals, 0, 0, "the catalogue could not be built: " + e.Message);
        }
        foreach (var m in _catalogue?.Minerals ?? [])
        {
            _data.Add("minerals", [m.Id, m.NameEn, string.Join(";", m.Symbols), string.Join("|", m.NamesHi), string.Join(";", m.AliasesEn),
                string.Join(";", m.HsCodes), m.India2023, m.Eu2023, m.Us2022, Minerals, _mineralLines[m.Id]]);
        }
    }

    private void ReadFrameworks()
    {
        var t = Open(Frameworks, "id", "name_en", "names_hi", "aliases_en", "members", "founded");
        if (t is null)
        {
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var id = t.Required(row, "id", "an upper-case framework id");
            if (!Unique(seen, t, row, "id", "framework id", id))
            {
                continue;
            }
            _data.Add("frameworks", [id, t.Required(row, "name_en", "an English name"), t.Text(row, "names_hi"), t.Text(row, "aliases_en"),
                t.Text(row, "founded"), t.File, row.Line]);
            foreach (var member in SplitList(t.Text(row, "members"), ';'))
            {
                if (!_places.Iso3Codes.Contains(member))
                {
                    t.Error(row, "members", $"member '{member}' of {id} is not an ISO 3166-1 alpha-3 code in {IsoCodes}; expected codes separated by ';'.");
                    continue;
                }
                _data.Add("framework_members", [id, member, t.File, row.Line]);
            }
        }
        Register(t, "catalogue", "Khanij catalogue (curated)", "Khanij catalogue", "project data", "frameworks, framework_members", _data.Count("frameworks"));
    }

    private void ReadCldr()
    {
        var bytes = PackFile.ReadBytes(_dataDir, Cldr, _errors);
        if (bytes is null)
        {
            return;
        }
        var text = SourceTable.Decode(bytes, Cldr, _errors);
        if (text is null)
        {
            return;
        }
        JsonElement territories;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            var at = doc.RootElement;
            var path = "$";
            foreach (var key in new[] { "main", "hi", "localeDisplayNames", "territories" })
            {
                if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(key, out var next))
                {
                    _errors.Add(Cldr, 1, 1, $"{path} is {Describe(at)} without the property \"{key}\"; expected the CLDR layout "
                        + "{\"main\": {\"hi\": {\"localeDisplayNames\": {\"territories\": {\"IN\": \"भारत\", …}}}}}.");
                    return;
                }
                at = next;
                path += "." + key;
            }
            if (at.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(Cldr, 1, 1, $"{path} is {Describe(at)}; expected an object of territory code → Hindi name.");
                return;
            }
            territories = at.Clone();
        }
        catch (JsonException e)
        {
            _errors.Add(Cldr, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"not valid JSON: {e.Message}");
            return;
        }
        var lines = text.Split('\n');
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var m = Regex.Match(lines[i], "^\\s*\"([^\"]+)\"\\s*:");
            if (m.Success)
            {
                lineOf.TryAdd(m.Groups[1].Value, i + 1);
            }
        }
        var count = 0;
        foreach (var p in territories.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String || p.Name.Length == 0)
            {
                _errors.Add(Cldr, Math.Max(lineOf.GetValueOrDefault(p.Name), 1), 1,
                    $"main.hi.localeDisplayNames.territories.{p.Name} is {Describe(p.Value)}; expected a territory code with a Hindi name as a string.");
                continue;
            }
            var name = p.Value.GetString() ?? "";
            var dash = p.Name.IndexOf("-alt-", StringComparison.Ordinal);
            var code = dash >= 0 ? p.Name[..dash] : p.Name;
            var variant = dash >= 0 ? p.Name[(dash + 5)..] : "";
            _data.Add("cldr_territories", [code, variant, name, _iso2To3.GetValueOrDefault(code), Cldr, lineOf.GetValueOrDefault(p.Name)]);
            count++;
        }
        _data.Sources.Add(new SourceInfo(Cldr, "cldr", "Unicode CLDR (cldr-json, localenames-full hi)", "CLDR (cldr-json @74ce161)",
            "Unicode License v3", "cldr_territories", count, count, 0, "", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };

    private string? FindMineral(SourceTable t, CsvRow row, string column, string label, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (overrides is not null && overrides.TryGetValue(label, out var id))
        {
            return id;
        }
        var mineral = _catalogue?.FindMineral(label);
        if (mineral is null)
        {
            if (_catalogue is not null)
            {
                t.Error(row, column, $"unknown mineral '{label}'; expected a mineral name, alias or symbol from {Minerals}.");
            }
            return null;
        }
        return mineral.Id;
    }

    private static string Slug(string label) =>
        Regex.Replace(label.Trim().ToLowerInvariant(), "[^a-z0-9]+", "_").Trim('_');

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
