using System.Data.Common;
using DuckDB.NET.Data;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using Khanij.Testing;

namespace Khanij.Data.Tests.Registry;

/// <summary>Builders for registry tests: an in-memory DuckDB store, events and records of every kind.</summary>
internal static class RegistryFixtures
{
    public static KhanijCatalogue Catalogue { get; } = CatalogueLoader.Load(RepoPaths.Data);

    public static DateTimeOffset ClockTime { get; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<(DbConnection Connection, RegistryStore Store)> OpenAsync(CancellationToken ct)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        var store = await RegistryStore.OpenAsync(connection, new FixedClock(ClockTime), ct);
        return (connection, store);
    }

    public static CooperationEvent Event(
        string doc, string date, string instrument, string[] parties, string[] minerals, params string[] evidence) =>
        new(doc, date, date, parties, null, null, instrument, "signed", minerals, ["exploration"], [], [], [], evidence);

    public static SourceRef Source(string doc = "Ministry release, 2024") =>
        new(doc, "A title", "https://example.org/release", "2024-01-15", ["A sentence quoted from it."], "curator note");

    public static RegistryRecord Base(string id, RecordKind kind, string? instrument, params string[] parties) =>
        new(id, kind, "Title of " + id, parties, instrument, "signed", "2024-01-15", null, ["lithium"], ["exploration"], ["exploration"],
            [new Official("A. Minister", "Minister of Mines", "IND")], [new Organisation("KABIL", "IND")], null, [Source()], ReviewState.Accepted);

    /// <summary>One fully populated record of each kind.</summary>
    public static IReadOnlyList<RegistryRecord> EveryKind() =>
    [
        Base("pt-a", RecordKind.Partnership, "agreement", "IND", "ARG") with { Partnership = new PartnershipDetails(null, []), EndDate = "2030-12-31" },
        Base("pt-msp", RecordKind.Partnership, "framework", "MSP") with { Partnership = new PartnershipDetails("MSP", ["IND", "USA", "JPN"]) },
        Base("oc-a", RecordKind.Occasion, "working_group_session", "IND", "RUS") with
        {
            Occasion = new OccasionDetails(11, "RUS", "Moscow", []), ParentId = "pt-a", Status = "held",
        },
        Base("pj-a", RecordKind.Project, null, "IND", "JPN") with
        {
            Project = new ProjectDetails("rare-earth refinery", "Andhra Pradesh", "1,000 t/yr", ["IREL", "Toyota Tsusho"], "joint venture equity"),
            Status = "planned",
        },
        Base("iv-a", RecordKind.Investment, null, "JPN", "IND") with
        {
            Investment = new InvestmentDetails(1e13, "JPY", "10 years", [new Amount(6e12, "INR", "same sum in rupees")]), Status = "announced",
        },
        Base("cm-a", RecordKind.Commitment, null, "IND", "RUS") with
        {
            Commitment = new CommitmentDetails("Share geological data on two blocks", "Ministry of Mines", "2025-12-31", FollowUpStatus.Open),
            Status = null, ParentId = "oc-a",
        },
    ];
}

/// <summary>A clock that always says the same time, so audit timestamps are predictable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
