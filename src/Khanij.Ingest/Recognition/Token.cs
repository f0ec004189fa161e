namespace Khanij.Ingest.Recognition;

/// <summary>A word of the normalised text: span, surface form and matching key.</summary>
internal readonly record struct Token(int Start, int End, string Surface, string Key);
