using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>The JSON form of registry records as stored in the <c>registry_record.body</c> column: snake_case names, enums as
/// lower-case ids, Devanagari kept readable. The same form is what <c>partners show --json</c> prints and what import files use.</summary>
public static class RegistryJson
{
    /// <summary>Serializer options for the registry's JSON form.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The JSON text of <paramref name="record"/>.</summary>
    public static string Serialize(RegistryRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>Reads a record written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a stored record.</exception>
    public static RegistryRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<RegistryRecord>(json, Options) ?? throw new JsonException("A stored registry record was 'null'.");
}
