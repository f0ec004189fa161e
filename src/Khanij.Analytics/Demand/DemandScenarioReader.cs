using System.Globalization;
using System.Text;
using System.Text.Json;
using Khanij.Analytics.Json;
using Khanij.Analytics.Simulation;
using Khanij.Core.Catalogue;

namespace Khanij.Analytics.Demand;

/// <summary>Reads demand scenario files (JSON, comments allowed; format in <c>docs/demand.md</c>). Pure: takes text, returns a
/// <see cref="DemandScenario"/> or every problem found, each with file, line and column, what was found and what was expected.</summary>
public static class DemandScenarioReader
{
    private static readonly string[] TopLevel = ["name", "name_hi", "country", "description", "sources", "deployment", "omitted", "omitted_hi"];
    private static readonly string[] SourceProperties = ["publisher", "document", "year", "url", "assumption", "note", "note_hi"];
    private static readonly string[] RowProperties =
        ["technology", "year", "value", "unit", "measure", "source", "chemistry_mix", "mix_source", "note"];
    private static readonly string[] Measures = ["per_year", "stock", "share"];

    /// <summary>Parses a demand scenario file's text.</summary>
    /// <param name="json">File contents.</param>
    /// <param name="file">File name for messages.</param>
    /// <param name="catalogue">Catalogue to resolve the country (ISO3, English or Hindi name, alias).</param>
    /// <param name="chemistries">Chemistry labels with intensities in the data pack; when given, a mix naming another label is an error.
    /// Null skips that check.</param>
    /// <param name="scenario">The scenario when there are no problems.</param>
    /// <param name="requireHindi">True for the shipped (curated) scenarios: the Hindi texts a reader sees (<c>name_hi</c>, <c>omitted_hi</c>,
    /// an assumption's <c>note_hi</c>) must be there and in Devanagari. A user's own file may leave them out (its English is shown).</param>
    /// <returns>The problems found (empty when the file is good).</returns>
    public static IReadOnlyList<ScenarioError> TryParse(string json, string file, KhanijCatalogue catalogue,
        IReadOnlyCollection<string>? chemistries, out DemandScenario? scenario, bool requireHindi = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(catalogue);
        scenario = null;
        var bytes = Encoding.UTF8.GetBytes(json);
        if (JsonLocations.TryParse(bytes, file, "docs/demand.md", out var document) is { } broken)
        {
            return [broken];
        }
        using (document)
        {
            var reader = new Reader(file, new JsonLocations(bytes), catalogue, chemistries, requireHindi);
            var result = reader.Read(document!.RootElement);
            if (reader.Errors.Count == 0)
            {
                scenario = result;
            }
            return reader.Errors;
        }
    }

    private sealed class Reader(string file, JsonLocations locations, KhanijCatalogue catalogue, IReadOnlyCollection<string>? chemistries, bool requireHindi)
    {
        public List<ScenarioError> Errors { get; } = [];

        private void Error(string path, string message)
        {
            var (line, column) = locations.Of(path);
            Errors.Add(new ScenarioError(file, line, column, $"{path.Replace("#name", "", StringComparison.Ordinal)}: {message}"));
        }

        public DemandScenario? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", $"found {Kind(root)}; expected an object with \"name\", \"country\", \"sources\" and \"deployment\".");
                return null;
            }
            Unknown(root, "$", TopLevel);
            var name = Text(root, "$", "name", required: true) ?? "";
            var nameHi = Hindi(root, "$", "name_hi");
            var description = Text(root, "$", "description", required: false);
            string country = "";
            var countryText = Text(root, "$", "country", required: true);
            if (countryText is not null)
            {
                var found = catalogue.CountryByIso3(countryText.Trim().ToUpperInvariant()) ?? catalogue.FindCountry(countryText);
                if (found is null)
                {
                    Error("$.country", $"'{countryText}' is not a known country; expected an ISO3 code such as IND.");
                }
                else
                {
                    country = found.Iso3;
                }
            }
            var sources = ReadSources(root);
            var rows = ReadRows(root, sources);
            var omitted = new List<string>();
            if (root.TryGetProperty("omitted", out var om))
            {
                if (om.ValueKind != JsonValueKind.Array || om.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                {
                    Error("$.omitted", $"found {Kind(om)}; expected an array of strings saying what was left out and why.");
                }
                else
                {
                    omitted.AddRange(om.EnumerateArray().Select(x => x.GetString()!));
                }
            }
            var omittedHi = ReadOmittedHi(root, omitted.Count);
            return new DemandScenario(name, country, description, sources, rows, omitted, file) { NameHi = nameHi, OmittedHi = omittedHi };
        }

