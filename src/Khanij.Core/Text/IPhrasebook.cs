namespace Khanij.Core.Text;

/// <summary>Sentences from the message catalogue, for the layers that write them but cannot see the catalogue (Analytics, Ingest, Data):
/// they name a message by key and give its arguments; the host passes the catalogue of the reader's language
/// (<c>Khanij.Application.Localization.Messages.Phrasebook</c>, backed by <c>Messages.resx</c> and <c>Messages.hi.resx</c>).</summary>
public interface IPhrasebook
{
    /// <summary>The message <paramref name="key"/> with its placeholders ({0}, {1} …) filled.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such message.</exception>
    string Format(string key, params object?[] args);

    /// <summary>The display name of a catalogue id in the reader's language: a mineral id ("lithium"), an ISO3 code, a technology id
    /// ("solar_pv"); the id itself when the phrasebook knows no name for it.</summary>
    string Name(string id) => id;

    /// <summary>A phrasebook without a catalogue: "Key(arg; arg)". For callers that read only the numbers (benchmarks); anything shown to a
    /// reader passes the catalogue.</summary>
    static IPhrasebook Keys { get; } = new KeyPhrasebook();

    private sealed class KeyPhrasebook : IPhrasebook
    {
        public string Format(string key, params object?[] args) =>
            key + "(" + string.Join("; ", args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture))) + ")";
    }
}
