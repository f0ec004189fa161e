using System.Data.Common;
using System.Text;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using static Khanij.Data.Tests.Registry.RegistryFixtures;

namespace Khanij.Data.Tests.Registry;

/// <summary>The registry on the embedded DuckDB engine.</summary>
public sealed class RegistryStoreTests : RegistryStoreCases
{
    protected override Task<(DbConnection Connection, RegistryStore Store)> OpenAsync(CancellationToken ct) => RegistryFixtures.OpenAsync(ct);
}

/// <summary>The registry on a real PostgreSQL server: the same cases as on DuckDB (<see cref="RegistryStoreCases"/>).</summary>
public sealed class PostgresRegistryStoreTests(PostgresFixture postgres) : RegistryStoreCases, IClassFixture<PostgresFixture>
{
    protected override Task<(DbConnection Connection, RegistryStore Store)> OpenAsync(CancellationToken ct) => postgres.OpenRegistryAsync(ct);
}

/// <summary>Registry cases every engine must pass; each engine's class says how to open a fresh, empty registry.</summary>
public abstract class RegistryStoreCases
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty registry (audit clock fixed at 2026-03-01 09:00 UTC) and the connection it holds.</summary>
    protected abstract Task<(DbConnection Connection, RegistryStore Store)> OpenAsync(CancellationToken ct);

    [Fact]
    public async Task ImportAsync_EveryKind_RoundTripsThroughDuckDb()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var records = EveryKind();

        // When
        await store.ImportAsync(records, "curator", Catalogue, Ct);
        var back = await store.ListAsync(Ct);

        // Then
        back.Count.ShouldBe(records.Count);
        foreach (var r in records)
        {
            var stored = back.Single(b => b.Id == r.Id);
            RegistryJson.Serialize(stored).ShouldBe(RegistryJson.Serialize(r));
            RecordDiff.Changes(r, stored).ShouldBeEmpty();
        }
        (await store.AuditAsync("cm-a", Ct)).Single().Action.ShouldBe("imported");
    }

    [Fact]
    public async Task AddEventsAsync_SameEventFromTwoArticles_MergesIntoOneRecordWithBothSources()
    {
        // Given: a Hindi and an English report of one signing, dated a day apart, one naming lithium specifically
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var hindi = Event("hi.txt", "2024-01-15", "agreement", ["IND", "ARG"], ["lithium"], "भारत और अर्जेंटीना ने लिथियम खोज समझौता किया।");
        var english = Event("en.txt", "2024-01-16", "agreement", ["ARG", "IND"], ["lithium", "critical_minerals"], "India and Argentina signed a lithium exploration pact.");

        // When
        var first = await store.AddEventsAsync([new SourceDocument("hi.txt", "शीर्षक। " + hindi.Evidence[0])], [hindi], "ingest", Catalogue, Ct);
        var second = await store.AddEventsAsync([new SourceDocument("en.txt", "Title. " + english.Evidence[0])], [english], "ingest", Catalogue, Ct);

        // Then
        var all = await store.ListAsync(Ct);
        all.Count.ShouldBe(1);
        first.Created.ShouldBe(["pt-0001"]);
        second.Merged.ShouldBe(["pt-0001"]);
        all[0].Sources.Select(s => s.Document).ShouldBe(["hi.txt", "en.txt"]);
        all[0].Review.ShouldBe(ReviewState.Proposed);
        (await store.DocumentTextAsync("en.txt", Ct)).ShouldBe("Title. India and Argentina signed a lithium exploration pact.");
        (await store.AuditAsync("pt-0001", Ct)).Select(a => a.Action).ShouldBe(["created", "merged"]);
    }

    [Fact]
    public async Task AddEventsAsync_DifferentMineralsOrDatesOrParties_StaySeparate()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var events = new[]
        {
            Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one"),
            Event("b.txt", "2024-01-15", "mou", ["IND", "AUS"], ["coal"], "two"),
            Event("c.txt", "2024-03-01", "mou", ["IND", "AUS"], ["lithium"], "three"),
            Event("d.txt", "2024-01-15", "mou", ["IND", "CHL"], ["lithium"], "four"),
        };

        // When
        var outcome = await store.AddEventsAsync([], events, "ingest", Catalogue, Ct);

        // Then
        outcome.Created.Count.ShouldBe(4);
        outcome.Merged.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddEventsAsync_SameFileTwice_ChangesNothingTheSecondTime()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var e = Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one");
        await store.AddEventsAsync([new SourceDocument("a.txt", "body one")], [e], "ingest", Catalogue, Ct);

        // When
        var again = await store.AddEventsAsync([new SourceDocument("a.txt", "body one")], [e], "ingest", Catalogue, Ct);

        // Then
        again.Documents.ShouldBe(0);
        again.Unchanged.ShouldBe(1);
        again.Created.ShouldBeEmpty();
        (await store.AuditAsync("pt-0001", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddEventsAsync_DifferentTextUnderSameName_RejectedAndNothingStored()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([new SourceDocument("a.txt", "body")], [], "ingest", Catalogue, Ct);
        var e = Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one");

        // When
        var error = await Should.ThrowAsync<RegistryException>(
            () => store.AddEventsAsync([new SourceDocument("a.txt", "another body")], [e], "ingest", Catalogue, Ct));

        // Then
        error.Message.ShouldContain("a.txt");
        (await store.ListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddEventsAsync_WorkingGroupSessions_NextSessionReviewsPrevious()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var tenth = Event("s10.txt", "2024-05-02", "working_group_session", ["IND", "RUS"], ["coal"], "The 10th session of the joint working group met.");
        var eleventh = Event("s11.txt", "2025-06-10", "working_group_session", ["IND", "RUS"], ["coal"], "भारत-रूस कार्य समूह का 11वां सत्र हुआ।");

        // When: the later session arrives first, so the link must be made when the earlier one comes
        await store.AddEventsAsync([], [eleventh], "ingest", Catalogue, Ct);
        await store.AddEventsAsync([], [tenth], "ingest", Catalogue, Ct);

        // Then
        var all = await store.ListAsync(Ct);
        var s11 = all.Single(r => r.Occasion!.SessionNumber == 11);
        var s10 = all.Single(r => r.Occasion!.SessionNumber == 10);
        s11.Occasion!.Reviews.ShouldBe([s10.Id]);
        s10.Occasion!.Reviews.ShouldBeEmpty();
        (await store.AuditAsync(s11.Id, Ct)).Last().Action.ShouldBe("linked");
    }

    [Fact]
    public async Task ReviewTransitions_AcceptRejectEdit_EachWriteAnAuditEntry()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [
            Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one"),
            Event("b.txt", "2024-02-15", "mou", ["IND", "CHL"], ["copper"], "two"),
        ], "ingest", Catalogue, Ct);

        // When
        await store.EditAsync("pt-0001", [("minerals", "lithium,cobalt"), ("status", "signed")], "asha", Catalogue, Ct);
        await store.SetReviewAsync("pt-0001", ReviewState.Accepted, "asha", Ct);
        await store.SetReviewAsync("pt-0002", ReviewState.Rejected, "ravi", Ct);

        // Then
        var audit = await store.AuditAsync("pt-0001", Ct);
        audit.Select(a => a.Action).ShouldBe(["created", "edited", "accepted"]);
        audit[1].Who.ShouldBe("asha");
        audit[1].Changes.ShouldContain(new FieldChange("minerals", "lithium", "lithium, cobalt"));
        audit[2].Changes.ShouldBe([new FieldChange("review", "proposed", "accepted")]);
        audit[2].At.ShouldBe(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var rejected = await store.AuditAsync("pt-0002", Ct);
        rejected.Last().ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("rejected"), a => a.Who.ShouldBe("ravi"), a => a.Changes.ShouldBe([new FieldChange("review", "proposed", "rejected")]));
    }

    [Fact]
    public async Task EditAsync_InvalidValue_ChangesNothing()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one")], "ingest", Catalogue, Ct);

        // When
        var error = await Should.ThrowAsync<RegistryException>(
            () => store.EditAsync("pt-0001", [("title", "New title"), ("minerals", "unobtainium")], "asha", Catalogue, Ct));

        // Then
        error.Message.ShouldContain("unobtainium");
        (await store.FindAsync("pt-0001", Ct))!.Title.ShouldBe("IND–AUS MoU");
        (await store.AuditAsync("pt-0001", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddEventsAsync_NewMineralOnAcceptedRecord_ReopensItForReview()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one")], "ingest", Catalogue, Ct);
        await store.AcceptAllAsync("asha", Ct);

        // When
        var outcome = await store.AddEventsAsync([], [Event("b.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium", "cobalt"], "two")],
            "ingest", Catalogue, Ct);

        // Then
        outcome.Reopened.ShouldBe(["pt-0001"]);
        var record = (await store.FindAsync("pt-0001", Ct))!;
        record.Review.ShouldBe(ReviewState.Proposed);
        (await store.PartnerLinksAsync(Catalogue, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PartnerLinksAsync_ProposalsNeverCount_UntilAccepted()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [
            Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one"),
            Event("b.txt", "2024-02-15", "meeting", ["IND", "CHL"], ["copper"], "two"),
            Event("c.txt", "2024-03-15", "mou", ["IND", "PER"], ["copper"], "three"),
        ], "ingest", Catalogue, Ct);
        var before = await store.PartnerLinksAsync(Catalogue, Ct);

        // When
        await store.SetReviewAsync("oc-0001", ReviewState.Accepted, "asha", Ct);
        await store.SetReviewAsync("pt-0002", ReviewState.Rejected, "asha", Ct);
        var after = await store.PartnerLinksAsync(Catalogue, Ct);

        // Then
        before.ShouldBeEmpty();
        after.Count.ShouldBe(1);
        after[0].ShouldSatisfyAllConditions(
            l => l.CountryA.ShouldBe("CHL"), l => l.CountryB.ShouldBe("IND"), l => l.Basis.ShouldBe("registry"),
            l => l.RecordId.ShouldBe("oc-0001"), l => l.From.ShouldBe("2024-02-15"), l => l.MineralIds.ShouldBe(["copper"]));
    }

    [Fact]
    public async Task PartnerLinksAsync_Framework_FallsBackOnlyWhereNoBilateralRecordCovers()
    {
        // Given: MSP (accepted) among IND, USA, JPN on critical minerals, and an accepted IND–JPN record on all critical minerals
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var kinds = EveryKind();
        var msp = kinds.Single(r => r.Id == "pt-msp") with { Minerals = ["critical_minerals"] };
        var indJpn = kinds.Single(r => r.Id == "pj-a") with { Minerals = ["critical_minerals"] };
        var proposedFramework = msp with { Id = "pt-quad", Parties = ["QUAD"], Partnership = new PartnershipDetails("QUAD", []), Review = ReviewState.Proposed };
        await store.ImportAsync([msp, indJpn, proposedFramework], "curator", Catalogue, Ct);

        // When
        var links = await store.PartnerLinksAsync(Catalogue, Ct);

        // Then
        links.Where(l => l.Basis == "registry").Select(l => (l.CountryA, l.CountryB)).ShouldBe([("IND", "JPN")]);
        links.Where(l => l.Basis == "framework:MSP").Select(l => (l.CountryA, l.CountryB)).ShouldBe([("IND", "USA"), ("JPN", "USA")]);
        links.ShouldNotContain(l => l.Basis == "framework:QUAD");
    }

    [Fact]
    public async Task AcceptAllAsync_OnlyProposals_AcceptsThemAndLeavesRejectedAlone()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [
            Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one"),
            Event("b.txt", "2024-02-15", "mou", ["IND", "CHL"], ["copper"], "two"),
        ], "ingest", Catalogue, Ct);
        await store.SetReviewAsync("pt-0002", ReviewState.Rejected, "asha", Ct);

        // When
        var accepted = await store.AcceptAllAsync("asha", Ct);

        // Then
        accepted.ShouldBe(["pt-0001"]);
        (await store.FindAsync("pt-0002", Ct))!.Review.ShouldBe(ReviewState.Rejected);
    }

    [Fact]
    public async Task SetReviewAsync_UnknownId_SaysWhichAndChangesNothing()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;

        // When
        var error = await Should.ThrowAsync<RegistryException>(() => store.SetReviewAsync("pt-9999", ReviewState.Accepted, "asha", Ct));

        // Then
        error.Message.ShouldContain("pt-9999");
    }

    [Fact]
    public async Task AddEventsAsync_TwoEventsOfOneDocument_StaySeparateEvenWhenTheKeyMatches()
    {
        // Given: one article reporting a minerals MoU and, separately, an agreement without minerals, same parties and day
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var mou = Event("one.txt", "2025-08-29", "mou", ["IND", "JPN"], ["critical_minerals"], "They signed a memorandum on critical minerals.");
        var other = Event("one.txt", "2025-08-29", "agreement", ["IND", "JPN"], [], "They also signed a defence agreement.");

        // When
        var outcome = await store.AddEventsAsync([], [mou, other], "ingest", Catalogue, Ct);

        // Then
        outcome.Created.Count.ShouldBe(2);
        outcome.Merged.ShouldBeEmpty();
    }

    [Fact]
    public async Task AddEventsAsync_MineralNamedOutsideTheCatalogueIds_BecomesTheCatalogueId()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var e = Event("a.txt", "2025-08-07", "protocol", ["IND", "RUS"], ["aluminium", "rare_earths"], "A protocol on aluminium was signed.");

        // When
        await store.AddEventsAsync([], [e], "ingest", Catalogue, Ct);

        // Then
        (await store.FindAsync("pt-0001", Ct))!.Minerals.ShouldBe(["bauxite_aluminium", "rare_earths"]);
    }

    [Fact]
    public async Task AddEventsAsync_EventWithoutEnoughParties_IsSkippedWithReasonAndOthersAreStored()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var lonely = Event("a.txt", "2025-08-07", "agreement", [], ["lithium"], "Research agreements were signed.");
        var fine = Event("a.txt", "2025-08-07", "meeting", ["IND", "USA"], ["lithium"], "The ministers met.");

        // When
        var outcome = await store.AddEventsAsync([], [lonely, fine], "ingest", Catalogue, Ct);

        // Then
        outcome.Skipped.Single().ShouldContain("two or more parties");
        outcome.Created.ShouldBe(["oc-0001"]);
    }

    [Fact]
    public async Task AddEventsAsync_SameDocumentReExtractedWithMoreEvidence_MergesInsteadOfDuplicating()
    {
        // Given: an event stored, then the same article extracted again finding one more sentence and one more mineral
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "They signed an MoU.")], "ingest", Catalogue, Ct);

        // When
        var outcome = await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium", "cobalt"],
            "They signed an MoU.", "It covers lithium and cobalt.")], "ingest", Catalogue, Ct);

        // Then
        outcome.Merged.ShouldBe(["pt-0001"]);
        var record = (await store.ListAsync(Ct)).Single();
        record.Sources.Single().Evidence.Count.ShouldBe(2);
        record.Minerals.ShouldBe(["lithium", "cobalt"]);
    }

    [Fact]
    public async Task AddEventsAsync_EvidenceNotInTheDocument_IsLeftOutAndAnEventWithNoneLeftIsSkipped()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var document = new SourceDocument("a.txt", "Headline.\nIndia and Chile met on lithium. Other news follows.");
        var partly = Event("a.txt", "2025-01-10", "meeting", ["IND", "CHL"], ["lithium"], "India and Chile met on lithium.", "A sentence that is not there.");
        var invented = Event("a.txt", "2025-01-10", "mou", ["IND", "CHL"], ["lithium"], "They signed an MoU.");

        // When
        var outcome = await store.AddEventsAsync([document], [partly, invented], "ingest", Catalogue, Ct);

        // Then
        outcome.Created.ShouldBe(["oc-0001"]);
        (await store.FindAsync("oc-0001", Ct))!.Sources.Single().Evidence.ShouldBe(["India and Chile met on lithium."]);
        outcome.Skipped.Count.ShouldBe(3);
        outcome.Skipped.ShouldContain(s => s.StartsWith("event 2 of", StringComparison.Ordinal) && s.Contains("neither a url nor verbatim evidence", StringComparison.Ordinal));
    }
}
