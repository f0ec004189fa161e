namespace Khanij.Core.Registry;

/// <summary>The closed word lists of the registry (instruments, statuses, stages, areas) and small checks on ids.</summary>
public static class RegistryVocabulary
{
    /// <summary>Instruments of a partnership record. <c>framework</c> marks a framework with members.</summary>
    public static IReadOnlyList<string> PartnershipInstruments { get; } =
        ["mou", "moc", "protocol", "agreement", "joint_statement", "trade_agreement", "framework"];

    /// <summary>Instruments of an occasion record.</summary>
    public static IReadOnlyList<string> OccasionInstruments { get; } = ["meeting", "ministerial", "working_group_session"];

    /// <summary>Statuses as sources describe them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["held", "signed", "announced", "planned", "ongoing", "approved", "reported"];

    /// <summary>Value-chain stages a record can cover.</summary>
    public static IReadOnlyList<string> Stages { get; } =
        ["exploration", "mining", "processing", "refining", "recycling", "cathode", "components", "manufacturing"];

    /// <summary>Areas of cooperation (the gold schema's list). Curated imports must use these; ingested proposals keep what the extractor found.</summary>
    public static IReadOnlyList<string> Areas { get; } =
    [
        "exploration", "mining", "processing", "refining", "recycling", "r_and_d", "technology_transfer", "investment", "finance", "trade",
        "battery_manufacturing", "ev", "semiconductors", "testing_certification", "supply_chain_resilience", "defence", "capacity_building",
        "waste_management", "stockpiling", "standards", "skills", "policy_dialogue",
    ];

    /// <summary>The generic mineral id for "critical minerals" without naming one.</summary>
    public const string CriticalMinerals = "critical_minerals";

    /// <summary>The instruments allowed for <paramref name="kind"/>; empty when the kind takes none.</summary>
    public static IReadOnlyList<string> InstrumentsOf(RecordKind kind) => kind switch
    {
        RecordKind.Partnership => PartnershipInstruments,
        RecordKind.Occasion => OccasionInstruments,
        _ => [],
    };

    /// <summary>True for three upper-case ASCII letters (an ISO 3166-1 alpha-3 code's shape, or an ISO 4217 currency code's).
    /// Framework ids such as <c>MSP</c> have the same shape: use the catalogue to tell countries from frameworks.</summary>
    public static bool IsIso3(string party) => party.Length == 3 && party.All(c => c is >= 'A' and <= 'Z');

    /// <summary>True for a valid curated id: 1–40 characters of lower-case ASCII letters, digits and hyphens, starting with a letter.</summary>
    public static bool IsValidId(string id) =>
        id.Length is >= 1 and <= 40 && id[0] is >= 'a' and <= 'z' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>True for YYYY, YYYY-MM or YYYY-MM-DD with a real calendar date.</summary>
    public static bool IsDate(string text) =>
        text.Length switch
        {
            4 => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
            7 => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _),
            10 => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _),
            _ => false,
        };
}
