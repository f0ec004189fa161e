using System.Globalization;
using System.Text;
using System.Text.Json;
using Khanij.Analytics.Json;
using Khanij.Core;
using Khanij.Core.Catalogue;
using Khanij.Core.Text;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// Reads scenario files (JSON) and the short <c>--shock</c> form. Pure: takes text, returns a <see cref="Scenario"/> or every
/// problem found, each with file, line and column. Minerals and countries are checked against the catalogue (ids, names,
/// Hindi names and aliases are accepted).
/// </summary>
public static class ScenarioReader
{
    private static readonly string[] TopLevel =
    [
        "name", "description", "restriction_ids", "perspective", "horizon_months", "spare_capacity", "partner_priority",
        "stockpile_tonnes", "stockpile_months", "battery_mix", "runs", "seed", "shocks",
    ];

    private static readonly string[] ShockProperties =
        ["name", "kind", "country", "target", "minerals", "stage", "fraction", "duration_months", "start_month", "probability"];

    private static readonly string[] Kinds = ["cut", "outage", "destination_ban"];

    /// <summary>Parses a scenario file's text.</summary>
    /// <param name="json">File contents.</param>
    /// <param name="file">File name for messages.</param>
    /// <param name="catalogue">Catalogue to resolve minerals and countries.</param>
    /// <param name="scenario">The scenario when there are no errors.</param>
    /// <returns>The problems found (empty when the file is good).</returns>
    public static IReadOnlyList<ScenarioError> TryParse(string json, string file, KhanijCatalogue catalogue, out Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(catalogue);
        scenario = null;
        var bytes = Encoding.UTF8.GetBytes(json);
        if (JsonLocations.TryParse(bytes, file, "docs/simulation.md", out var document) is { } broken)
        {
            return [broken];
        }
        using (document)
        {
            var reader = new Reader(file, new JsonLocations(bytes), catalogue);
            var result = reader.ReadScenario(document!.RootElement);
            if (reader.Errors.Count == 0)
            {
                scenario = result;
            }
            return reader.Errors;
        }
    }

    private sealed class Reader
    {
        private readonly string _file;
        private readonly JsonLocations _locations;
        private readonly KhanijCatalogue _catalogue;

        public Reader(string file, JsonLocations locations, KhanijCatalogue catalogue)
        {
            _file = file;
            _locations = locations;
            _catalogue = catalogue;
        }

        public List<ScenarioError> Errors { get; } = [];

        private void Error(string path, string message)
        {
            var (line, column) = _locations.Of(path);
            Errors.Add(new ScenarioError(_file, line, column, $"{Display(path)}: {message}"));
        }

        private static string Display(string path) => path.Replace("#name", "", StringComparison.Ordinal);

