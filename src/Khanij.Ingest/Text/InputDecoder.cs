using System.Text;

namespace Khanij.Ingest.Text;

/// <summary>Turns the bytes of an input into text, refusing what is not UTF-8 text with a message that says where it failed.</summary>
internal static class InputDecoder
{
    /// <summary>Inputs above this size are refused (the pipeline is linear, but a news article is never this large).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new IngestException($"{source}: {bytes.Length:N0} bytes is larger than the {MaxBytes:N0}-byte limit for one document; "
                + "expected a news article or press release (split large dumps into one file per article).");
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new IngestException($"{source}: byte {nul} is NUL (0x00), so this looks like a binary file; expected UTF-8 text or HTML.");
        }
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? e.Index : 0;
            var bad = e.BytesUnknown is { Length: > 0 } b ? $"0x{b[0]:X2}" : "an invalid sequence";
            var (line, column) = LineColumn(bytes, at);
            throw new IngestException($"{source}:{line}:{column}: found {bad}, which is not UTF-8; expected UTF-8 text or HTML "
                + "(convert with e.g. iconv -f WINDOWS-1252 -t UTF-8).");
        }
        var controls = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }
        if (text.Length > 0 && controls > 16 && controls * 50 > text.Length)
        {
            throw new IngestException($"{source}: {controls} of {text.Length} characters are control characters, so this looks like a "
                + "binary file; expected UTF-8 text or HTML.");
        }
        return text;
    }

    private static (int Line, int Column) LineColumn(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, index - lineStart + 1);
    }
}
