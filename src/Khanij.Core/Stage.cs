namespace Khanij.Core;

/// <summary>A stage of the mineral value chain. <c>default</c> is <see cref="Mining"/>.</summary>
public enum Stage
{
    /// <summary>Ore or concentrate leaving the mine (mine production).</summary>
    Mining,
    /// <summary>Refined or processed chemical/metal output (refinery production).</summary>
    Refining,
    /// <summary>Battery cathode active material, the first component stage.</summary>
    Cathode,
}

/// <summary>Parsing and formatting of <see cref="Stage"/> as lower-case ids.</summary>
public static class StageNames
{
    /// <summary>The lower-case id used in files, the CLI and the API (<c>mining</c>, <c>refining</c>, <c>cathode</c>).</summary>
    public static string ToId(this Stage stage) => stage switch
    {
        Stage.Mining => "mining",
        Stage.Refining => "refining",
        Stage.Cathode => "cathode",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>Parses an id (case-insensitive; <c>cathodes</c> and <c>processing</c> accepted). Returns false when unknown.</summary>
    public static bool TryParse(string? text, out Stage stage)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "mining" or "mine": stage = Stage.Mining; return true;
            case "refining" or "refinery" or "processing": stage = Stage.Refining; return true;
            case "cathode" or "cathodes": stage = Stage.Cathode; return true;
            default: stage = default; return false;
        }
    }

    /// <summary>All stage ids, for messages that list what is valid.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<Stage>().Select(s => s.ToId())];
}
