using System.Globalization;
using System.Text.RegularExpressions;

namespace Khanij.Ingest.Amounts;

/// <summary>Money amounts in Indian and Western numbering: "6 लाख करोड़ रुपये" = 6e12 INR, "₹2,050 crore" = 2.05e10 INR,
/// "$1.5 billion" = 1.5e9 USD, "10 ट्रिलियन येन" = 1e13 JPY. Runs without backtracking (linear time).</summary>
internal static class AmountParser
{
    private static readonly (string Word, double Factor)[] Multipliers =
    [
        ("हज़ार", 1e3), ("हजार", 1e3), ("thousand", 1e3), ("लाख", 1e5), ("lakh", 1e5), ("lakhs", 1e5), ("करोड़", 1e7), ("करोड़", 1e7),
        ("करोड", 1e7), ("crore", 1e7), ("crores", 1e7), ("cr", 1e7), ("अरब", 1e9), ("खरब", 1e11), ("million", 1e6), ("mn", 1e6),
        ("मिलियन", 1e6), ("billion", 1e9), ("bn", 1e9), ("बिलियन", 1e9), ("trillion", 1e12), ("tn", 1e12), ("ट्रिलियन", 1e12),
    ];

    private static readonly (string Word, string Code)[] Currencies =
    [
        ("₹", "INR"), ("rs.", "INR"), ("rs", "INR"), ("inr", "INR"), ("रु.", "INR"), ("रुपये", "INR"), ("रुपए", "INR"), ("रुपयों", "INR"),
        ("रुपया", "INR"), ("rupees", "INR"), ("rupee", "INR"),
        ("us$", "USD"), ("$", "USD"), ("usd", "USD"), ("अमेरिकी डॉलर", "USD"), ("डॉलर", "USD"), ("डालर", "USD"), ("dollars", "USD"), ("dollar", "USD"),
        ("a$", "AUD"), ("aud", "AUD"), ("ऑस्ट्रेलियाई डॉलर", "AUD"), ("australian dollars", "AUD"),
        ("c$", "CAD"), ("cad", "CAD"), ("कनाडाई डॉलर", "CAD"), ("canadian dollars", "CAD"),
        ("¥", "JPY"), ("jpy", "JPY"), ("येन", "JPY"), ("yen", "JPY"),
        ("€", "EUR"), ("eur", "EUR"), ("यूरो", "EUR"), ("euro", "EUR"), ("euros", "EUR"),
        ("£", "GBP"), ("gbp", "GBP"), ("पाउंड", "GBP"), ("pounds", "GBP"),
    ];

    private static readonly Dictionary<string, double> MultiplierOf = Multipliers.DistinctBy(m => m.Word.ToLowerInvariant()).ToDictionary(m => m.Word, m => m.Factor, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> CurrencyOf = Currencies.ToDictionary(c => c.Word, c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly string MultAlt = Alt(Multipliers.Select(m => m.Word));
    private static readonly string CurAlt = Alt(Currencies.Select(c => c.Word));

    private static readonly Regex Pattern = new(
        $@"(?<pre>{CurAlt})?[ ]?(?<num>\d{{1,3}}(,\d{{2,3}})+(\.\d+)?|\d+(\.\d+)?)[ ]?(?<m1>{MultAlt})?\b[ ]?(?<m2>{MultAlt})?\b[ ]?(?<post>{CurAlt})?",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>Money amounts in <paramref name="text"/> (digits folded to ASCII); numbers without a currency are not amounts.</summary>
    public static IReadOnlyList<(int Start, int End, double Value, string Currency)> Find(string text)
    {
        var found = new List<(int, int, double, string)>();
        if (!MayHaveCurrency(text))
        {
            return found; // cheap pre-check before the regex
        }
        try
        {
            foreach (Match m in Pattern.Matches(text))
            {
                var currency = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Success ? m.Groups["post"].Value : null;
                if (currency is null || !double.TryParse(m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float,
                    CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }
                foreach (var g in new[] { "m1", "m2" })
                {
                    if (m.Groups[g].Success)
                    {
                        value *= MultiplierOf[m.Groups[g].Value];
                    }
                }
                if (!double.IsFinite(value))
                {
                    continue;   // hundreds of digits (found by fuzzing): not an amount anyone wrote, and infinity would poison sums
                }
                found.Add((m.Index, m.Index + m.Length, value, CurrencyOf[currency]));
                if (found.Count >= 10_000)
                {
                    break;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // bounded: a pathological input yields fewer amounts, never a hang
        }
        return found;
    }

    private static readonly string[] CurrencyHints =
    [
        "₹", "$", "€", "£", "¥", "रु", "डॉलर", "डालर", "येन", "यूरो", "पाउंड", "rs", "inr", "usd", "jpy", "eur", "aud", "cad", "gbp", "yen", "euro",
        "dollar", "rupee", "pound",
    ];

    private static bool MayHaveCurrency(string text)
    {
        foreach (var hint in CurrencyHints)
        {
            if (text.Contains(hint, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static string Alt(IEnumerable<string> words) => string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
}
