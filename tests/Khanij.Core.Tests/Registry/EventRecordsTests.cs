using Khanij.Core.Events;
using Khanij.Core.Registry;

namespace Khanij.Core.Tests.Registry;

public sealed class EventRecordsTests
{
    private static CooperationEvent Event(string doc, string? date, string instrument, string[] parties, string[] minerals, params string[] evidence) =>
        new(doc, date, null, parties, null, null, instrument, "held", minerals, [], [], [], [], evidence);

    [Theory]
    [InlineData("2024-01-15", "2024-01-18", true)]
    [InlineData("2024-01-15", "2024-01-19", false)]
    [InlineData(null, null, true)]
    [InlineData("2024-01-15", null, false)]
    public void Matches_DateWindow_IsThreeDays(string? a, string? b, bool expected)
    {
        // Given
        var x = EventRecords.FromEvent(Event("a.txt", a, "mou", ["IND", "AUS"], ["lithium"], "one"));
        var y = EventRecords.FromEvent(Event("b.txt", b, "mou", ["AUS", "IND"], ["lithium"], "two"));

        // When
        var matches = EventRecords.Matches(x, y);

        // Then
        matches.ShouldBe(expected);
    }

    [Fact]
    public void Matches_MeetingAndMinisterialSameDay_AreOneOccasion()
    {
        // Given
        var x = EventRecords.FromEvent(Event("a.txt", "2026-01-14", "ministerial", ["IND", "USA"], ["rare_earths"], "one"));
        var y = EventRecords.FromEvent(Event("b.txt", "2026-01-13", "meeting", ["USA", "IND"], ["critical_minerals"], "two"));

        // When
        var (merged, changes, substantive) = EventRecords.Merge(x, y);

        // Then
        EventRecords.Matches(x, y).ShouldBeTrue();
        merged.Sources.Select(s => s.Document).ShouldBe(["a.txt", "b.txt"]);
        merged.Minerals.ShouldBe(["rare_earths", "critical_minerals"]);
        merged.Date.ShouldBe("2026-01-14");
        substantive.ShouldBeTrue();
        changes.Select(c => c.Field).ShouldBe(["minerals", "sources"]);
    }

    [Fact]
    public void Matches_MouAgainstProtocol_AreDifferentInstruments()
    {
        // Given
        var x = EventRecords.FromEvent(Event("a.txt", "2026-01-14", "mou", ["IND", "USA"], ["lithium"], "one"));
        var y = EventRecords.FromEvent(Event("b.txt", "2026-01-14", "protocol", ["IND", "USA"], ["lithium"], "two"));

        // When / Then
        EventRecords.Matches(x, y).ShouldBeFalse();
    }

    [Theory]
    [InlineData("The 11th session of the working group met.", 11)]
    [InlineData("कार्य समूह के 11वें सत्र में प्रगति हुई।", 11)]
    [InlineData("the 3rd meeting of the committee", 3)]
    [InlineData("Over 80 delegates attended.", null)]
    public void SessionNumberIn_OrdinalBeforeSessionWord_ReadsTheNumber(string sentence, int? expected)
    {
        // When
        var n = EventRecords.SessionNumberIn([sentence]);

        // Then
        n.ShouldBe(expected);
    }

    [Fact]
    public void FromEvent_UnknownInstrument_SaysWhatIsExpected()
    {
        // When
        var error = Should.Throw<ArgumentException>(() => EventRecords.FromEvent(Event("a.txt", null, "handshake", ["IND", "USA"], [], "x")));

        // Then
        error.Message.ShouldContain("handshake");
        error.Message.ShouldContain("working_group_session");
    }

    [Fact]
    public void EffectiveStatus_OpenPastDue_IsOverdue()
    {
        // Given
        var c = new CommitmentDetails("Share data", "GSI", "2025-12-31", FollowUpStatus.Open);

        // When / Then
        c.EffectiveStatus("2026-01-01").ShouldBe(FollowUpStatus.Overdue);
        c.EffectiveStatus("2025-12-31").ShouldBe(FollowUpStatus.Open);
        (c with { Status = FollowUpStatus.Done }).EffectiveStatus("2026-06-01").ShouldBe(FollowUpStatus.Done);
    }

    [Fact]
    public void Merge_OnlyOrganisationsAndAreasNew_IsNotSubstantive()
    {
        // Given
        var x = EventRecords.FromEvent(Event("a.txt", "2024-01-15", "agreement", ["IND", "ARG"], ["lithium"], "one"));
        var y = EventRecords.FromEvent(new CooperationEvent("b.txt", "2024-01-15", null, ["IND", "ARG"], null, null, "agreement", "signed",
            ["lithium"], ["exploration"], [], ["CAMYEN"], [], ["two"]));

        // When: the second report names the same stages as the first (none), new areas and an organisation
        var (merged, changes, substantive) = EventRecords.Merge(x, y with { Stages = x.Stages });

        // Then
        substantive.ShouldBeFalse();
        changes.Select(c => c.Field).ShouldBe(["areas", "organisations", "sources"]);
        merged.Organisations.Select(o => o.Name).ShouldBe(["CAMYEN"]);
    }

    [Fact]
    public void Merge_NewStage_IsSubstantive()
    {
        // Given: a partnership counts only for the stages it names (issue 18), so a new stage changes what the analytics see
        var x = EventRecords.FromEvent(Event("a.txt", "2024-01-15", "agreement", ["IND", "ARG"], ["lithium"], "one"));
        var y = EventRecords.FromEvent(new CooperationEvent("b.txt", "2024-01-15", null, ["IND", "ARG"], null, null, "agreement", "signed",
            ["lithium"], ["exploration"], [], [], [], ["two"]));

        // When
        var (_, changes, substantive) = EventRecords.Merge(x, y);

        // Then
        x.Stages.ShouldBeEmpty();
        changes.Select(c => c.Field).ShouldContain("stages");
        substantive.ShouldBeTrue();
    }
}
