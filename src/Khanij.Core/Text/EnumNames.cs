namespace Khanij.Core.Text;

/// <summary>Reads an enum value from its name only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> also accepts numbers
/// ("1", "99") and comma lists ("proposed, accepted"), so a file saying <c>"review": "99"</c> would store a state that is no state at all.</summary>
public static class EnumNames
{
    /// <summary>True when <paramref name="text"/> is the name of a defined member of <typeparamref name="T"/> (ignoring case and
    /// surrounding spaces); nothing else is accepted.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        foreach (var candidate in Enum.GetNames<T>())
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(candidate);
                return true;
            }
        }
        return false;
    }
}
