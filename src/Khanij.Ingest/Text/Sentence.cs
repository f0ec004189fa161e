namespace Khanij.Ingest.Text;

/// <summary>A sentence: its span in the normalised text, its line's paragraph and kind, and the verbatim original text.</summary>
internal sealed record Sentence(int Index, int Start, int End, int Paragraph, LineKind Kind, string Verbatim);
