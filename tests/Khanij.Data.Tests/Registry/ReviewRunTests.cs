using Khanij.Core.Registry;
using Khanij.Data.Registry;
using static Khanij.Data.Tests.Registry.RegistryFixtures;

namespace Khanij.Data.Tests.Registry;

/// <summary>Issue 18: the decisions of one review run apply together or not at all.</summary>
public sealed class ReviewRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyReviewAsync_InvalidEditPartWay_ChangesNothing()
    {
        // Given: three proposals
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one")], "ingest", Catalogue, Ct);
        await store.AddEventsAsync([], [Event("b.txt", "2024-05-02", "mou", ["IND", "JPN"], ["cobalt"], "two")], "ingest", Catalogue, Ct);
        await store.AddEventsAsync([], [Event("c.txt", "2024-09-20", "mou", ["IND", "CAN"], ["graphite"], "three")], "ingest", Catalogue, Ct);
        var before = (await store.ListAsync(Ct)).ToDictionary(r => r.Id, r => RegistryJson.Serialize(r));
        var audits = (await Task.WhenAll(before.Keys.Select(id => store.AuditAsync(id, Ct)))).Sum(a => a.Count);

        // When: accept one, reject one, and an edit that is invalid
        var error = await Should.ThrowAsync<RegistryException>(() => store.ApplyReviewAsync(
            new ReviewRun(["pt-0001"], ["pt-0002"], false, "pt-0003", [("minerals", "unobtainium")]), "asha", Catalogue, Ct));

        // Then: every record and the audit log as before
        error.Message.ShouldContain("unobtainium");
        var after = (await store.ListAsync(Ct)).ToDictionary(r => r.Id, r => RegistryJson.Serialize(r));
        after.ShouldBe(before);
        (await Task.WhenAll(after.Keys.Select(id => store.AuditAsync(id, Ct)))).Sum(a => a.Count).ShouldBe(audits);
    }

    [Fact]
    public async Task ApplyReviewAsync_ValidRun_AppliesEveryDecisionWithItsAuditEntry()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one")], "ingest", Catalogue, Ct);
        await store.AddEventsAsync([], [Event("b.txt", "2024-05-02", "mou", ["IND", "JPN"], ["cobalt"], "two")], "ingest", Catalogue, Ct);

        // When
        var outcome = await store.ApplyReviewAsync(new ReviewRun(["pt-0001"], ["pt-0002"], false, null, []), "asha", Catalogue, Ct);

        // Then
        outcome.Accepted.ShouldBe(["pt-0001"]);
        (await store.FindAsync("pt-0001", Ct))!.Review.ShouldBe(ReviewState.Accepted);
        (await store.FindAsync("pt-0002", Ct))!.Review.ShouldBe(ReviewState.Rejected);
        (await store.AuditAsync("pt-0002", Ct)).Last().Action.ShouldBe("rejected");
    }

    [Fact]
    public async Task ApplyReviewAsync_OneRecordAcceptedAndRejected_IsRefused()
    {
        // Given
        var (connection, store) = await OpenAsync(Ct);
        await using var _ = connection;
        await store.AddEventsAsync([], [Event("a.txt", "2024-01-15", "mou", ["IND", "AUS"], ["lithium"], "one")], "ingest", Catalogue, Ct);

        // When / Then
        await Should.ThrowAsync<RegistryException>(() => store.ApplyReviewAsync(new ReviewRun(["pt-0001"], ["pt-0001"], false, null, []), "asha", Catalogue, Ct));
        (await store.FindAsync("pt-0001", Ct))!.Review.ShouldBe(ReviewState.Proposed);
    }
}
