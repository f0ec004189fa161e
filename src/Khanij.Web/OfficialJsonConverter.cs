using System.Text.Json;
using System.Text.Json.Serialization;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;

namespace Khanij.Web;

/// <summary>Writes an official as the registry holds it (<c>name</c> as recorded, <c>role</c>, <c>country</c>) plus <c>name_latin</c>, the name in
/// Latin script for English pages (known spelling or romanisation, <see cref="OfficialSpellings"/>). Reads the three recorded fields and
/// ignores <c>name_latin</c>, so a record sent back is unchanged.</summary>
internal sealed class OfficialJsonConverter(OfficialSpellings spellings) : JsonConverter<Official>
{
    public override Official Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object {name, role, country} for an official.");
        }
        string? name = null, role = null, country = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "name" or "Name":
                    name = reader.GetString();
                    break;
                case "role" or "Role":
                    role = reader.GetString();
                    break;
                case "country" or "Country":
                    country = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new Official(name ?? throw new JsonException("an official needs a \"name\"."), role ?? "", country);
    }

    public override void Write(Utf8JsonWriter writer, Official value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteString("role", value.Role);
        if (value.Country is null)
        {
            writer.WriteNull("country");
        }
        else
        {
            writer.WriteString("country", value.Country);
        }
        writer.WriteString("name_latin", spellings.Latin(value.Name));
        writer.WriteEndObject();
    }
}
