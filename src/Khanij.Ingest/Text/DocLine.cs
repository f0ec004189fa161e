namespace Khanij.Ingest.Text;

/// <summary>One line of the normalised text: <c>[Start, End)</c> without surrounding spaces, its paragraph, and its kind.</summary>
internal sealed record DocLine(int Start, int End, int Paragraph, LineKind Kind, string Reason)
{
    public int Length => End - Start;
}