        public Scenario? ReadScenario(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", $"found {Kind(root)}; expected an object with \"name\" and \"shocks\".");
                return null;
            }
            CheckProperties(root, "$", TopLevel);
            var name = String(root, "$", "name", required: true) ?? "";
            var description = String(root, "$", "description", required: false);
            var restrictions = new List<string>();
            if (root.TryGetProperty("restriction_ids", out var ids))
            {
                if (ids.ValueKind != JsonValueKind.Array || ids.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                {
                    Error("$.restriction_ids", $"found {Kind(ids)}; expected an array of register ids (strings).");
                }
                else
                {
                    restrictions.AddRange(ids.EnumerateArray().Select(x => x.GetString()!));
                }
            }
            string? perspective = null;
            var perspectiveText = String(root, "$", "perspective", required: false);
            if (perspectiveText is not null)
            {
                perspective = ShortShock.ResolveCountry(_catalogue, perspectiveText);
                if (perspective is null)
                {
                    Error("$.perspective", $"'{perspectiveText}' is not a known country; expected an ISO3 code such as IND.");
                }
            }
            var horizon = Number(root, "$", "horizon_months", 0.000001, 1200, required: false);
            var spare = Number(root, "$", "spare_capacity", 0, 1, required: false);
            bool? priority = null;
            if (root.TryGetProperty("partner_priority", out var pp))
            {
                if (pp.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    priority = pp.GetBoolean();
                }
                else
                {
                    Error("$.partner_priority", $"found {Kind(pp)}; expected true or false.");
                }
            }
            var stockpile = new Dictionary<string, double>(StringComparer.Ordinal);
            if (root.TryGetProperty("stockpile_tonnes", out var st))
            {
                if (st.ValueKind != JsonValueKind.Object)
                {
                    Error("$.stockpile_tonnes", $"found {Kind(st)}; expected an object of mineral → tonnes, e.g. {{\"cobalt\": 500}}.");
                }
                else
                {
                    foreach (var property in st.EnumerateObject())
                    {
                        var path = "$.stockpile_tonnes." + property.Name;
                        var mineral = _catalogue.FindMineral(property.Name);
                        if (mineral is null)
                        {
                            Error(path + "#name", $"'{property.Name}' is not a known mineral; see `khanij minerals`.");
                        }
                        else if (property.Value.ValueKind != JsonValueKind.Number || !(property.Value.GetDouble() >= 0))
                        {
                            Error(path, $"found {Kind(property.Value)}; expected tonnes ≥ 0.");
                        }
                        else
                        {
                            stockpile[mineral.Id] = property.Value.GetDouble();
                        }
                    }
                }
            }
            var stockpileMonths = Number(root, "$", "stockpile_months", 0, 1200, required: false);
            Dictionary<string, double>? mix = null;
            if (root.TryGetProperty("battery_mix", out var bm))
            {
                if (bm.ValueKind != JsonValueKind.Object)
                {
                    Error("$.battery_mix", $"found {Kind(bm)}; expected an object of chemistry → share of GWh, e.g. {{\"LFP\": 0.4}}.");
                }
                else
                {
                    mix = new Dictionary<string, double>(StringComparer.Ordinal);
                    foreach (var property in bm.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.Number || !(property.Value.GetDouble() is >= 0 and <= 1))
                        {
                            Error("$.battery_mix." + property.Name, $"found {Kind(property.Value)}; expected a share from 0 to 1.");
                        }
                        else
                        {
                            mix[property.Name] = property.Value.GetDouble();
                        }
                    }
                    if (mix.Values.Sum() > 1 + 1e-9)
                    {
                        Error("$.battery_mix", $"shares sum to {mix.Values.Sum().ToString("G6", CultureInfo.InvariantCulture)}; expected at most 1.");
                    }
                }
            }
            int? runs = null;
            if (root.TryGetProperty("runs", out var r))
            {
                if (r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) && n is >= 1 and <= 10_000_000)
                {
                    runs = n;
                }
                else
                {
                    Error("$.runs", $"found {Kind(r)}; expected a whole number from 1 to 10000000.");
                }
            }
            ulong? seed = null;
            if (root.TryGetProperty("seed", out var sd))
            {
                if (sd.ValueKind == JsonValueKind.Number && sd.TryGetUInt64(out var s))
                {
                    seed = s;
                }
                else
                {
                    Error("$.seed", $"found {Kind(sd)}; expected a whole number ≥ 0.");
                }
            }
            var shocks = new List<ShockEvent>();
            if (!root.TryGetProperty("shocks", out var sh))
            {
                Error("$", "missing \"shocks\"; expected an array of shocks (see docs/simulation.md).");
            }
            else if (sh.ValueKind != JsonValueKind.Array)
            {
                Error("$.shocks", $"found {Kind(sh)}; expected an array of shocks.");
            }
            else
            {
                var i = 0;
                foreach (var item in sh.EnumerateArray())
                {
                    var shock = ReadShock(item, $"$.shocks[{i}]", $"{name} #{i + 1}");
                    if (shock is not null)
                    {
                        shocks.Add(shock);
                    }
                    i++;
                }
            }
            return new Scenario(name, description, restrictions, perspective, horizon, spare, priority, stockpile, stockpileMonths, mix, runs,
                seed, shocks);
        }

        private ShockEvent? ReadShock(JsonElement item, string path, string defaultName)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"found {Kind(item)}; expected a shock object with country, minerals, stage, fraction and duration_months.");
                return null;
            }
            var errorsBefore = Errors.Count;
            CheckProperties(item, path, ShockProperties);
            var name = String(item, path, "name", required: false) ?? defaultName;
            var kindText = String(item, path, "kind", required: false) ?? "cut";
            var kind = ShockKind.Cut;
            switch (kindText)
            {
                case "cut": kind = ShockKind.Cut; break;
                case "outage": kind = ShockKind.Outage; break;
                case "destination_ban": kind = ShockKind.DestinationBan; break;
                default: Error(path + ".kind", $"'{kindText}' is not a kind; expected one of {string.Join(", ", Kinds)}."); break;
            }
            var country = Country(item, path, "country", required: true);
            var target = Country(item, path, "target", required: kind == ShockKind.DestinationBan);
            if (target is not null && kind != ShockKind.DestinationBan)
            {
                Error(path + ".target", "a target only makes sense with \"kind\": \"destination_ban\".");
            }
            if (target is not null && kind == ShockKind.DestinationBan && target == country)
            {
                Error(path + ".target", $"'{target}' is also the banning country; a destination ban stops exports from \"country\" to another country.");
            }
            var minerals = new List<string>();
            if (!item.TryGetProperty("minerals", out var ms))
            {
                Error(path, "missing \"minerals\"; expected a mineral id or an array of them, e.g. [\"cobalt\"].");
            }
            else
            {
                var list = ms.ValueKind == JsonValueKind.String ? [ms] : ms.ValueKind == JsonValueKind.Array ? ms.EnumerateArray().ToList() : null;
                if (list is null || list.Count == 0 || list.Any(x => x.ValueKind != JsonValueKind.String))
                {
                    Error(path + ".minerals", $"found {Kind(ms)}; expected a mineral id or a non-empty array of them.");
                }
                else
                {
                    foreach (var m in list)
                    {
                        var mineral = _catalogue.FindMineral(m.GetString()!);
                        if (mineral is null)
                        {
                            Error(path + ".minerals", $"'{m.GetString()}' is not a known mineral; see `khanij minerals` for ids.");
                        }
                        else
                        {
                            minerals.Add(mineral.Id);
                        }
                    }
                }
            }
            var stage = Stage.Mining;
            var stageText = String(item, path, "stage", required: true);
            if (stageText is not null && !StageNames.TryParse(stageText, out stage))
            {
                Error(path + ".stage", $"'{stageText}' is not a stage; expected one of {string.Join(", ", StageNames.All)}.");
            }
            var fraction = kind == ShockKind.Outage && !item.TryGetProperty("fraction", out _)
                ? Distribution.Fixed(1)
                : Dist(item, path, "fraction", 0, 1, required: true, Distribution.Fixed(0));
            var duration = Dist(item, path, "duration_months", 0, 1200, required: true, Distribution.Fixed(0));
            var start = Dist(item, path, "start_month", 0, 1200, required: false, Distribution.Fixed(0));
            var probability = Number(item, path, "probability", 0, 1, required: false) ?? 1;
            if (Errors.Count > errorsBefore || country is null)
            {
                return null;
            }
            return new ShockEvent(name, kind, country, target, minerals, stage, fraction, duration, start, probability);
        }

        private void CheckProperties(JsonElement element, string path, string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    Error($"{path}.{property.Name}#name", $"unknown property '{property.Name}'; expected one of {string.Join(", ", known)}.");
                }
            }
        }

        private string? String(JsonElement element, string path, string name, bool required)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error(path, $"missing \"{name}\" (a string).");
                }
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Error($"{path}.{name}", $"found {Kind(value)}; expected a string.");
                return null;
            }
            return value.GetString();
        }

        private string? Country(JsonElement element, string path, string name, bool required)
        {
            var text = String(element, path, name, required);
            if (text is null)
            {
                return null;
            }
            var iso3 = ShortShock.ResolveCountry(_catalogue, text);
            if (iso3 is null)
            {
                Error($"{path}.{name}", $"'{text}' is not a known country; expected an ISO3 code such as COD.");
            }
            return iso3;
        }

        private double? Number(JsonElement element, string path, string name, double min, double max, bool required)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error(path, $"missing \"{name}\" (a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}).");
                }
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !(value.GetDouble() >= min && value.GetDouble() <= max))
            {
                Error($"{path}.{name}", $"found {Kind(value)}; expected a number from {min.ToString(CultureInfo.InvariantCulture)} to "
                    + $"{max.ToString(CultureInfo.InvariantCulture)}.");
                return null;
            }
            return value.GetDouble();
        }

        private Distribution Dist(JsonElement element, string path, string name, double min, double max, bool required, Distribution fallback)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    Error(path, $"missing \"{name}\" (a number, or {{\"dist\": \"uniform\"|\"triangular\", \"min\", \"mode\", \"max\"}}).");
                }
                return fallback;
            }
            var at = $"{path}.{name}";
            var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            if (value.ValueKind == JsonValueKind.Number)
            {
                var v = value.GetDouble();
                if (!(v >= min && v <= max))
                {
                    Error(at, $"found {Kind(value)}; expected a number {range}.");
                    return fallback;
                }
                return Distribution.Fixed(v);
            }
            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(at, $"found {Kind(value)}; expected a number {range} or a distribution object.");
                return fallback;
            }
            CheckProperties(value, at, ["dist", "value", "min", "mode", "max"]);
            var dist = String(value, at, "dist", required: true);
            double? Get(string key) => Number(value, at, key, min, max, required: true);
            switch (dist)
            {
                case "fixed":
                    return Get("value") is { } x ? Distribution.Fixed(x) : fallback;
                case "uniform":
                {
                    var (lo, hi) = (Get("min"), Get("max"));
                    if (lo is null || hi is null)
                    {
                        return fallback;
                    }
                    if (lo > hi)
                    {
                        Error(at, $"min {lo} is above max {hi}; expected min ≤ max.");
                        return fallback;
                    }
                    return Distribution.Uniform(lo.Value, hi.Value);
                }
                case "triangular":
                {
                    var (lo, mode, hi) = (Get("min"), Get("mode"), Get("max"));
                    if (lo is null || mode is null || hi is null)
                    {
                        return fallback;
                    }
                    if (!(lo <= mode && mode <= hi))
                    {
                        Error(at, $"min {lo}, mode {mode}, max {hi} are out of order; expected min ≤ mode ≤ max.");
                        return fallback;
                    }
                    return Distribution.Triangular(lo.Value, mode.Value, hi.Value);
                }
                case null:
                    return fallback;
                default:
                    Error(at + ".dist", $"'{dist}' is not a distribution; expected fixed, uniform or triangular.");
                    return fallback;
            }
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{e.GetString()}\"",
            JsonValueKind.Number => $"the number {e.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => $"{e.GetRawText()}",
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => e.ValueKind.ToString(),
        };
    }
}
