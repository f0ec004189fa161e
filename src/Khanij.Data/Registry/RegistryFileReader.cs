using System.Text.Json;
using Khanij.Core.Events;
using Khanij.Core.Registry;
using Khanij.Core.Text;

namespace Khanij.Data.Registry;

/// <summary>Reads the records of a curated registry file (<c>{"records": [...]}</c>, the JSON form of <see cref="RegistryRecord"/>
/// with optional lists and <c>review</c> defaulting to <c>accepted</c>). Collects every problem with its JSON path instead of stopping
/// at the first.</summary>
internal sealed class RegistryFileReader
{
    private static readonly string[] RecordFields =
    [
        "id", "kind", "title", "parties", "instrument", "status", "date", "end_date", "minerals", "stages", "areas", "officials",
        "organisations", "parent_id", "sources", "review", "partnership", "occasion", "project", "investment", "commitment", "conflicts",
    ];

    private readonly List<(string Path, string Message)> _problems = [];

    public IReadOnlyList<(string Path, string Message)> Problems => _problems;

    /// <summary>The records of <paramref name="root"/>, each with its index in <c>records</c>, as far as they could be read; their
    /// problems are in <see cref="Problems"/>.</summary>
    public IReadOnlyList<(int Index, RegistryRecord Record)> Read(JsonElement root)
    {
        var result = new List<(int, RegistryRecord)>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            Problem("", "expected an object with a \"records\" array: {\"records\": [ {\"id\": …, \"kind\": …, \"sources\": […]}, … ]}.");
            return result;
        }
        foreach (var p in root.EnumerateObject().Where(p => p.Name is not ("records" or "$schema" or "comment")))
        {
            Problem(p.Name, $"unknown top-level field \"{p.Name}\"; expected \"records\" (and optionally \"comment\").");
        }
        var i = 0;
        foreach (var element in records.EnumerateArray())
        {
            var record = ReadRecord(element, $"records[{i}]");
            if (record is not null)
            {
                result.Add((i, record));
            }
            i++;
        }
        return result;
    }

    private RegistryRecord? ReadRecord(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Problem(path, $"expected a record object, found {Describe(e)}.");
            return null;
        }
        Unknown(e, path, RecordFields);
        var id = Str(e, "id", path, required: true) ?? "";
        var kindText = Str(e, "kind", path, required: true);
        if (!RecordKinds.TryParse(kindText, out var kind) && kindText is not null)
        {
            Problem(path + ".kind", $"kind \"{kindText}\" is not known; expected one of {string.Join(", ", RecordKinds.All)}.");
        }
        var review = ReviewState.Accepted;
        var reviewText = Str(e, "review", path, required: false);
        if (reviewText is not null && !EnumNames.TryParse(reviewText, out review))
        {
            Problem(path + ".review", $"review \"{reviewText}\" is not known; expected proposed, accepted or rejected.");
        }
        var record = new RegistryRecord(
            id,
            kind,
            Str(e, "title", path, required: true) ?? "",
            StrList(e, "parties", path, required: true),
            Str(e, "instrument", path, required: false),
            Str(e, "status", path, required: false),
            Str(e, "date", path, required: false),
            Str(e, "end_date", path, required: false),
            StrList(e, "minerals", path, required: false),
            StrList(e, "stages", path, required: false),
            StrList(e, "areas", path, required: false),
            Objects(e, "officials", path, (o, p) =>
            {
                Unknown(o, p, ["name", "role", "country"]);
                return new Official(Str(o, "name", p, required: true) ?? "", Str(o, "role", p, required: false) ?? "", Str(o, "country", p, required: false));
            }),
            Objects(e, "organisations", path, (o, p) =>
            {
                Unknown(o, p, ["name", "country"]);
                return new Organisation(Str(o, "name", p, required: true) ?? "", Str(o, "country", p, required: false));
            }),
            Str(e, "parent_id", path, required: false),
            Objects(e, "sources", path, (o, p) =>
            {
                Unknown(o, p, ["document", "title", "url", "published", "evidence", "note"]);
                return new SourceRef(
                    Str(o, "document", p, required: true) ?? "",
                    Str(o, "title", p, required: false),
                    Str(o, "url", p, required: false),
                    Str(o, "published", p, required: false),
                    StrList(o, "evidence", p, required: false),
                    Str(o, "note", p, required: false));
            }),
            review);
        return record with
        {
            // A record exported from the registry may carry conflicts left for review; they come back as they were.
            Conflicts = Objects(e, "conflicts", path, (o, p) =>
            {
                Unknown(o, p, ["field", "kept", "incoming", "source"]);
                return new FieldConflict(Str(o, "field", p, required: true) ?? "", Str(o, "kept", p, required: false), Str(o, "incoming", p, required: false),
                    Str(o, "source", p, required: true) ?? "");
            }),
            Partnership = Detail(e, "partnership", path, (o, p) =>
            {
                Unknown(o, p, ["framework_id", "members"]);
                return new PartnershipDetails(Str(o, "framework_id", p, required: false), StrList(o, "members", p, required: false));
            }) ?? (kind == RecordKind.Partnership ? new PartnershipDetails(null, []) : null),
            Occasion = Detail(e, "occasion", path, (o, p) =>
            {
                Unknown(o, p, ["session_number", "venue_country", "venue_city", "reviews"]);
                return new OccasionDetails(
                    (int?)Num(o, "session_number", p), Str(o, "venue_country", p, required: false), Str(o, "venue_city", p, required: false),
                    StrList(o, "reviews", p, required: false));
            }) ?? (kind == RecordKind.Occasion ? new OccasionDetails(null, null, null, []) : null),
            Project = Detail(e, "project", path, (o, p) =>
            {
                Unknown(o, p, ["facility", "location", "capacity", "partners", "financing"]);
                return new ProjectDetails(
                    Str(o, "facility", p, required: false), Str(o, "location", p, required: false), Str(o, "capacity", p, required: false),
                    StrList(o, "partners", p, required: false), Str(o, "financing", p, required: false));
            }) ?? (kind == RecordKind.Project ? new ProjectDetails(null, null, null, [], null) : null),
            Investment = Detail(e, "investment", path, (o, p) =>
            {
                Unknown(o, p, ["amount", "currency", "period", "other"]);
                return new InvestmentDetails(Num(o, "amount", p), Str(o, "currency", p, required: false), Str(o, "period", p, required: false),
                    Objects(o, "other", p, (a, ap) =>
                    {
                        Unknown(a, ap, ["value", "unit", "what"]);
                        return new Amount(Num(a, "value", ap) ?? 0, Str(a, "unit", ap, required: true) ?? "", Str(a, "what", ap, required: false) ?? "");
                    }));
            }) ?? (kind == RecordKind.Investment ? new InvestmentDetails(null, null, null, []) : null),
            Commitment = Detail(e, "commitment", path, (o, p) =>
            {
                Unknown(o, p, ["text", "owner", "due", "status"]);
                var statusText = Str(o, "status", p, required: false);
                var status = FollowUpStatus.Open;
                if (statusText is not null && !EnumNames.TryParse(statusText, out status))
                {
                    Problem(p + ".status", $"status \"{statusText}\" is not known; expected open, done, overdue or dropped.");
                }
                return new CommitmentDetails(Str(o, "text", p, required: true) ?? "", Str(o, "owner", p, required: false), Str(o, "due", p, required: false), status);
            }),
        };
    }

    private void Problem(string path, string message) => _problems.Add((path, message));

    private void Unknown(JsonElement e, string path, IReadOnlyCollection<string> known)
    {
        foreach (var p in e.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            Problem($"{path}.{p.Name}", $"unknown field \"{p.Name}\"; expected one of {string.Join(", ", known)}.");
        }
    }

    private string? Str(JsonElement e, string name, string path, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem($"{path}", $"missing field \"{name}\" (required).");
            }
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            Problem($"{path}.{name}", $"\"{name}\" must be a string, found {Describe(v)}.");
            return null;
        }
        var s = v.GetString()!.Trim();
        return s.Length == 0 && !required ? null : s;
    }

    private double? Num(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number)
        {
            Problem($"{path}.{name}", $"\"{name}\" must be a number, found {Describe(v)}.");
            return null;
        }
        return v.GetDouble();
    }

    private List<string> StrList(JsonElement e, string name, string path, bool required)
    {
        var result = new List<string>();
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(path, $"missing field \"{name}\" (required, an array of strings).");
            }
            return result;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem($"{path}.{name}", $"\"{name}\" must be an array of strings, found {Describe(v)}.");
            return result;
        }
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!.Trim());
            }
            else
            {
                Problem($"{path}.{name}[{i}]", $"expected a string, found {Describe(item)}.");
            }
            i++;
        }
        return result;
    }

    private List<T> Objects<T>(JsonElement e, string name, string path, Func<JsonElement, string, T> read)
    {
        var result = new List<T>();
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return result;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem($"{path}.{name}", $"\"{name}\" must be an array of objects, found {Describe(v)}.");
            return result;
        }
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                Problem(itemPath, $"expected an object, found {Describe(item)}.");
                continue;
            }
            result.Add(read(item, itemPath));
        }
        return result;
    }

    private T? Detail<T>(JsonElement e, string name, string path, Func<JsonElement, string, T> read)
        where T : class
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            Problem($"{path}.{name}", $"\"{name}\" must be an object, found {Describe(v)}.");
            return null;
        }
        return read(v, $"{path}.{name}");
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(v.GetString()!)}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "…";
}
