using Khanij.Core.Registry;
using Khanij.Data.Registry;
using static Khanij.Data.Tests.Registry.RegistryFixtures;

namespace Khanij.Data.Tests.Registry;

/// <summary>Issue 18: a curated import of an event the registry already holds merges into its record (one event, one record).</summary>
public sealed class ImportMergeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_ProposalOfTheSameEvent_MergesAndPointsTheFilesChildrenAtIt()
    {
        // Given: an article's proposal of the IND–ARG lithium agreement of 2024-01-15
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("news.txt", "2024-01-15", "agreement", ["IND", "ARG"], ["lithium"], "KABIL signed with CAMYEN.")],
            "ingest", Catalogue, Ct);
        var records = EveryKind();
        var agreement = records[0] with { Stages = ["exploration"] };
        var child = records[2] with { ParentId = agreement.Id };

        // When: the curated agreement, with an occasion under it, is imported
        var outcome = await store.ImportAsync([agreement, child], "curator", Catalogue, Ct);

        // Then: the agreement joined pt-0001; the occasion is new and points at pt-0001
        outcome.Created.ShouldBe([child.Id]);
        var merge = outcome.Merged.ShouldHaveSingleItem();
        (merge.ImportedId, merge.IntoId, merge.Conflicts.Count).ShouldBe((agreement.Id, "pt-0001", 0));
        var merged = (await store.FindAsync("pt-0001", Ct)).ShouldNotBeNull();
        merged.Sources.Select(s => s.Document).ShouldBe(["news.txt", agreement.Sources[0].Document]);
        merged.Title.ShouldBe(agreement.Title);
        merged.Organisations.ShouldBe(agreement.Organisations);
        // what the analytics see is what the curator wrote, so the curator's acceptance stands
        merged.Review.ShouldBe(ReviewState.Accepted);
        (await store.FindAsync(agreement.Id, Ct)).ShouldBeNull();
        (await store.FindAsync(child.Id, Ct)).ShouldNotBeNull().ParentId.ShouldBe("pt-0001");
        (await store.AuditAsync("pt-0001", Ct)).Last().Action.ShouldBe($"merged import of {agreement.Id}");
    }

    [Fact]
    public async Task ImportAsync_RejectedRecordOfTheSameEvent_IsAConflictForReviewNotAnOverwrite()
    {
        // Given: a rejected proposal of the agreement
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("news.txt", "2024-01-15", "agreement", ["IND", "ARG"], ["lithium"], "KABIL signed with CAMYEN.")],
            "ingest", Catalogue, Ct);
        await store.SetReviewAsync("pt-0001", ReviewState.Rejected, "asha", Ct);

        // When: a curator imports it as accepted, with another status
        var outcome = await store.ImportAsync([EveryKind()[0] with { Status = "announced" }], "curator", Catalogue, Ct);

        // Then: the record waits for review with both disagreements listed; its status is as it was
        var merge = outcome.Merged.ShouldHaveSingleItem();
        merge.Conflicts.Select(c => (c.Field, c.Kept, c.Incoming)).ShouldBe([("status", "signed", "announced"), ("review", "rejected", "accepted")]);
        var record = (await store.FindAsync("pt-0001", Ct)).ShouldNotBeNull();
        record.Status.ShouldBe("signed");
        record.Review.ShouldBe(ReviewState.Proposed);
        record.Conflicts.Count.ShouldBe(2);

        // and editing the status settles that conflict only
        var edited = await store.EditAsync("pt-0001", [("status", "announced")], "asha", Catalogue, Ct);
        edited.Conflicts.Select(c => c.Field).ShouldBe(["review"]);
    }

    [Fact]
    public async Task ImportAsync_CommitmentWithTheSameParentAndText_MergesInsteadOfDuplicating()
    {
        // Given: the registry holds every kind, the commitment among them
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        var records = EveryKind();
        await store.ImportAsync(records, "curator", Catalogue, Ct);
        var commitment = records[^1];

        // When: another file states the same follow-up under the same occasion, with a due date given less precisely
        var again = commitment with { Id = "cm-again", Commitment = commitment.Commitment! with { Due = "2025-12" } };
        var outcome = await store.ImportAsync([again], "curator", Catalogue, Ct);

        // Then
        outcome.Created.ShouldBeEmpty();
        var merge = outcome.Merged.ShouldHaveSingleItem();
        merge.IntoId.ShouldBe(commitment.Id);
        merge.Conflicts.ShouldBeEmpty();
        merge.Changed.ShouldBeFalse();
    }
}
