namespace Khanij.Core.Facts;

/// <summary>How well an HS code identifies one mineral. <c>default</c> is <see cref="Specific"/>.</summary>
public enum TradeCodeKind
{
    /// <summary>The code holds (essentially) one product of the mineral: counted by default.</summary>
    Specific,
    /// <summary>A residual "other …" code that holds the mineral among many other products (e.g. HS 282739 "other chlorides"):
    /// left out by default and reported with its tonnage.</summary>
    Basket,
    /// <summary>The code includes waste and scrap (secondary material): left out by default and reported with its tonnage.</summary>
    IncludesScrap,
}

/// <summary>Parsing and formatting of <see cref="TradeCodeKind"/> as the ids used in <c>data/catalogue/hs_codes.csv</c>.</summary>
public static class TradeCodeKinds
{
    /// <summary>The id used in files and output: <c>specific</c>, <c>basket</c> or <c>includes_scrap</c>.</summary>
    public static string ToId(this TradeCodeKind kind) => kind switch
    {
        TradeCodeKind.Specific => "specific",
        TradeCodeKind.Basket => "basket",
        TradeCodeKind.IncludesScrap => "includes_scrap",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown trade-code kind."),
    };

    /// <summary>Parses an id (exact, lower-case). Returns false when unknown.</summary>
    public static bool TryParse(string? text, out TradeCodeKind kind)
    {
        switch (text)
        {
            case "specific": kind = TradeCodeKind.Specific; return true;
            case "basket": kind = TradeCodeKind.Basket; return true;
            case "includes_scrap": kind = TradeCodeKind.IncludesScrap; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>All ids, for messages that list what is valid.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TradeCodeKind>().Select(k => k.ToId())];
}