        private List<string>? ReadOmittedHi(JsonElement root, int count)
        {
            if (!root.TryGetProperty("omitted_hi", out var om))
            {
                if (requireHindi && count > 0)
                {
                    Error("$.omitted", "has no Hindi twin; expected \"omitted_hi\": an array of the same length in Hindi (Devanagari).");
                }
                return null;
            }
            if (om.ValueKind != JsonValueKind.Array || om.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String || !IsDevanagari(x.GetString())))
            {
                Error("$.omitted_hi", $"found {Kind(om)}; expected an array of Hindi strings (Devanagari), one per \"omitted\" entry.");
                return null;
            }
            if (om.GetArrayLength() != count)
            {
                Error("$.omitted_hi", $"found {om.GetArrayLength()} entries; expected {count}, one per \"omitted\" entry in the same order.");
                return null;
            }
            return [.. om.EnumerateArray().Select(x => x.GetString()!)];
        }

        /// <summary>A Hindi twin of a text: required when <c>requireHindi</c>, and then (or whenever given) in Devanagari.</summary>
        private string? Hindi(JsonElement element, string path, string name, bool required = true)
        {
            var text = Text(element, path, name, required && requireHindi);
            if (text is not null && !IsDevanagari(text))
            {
                Error($"{path}.{name}", $"found \"{text}\"; expected Hindi text in Devanagari.");
                return null;
            }
            return text;
        }

        private static bool IsDevanagari(string? text) => text is not null && text.Any(c => c is >= '\u0900' and <= '\u097F');

        private Dictionary<string, DemandSource> ReadSources(JsonElement root)
        {
            var sources = new Dictionary<string, DemandSource>(StringComparer.Ordinal);
            if (!root.TryGetProperty("sources", out var ss))
            {
                Error("$", "missing \"sources\"; expected an object of id → {publisher, document, year}.");
                return sources;
            }
            if (ss.ValueKind != JsonValueKind.Object)
            {
                Error("$.sources", $"found {Kind(ss)}; expected an object of id → {{publisher, document, year}}.");
                return sources;
            }
            foreach (var property in ss.EnumerateObject())
            {
                var path = "$.sources." + property.Name;
                var s = property.Value;
                if (s.ValueKind != JsonValueKind.Object)
                {
                    Error(path, $"found {Kind(s)}; expected an object with publisher, document and year.");
                    continue;
                }
                var before = Errors.Count;
                Unknown(s, path, SourceProperties);
                var publisher = Text(s, path, "publisher", required: true);
                var document = Text(s, path, "document", required: true);
                var year = Integer(s, path, "year", 1900, 2100, required: true);
                var url = Text(s, path, "url", required: false);
                var assumption = false;
                if (s.TryGetProperty("assumption", out var a))
                {
                    if (a.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        assumption = a.GetBoolean();
                    }
                    else
                    {
                        Error(path + ".assumption", $"found {Kind(a)}; expected true or false.");
                    }
                }
                var note = Text(s, path, "note", required: assumption);
                var noteHi = Hindi(s, path, "note_hi", required: assumption);
                if (Errors.Count == before)
                {
                    sources[property.Name] = new DemandSource(property.Name, publisher!, document!, year!.Value, url, assumption, note) { NoteHi = noteHi };
                }
            }
            return sources;
        }

