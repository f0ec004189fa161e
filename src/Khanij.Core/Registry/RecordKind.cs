namespace Khanij.Core.Registry;

/// <summary>What a registry record describes. <c>default</c> is <see cref="Partnership"/>.</summary>
public enum RecordKind
{
    /// <summary>A standing relationship: an instrument between two or more parties (MoU, MoC, protocol, agreement, joint statement,
    /// trade agreement), or a framework with its members.</summary>
    Partnership,
    /// <summary>Something that happened on a day: a meeting, a ministerial or a numbered working-group session.</summary>
    Occasion,
    /// <summary>A physical project: a facility at a location, at a value-chain stage, with capacity, partners and financing.</summary>
    Project,
    /// <summary>An investment commitment: an amount in a currency over a period.</summary>
    Investment,
    /// <summary>A commitment or follow-up action: text, owner, due date and status.</summary>
    Commitment,
}

/// <summary>Lower-case ids of <see cref="RecordKind"/>, used in files, the CLI and JSON.</summary>
public static class RecordKinds
{
    /// <summary>The id of <paramref name="kind"/>: <c>partnership</c>, <c>occasion</c>, <c>project</c>, <c>investment</c>, <c>commitment</c>.</summary>
    public static string ToId(this RecordKind kind) => kind switch
    {
        RecordKind.Partnership => "partnership",
        RecordKind.Occasion => "occasion",
        RecordKind.Project => "project",
        RecordKind.Investment => "investment",
        RecordKind.Commitment => "commitment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown record kind."),
    };

    /// <summary>The prefix of generated record ids of this kind (<c>pt</c>, <c>oc</c>, <c>pj</c>, <c>iv</c>, <c>cm</c>).</summary>
    public static string IdPrefix(this RecordKind kind) => kind switch
    {
        RecordKind.Partnership => "pt",
        RecordKind.Occasion => "oc",
        RecordKind.Project => "pj",
        RecordKind.Investment => "iv",
        RecordKind.Commitment => "cm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown record kind."),
    };

    /// <summary>Parses a kind id (case-insensitive). Returns false when unknown.</summary>
    public static bool TryParse(string? text, out RecordKind kind)
    {
        foreach (var k in Enum.GetValues<RecordKind>())
        {
            if (string.Equals(k.ToId(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>All kind ids, for messages that list what is valid.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<RecordKind>().Select(k => k.ToId())];
}
