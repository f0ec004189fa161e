using System.Globalization;

namespace Khanij.Core.Text;

/// <summary>Small pieces of English grammar for messages: counts with the right noun form and possessives.</summary>
public static class English
{
    /// <summary>"1 table", "2 tables", "1,204 rows": the count (grouped digits) and the singular or plural noun.
    /// <paramref name="plural"/> defaults to the singular with "s".</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>"India's", "the United States'": a possessive that does not add "'s" after a final s.</summary>
    public static string Possessive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.EndsWith('s') ? name + "'" : name + "'s";
    }
}