        private List<Deployment> ReadRows(JsonElement root, Dictionary<string, DemandSource> sources)
        {
            var rows = new List<Deployment>();
            if (!root.TryGetProperty("deployment", out var ds))
            {
                Error("$", "missing \"deployment\"; expected an array of {technology, year, value, unit, source}.");
                return rows;
            }
            if (ds.ValueKind != JsonValueKind.Array)
            {
                Error("$.deployment", $"found {Kind(ds)}; expected an array of {{technology, year, value, unit, source}}.");
                return rows;
            }
            var seen = new Dictionary<(string, int), string>();
            var i = 0;
            foreach (var item in ds.EnumerateArray())
            {
                var path = $"$.deployment[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(path, $"found {Kind(item)}; expected an object {{technology, year, value, unit, source}}.");
                    continue;
                }
                var before = Errors.Count;
                Unknown(item, path, RowProperties);
                var technology = Text(item, path, "technology", required: true);
                (string Unit, bool IsBattery, string Description) tech = default;
                if (technology is not null && !Technologies.All.TryGetValue(technology, out tech))
                {
                    Error(path + ".technology", $"'{technology}' is not a technology; expected one of {string.Join(", ", Technologies.All.Keys)}.");
                    technology = null;
                }
                var year = Integer(item, path, "year", 2000, 2100, required: true);
                var unit = Text(item, path, "unit", required: true);
                if (technology is not null && unit is not null && unit != tech.Unit)
                {
                    Error(path + ".unit", $"found \"{unit}\"; {technology} is measured in {tech.Unit}.");
                }
                var measureText = Text(item, path, "measure", required: false) ?? (tech.Unit == "share" ? "share" : "per_year");
                var measure = measureText switch
                {
                    "per_year" => DeploymentMeasure.PerYear,
                    "stock" => DeploymentMeasure.Stock,
                    "share" => DeploymentMeasure.Share,
                    _ => (DeploymentMeasure?)null,
                };
                if (measure is null)
                {
                    Error(path + ".measure", $"'{measureText}' is not a measure; expected one of {string.Join(", ", Measures)}.");
                }
                else if ((measure == DeploymentMeasure.Share) != (tech.Unit == "share") && technology is not null)
                {
                    Error(path + ".measure", $"'{measureText}' does not fit {technology} ({tech.Unit}); a share goes with unit \"share\" only.");
                }
                var value = Number(item, path, "value", 0, tech.Unit == "share" ? 1 : 1e7, required: true);
                var sourceId = SourceRef(item, path, "source", sources, required: true);
                IReadOnlyDictionary<string, double>? mix = null;
                string? mixSource = null;
                if (item.TryGetProperty("chemistry_mix", out var cm))
                {
                    if (technology is not null && !tech.IsBattery)
                    {
                        Error(path + ".chemistry_mix", $"{technology} is not a battery technology; a chemistry mix does not apply.");
                    }
                    mix = Mix(cm, path + ".chemistry_mix");
                    mixSource = SourceRef(item, path, "mix_source", sources, required: true);
                }
                else if (technology is not null && tech.IsBattery)
                {
                    Error(path, "missing \"chemistry_mix\"; a battery technology needs the share of GWh by chemistry, e.g. {\"LFP\": 0.5, \"NMC 811\": 0.5}, "
                        + "and \"mix_source\".");
                }
                else if (item.TryGetProperty("mix_source", out _))
                {
                    Error(path + ".mix_source", "a mix source without \"chemistry_mix\".");
                }
                var note = Text(item, path, "note", required: false);
                if (technology is not null && year is not null)
                {
                    if (seen.TryGetValue((technology, year.Value), out var other))
                    {
                        Error(path + ".year", $"{technology} {year} is given twice (also at {other}); expected one figure per technology and year.");
                    }
                    else
                    {
                        seen[(technology, year.Value)] = path;
                    }
                }
                if (Errors.Count == before)
                {
                    rows.Add(new Deployment(technology!, year!.Value, value!.Value, unit!, measure!.Value, sourceId!, mix, mixSource, note,
                        locations.Of(path).Line));
                }
            }
            return rows;
        }

        private Dictionary<string, double>? Mix(JsonElement cm, string path)
        {
            if (cm.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"found {Kind(cm)}; expected an object of chemistry → share of GWh.");
                return null;
            }
            var mix = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var p in cm.EnumerateObject())
            {
                if (chemistries is not null && !chemistries.Contains(p.Name))
                {
                    Error($"{path}.{p.Name}#name", $"'{p.Name}' has no BatPaC intensities in the data pack; expected one of "
                        + $"{string.Join(", ", chemistries.Order(StringComparer.Ordinal))}.");
                }
                if (p.Value.ValueKind != JsonValueKind.Number || !(p.Value.GetDouble() is >= 0 and <= 1))
                {
                    Error($"{path}.{p.Name}", $"found {Kind(p.Value)}; expected a share from 0 to 1.");
                    continue;
                }
                mix[p.Name] = p.Value.GetDouble();
            }
            if (mix.Count > 0 && Math.Abs(mix.Values.Sum() - 1) > 1e-6)
            {
                Error(path, $"shares sum to {mix.Values.Sum().ToString("G6", CultureInfo.InvariantCulture)}; expected 1.");
            }
            return mix;
        }

        private string? SourceRef(JsonElement item, string path, string name, Dictionary<string, DemandSource> sources, bool required)
        {
            var id = Text(item, path, name, required);
            if (id is not null && !sources.ContainsKey(id))
            {
                Error($"{path}.{name}", $"'{id}' is not in \"sources\"; expected one of {string.Join(", ", sources.Keys)}.");
                return null;
            }
            return id;
        }

        private void Unknown(JsonElement element, string path, string[] known)
        {
            foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                Error($"{path}.{property.Name}#name", $"unknown property '{property.Name}'; expected one of {string.Join(", ", known)}.");
            }
        }

        private string? Text(JsonElement element, string path, string name, bool required)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error(path, $"missing \"{name}\" (a string).");
                }
                return null;
            }
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Error($"{path}.{name}", $"found {Kind(value)}; expected a non-empty string.");
                return null;
            }
            return value.GetString();
        }

        private double? Number(JsonElement element, string path, string name, double min, double max, bool required)
        {
            var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error(path, $"missing \"{name}\" (a number {range}).");
                }
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !(value.GetDouble() >= min && value.GetDouble() <= max))
            {
                Error($"{path}.{name}", $"found {Kind(value)}; expected a number {range}.");
                return null;
            }
            return value.GetDouble();
        }

        private int? Integer(JsonElement element, string path, string name, int min, int max, bool required)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error(path, $"missing \"{name}\" (a whole number from {min} to {max}).");
                }
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n < min || n > max)
            {
                Error($"{path}.{name}", $"found {Kind(value)}; expected a whole number from {min} to {max}.");
                return null;
            }
            return n;
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{e.GetString()}\"",
            JsonValueKind.Number => $"the number {e.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => e.ValueKind.ToString(),
        };
    }
}
