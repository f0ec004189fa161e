using Khanij.Core.Registry;

namespace Khanij.Core.Tests.Registry;

public sealed class RegistryQueriesTests
{
    private static RegistryRecord Record(string id, RecordKind kind, string? date, string[] parties, string[] minerals,
        ReviewState review = ReviewState.Accepted, string? status = "held") =>
        new(id, kind, id, parties, RegistryVocabulary.InstrumentsOf(kind).FirstOrDefault(), status, date, null, minerals, [], [], [], [], null,
            [new SourceRef("doc-" + id, null, "https://example.org", null, [])], review);

    private static readonly RegistryRecord[] Registry =
    [
        Record("a", RecordKind.Occasion, "2025-08-07", ["IND", "RUS"], ["coal"]),
        Record("b", RecordKind.Partnership, "2025-08-08", ["IND", "RUS"], ["bauxite_aluminium"], status: "signed"),
        Record("c", RecordKind.Occasion, "2026-01-29", ["IND", "CAN"], ["lithium", "cobalt"]),
        Record("d", RecordKind.Occasion, "2026-02-01", ["IND", "CAN"], ["graphite"], ReviewState.Proposed),
        Record("e", RecordKind.Partnership, "2022-06", ["MSP"], ["critical_minerals"]) with
        {
            Instrument = "framework", Partnership = new PartnershipDetails("MSP", ["IND", "USA", "JPN"]),
        },
        Record("f", RecordKind.Occasion, "2024-01-01", ["JPN", "USA"], ["nickel"]),
        Record("g", RecordKind.Commitment, null, ["IND", "RUS"], ["coal"]) with
        {
            Commitment = new CommitmentDetails("Share survey data", "GSI", "2025-12-31", FollowUpStatus.Open),
        },
        Record("h", RecordKind.Commitment, null, ["IND", "CAN"], []) with
        {
            Commitment = new CommitmentDetails("Technical consultations", null, "2026-06-30", FollowUpStatus.Open),
        },
    ];

    [Fact]
    public void Partners_ByCountry_OneRowPerCounterpartFromAcceptedRecordsOnly()
    {
        // When
        var rows = RegistryQueries.Partners(Registry, "IND");

        // Then
        rows.Select(r => r.Counterpart).ShouldBe(["CAN", "MSP", "RUS"]);
        var rus = rows.Single(r => r.Counterpart == "RUS");
        rus.RecordIds.ShouldBe(["a", "b"]);
        rus.Minerals.ShouldBe(["coal", "bauxite_aluminium"]);
        rus.Since.ShouldBe("2025-08-07");
        rus.Latest.ShouldBe("2025-08-08");
        rus.Status.ShouldBe("signed");
        rows.Single(r => r.Counterpart == "CAN").Minerals.ShouldNotContain("graphite");
    }

    [Fact]
    public void Partners_ByMineral_KeepsNamedAndGenericRecords()
    {
        // When
        var rows = RegistryQueries.Partners(Registry, "IND", "lithium");

        // Then
        rows.Select(r => r.Counterpart).ShouldBe(["CAN", "MSP"]);
    }

    [Fact]
    public void Timeline_Country_DateOrderIncludingFrameworkMembership()
    {
        // When
        var rows = RegistryQueries.Timeline(Registry, "IND");

        // Then
        rows.Select(r => r.Id).ShouldBe(["e", "a", "b", "g", "c", "h"]);
    }

    [Fact]
    public void FollowUps_Overdue_OnlyOpenItemsPastDue()
    {
        // When
        var all = RegistryQueries.FollowUps(Registry, "2026-03-01");
        var overdue = RegistryQueries.FollowUps(Registry, "2026-03-01", overdueOnly: true);

        // Then
        all.Select(x => (x.Record.Id, x.Status)).ShouldBe([("g", FollowUpStatus.Overdue), ("h", FollowUpStatus.Open)]);
        overdue.Select(x => x.Record.Id).ShouldBe(["g"]);
    }

    [Theory]
    // a month due is overdue only once the month has ended; a year due once the year has
    [InlineData("2026-12", "2026-12-02", FollowUpStatus.Open)]
    [InlineData("2026-12", "2026-12-31", FollowUpStatus.Open)]
    [InlineData("2026-12", "2027-01-01", FollowUpStatus.Overdue)]
    [InlineData("2026", "2026-12-31", FollowUpStatus.Open)]
    [InlineData("2026", "2027-01-01", FollowUpStatus.Overdue)]
    [InlineData("2026-12-02", "2026-12-02", FollowUpStatus.Open)]
    [InlineData("2026-12-02", "2026-12-03", FollowUpStatus.Overdue)]
    public void EffectiveStatus_DueMonthOrYear_PassesWhenItEnds(string due, string today, FollowUpStatus expected)
    {
        // Given
        var item = new CommitmentDetails("meet again in December", null, due, FollowUpStatus.Open);
        // Then
        item.EffectiveStatus(today).ShouldBe(expected);
    }

    [Fact]
    public void Apply_FieldOfAnotherKind_SaysSo()
    {
        // Given
        var occasion = Registry[0] with { Occasion = new OccasionDetails(null, null, null, []) };

        // When
        var error = Should.Throw<FormatException>(() => RegistryEdits.Apply(occasion, "commitment.status", "done"));
        var edited = RegistryEdits.Apply(occasion, "occasion.session_number", "11");

        // Then
        error.Message.ShouldContain("commitment.status");
        edited.Occasion!.SessionNumber.ShouldBe(11);
        RecordDiff.Changes(occasion, edited).ShouldBe([new FieldChange("occasion.session_number", null, "11")]);
    }
}
