using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Khanij.Ingest.Evaluation;

/// <summary>The few Python behaviours the reference scorer relies on: <c>str(v)</c> of a JSON value, <c>f"{x:.Nf}"</c>
/// (exact, round-half-even on the binary value), and reading a file with universal newlines.</summary>
public static class PyText
{
    /// <summary>Python's <c>str(v)</c> of a value parsed by <c>json.loads</c>.</summary>
    public static string Str(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null or JsonValueKind.Undefined => "None",
        JsonValueKind.Number => NumberStr(v),
        _ => v.GetRawText(),
    };

    private static string NumberStr(JsonElement v)
    {
        var raw = v.GetRawText();
        if (raw.AsSpan().IndexOfAny(".eE") < 0)
        {
            return raw; // Python int
        }
        var d = v.GetDouble();
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        return r.Contains('.', StringComparison.Ordinal) || r.Contains('E', StringComparison.Ordinal) ? r : r + ".0";
    }

    /// <summary>Python's <c>f"{value:.{digits}f}"</c>: the exact binary value rounded half-to-even.</summary>
    public static string Fixed(double value, int digits)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075; // value = mantissa * 2^exponent
        // scaled = value * 10^digits as an exact fraction num/den
        var num = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        var den = BigInteger.One;
        if (exponent >= 0)
        {
            num <<= exponent;
        }
        else
        {
            den <<= -exponent;
        }
        var q = BigInteger.DivRem(num, den, out var rem);
        var twice = rem * 2;
        if (twice > den || (twice == den && !q.IsEven))
        {
            q += 1;
        }
        var s = q.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var sb = new StringBuilder();
        if (negative && !q.IsZero)
        {
            sb.Append('-');
        }
        sb.Append(s, 0, s.Length - digits);
        if (digits > 0)
        {
            sb.Append('.').Append(s, s.Length - digits, digits);
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>Path.read_text(encoding="utf-8")</c>: a BOM stays as U+FEFF, "\r\n" and "\r" become "\n".</summary>
    public static string ReadUniversal(string path)
    {
        var text = new UTF8Encoding(false, false).GetString(File.ReadAllBytes(path));
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
}
