using System.Globalization;
using System.Xml.Linq;
using Khanij.Core.Text;

namespace Khanij.Testing;

/// <summary>The message catalogue read straight from the repository's resx files (not through the Application's code), for tests of the
/// inner layers that take an <see cref="IPhrasebook"/>. English numbers are invariant; Hindi use hi-IN.</summary>
public sealed class ResxPhrasebook : IPhrasebook
{
    private readonly Dictionary<string, string> _messages;
    private readonly CultureInfo _culture;

    private ResxPhrasebook(string file, CultureInfo culture)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "Khanij.Application", "Localization", file);
        _messages = XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
        _culture = culture;
    }

    /// <summary>Messages.resx.</summary>
    public static ResxPhrasebook English { get; } = new("Messages.resx", CultureInfo.InvariantCulture);

    /// <summary>Messages.hi.resx.</summary>
    public static ResxPhrasebook Hindi { get; } = new("Messages.hi.resx", CultureInfo.GetCultureInfo("hi-IN"));

    /// <inheritdoc/>
    public string Format(string key, params object?[] args) =>
        string.Format(_culture, _messages.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException($"no message '{key}'"), args);
}
