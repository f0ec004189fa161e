using DuckDB.NET.Data;
using Khanij.Cli.Commands;
using Khanij.Core.Events;
using Khanij.Core.Registry;
using Khanij.Data;
using Khanij.Data.Registry;
using Khanij.Testing;
using Spectre.Console;

namespace Khanij.Cli.Tests.Registry;

public sealed class ReviewInteractiveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CooperationEvent Event(string doc, string date, string[] parties, string mineral) =>
        new(doc, date, date, parties, null, null, "meeting", "held", [mineral], [], [], [], [], ["Evidence sentence " + doc]);

    [Fact]
    public async Task InteractiveAsync_ScriptedAnswers_EditAcceptRejectAndQuitAreStoredWithAudit()
    {
        // Given: three proposals and a reviewer's answers (one unintelligible answer, then quitting at the third)
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        var store = await RegistryStore.OpenAsync(connection, null, Ct);
        var catalogue = CatalogueLoader.Load(RepoPaths.Data);
        await store.AddEventsAsync([], [
            Event("a.txt", "2025-01-10", ["IND", "AUS"], "lithium"),
            Event("b.txt", "2025-02-10", ["IND", "CHL"], "copper"),
            Event("c.txt", "2025-03-10", ["IND", "PER"], "copper"),
        ], "ingest", catalogue, Ct);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, output, output);
        var answers = new Queue<string>(["e minerals=lithium,cobalt", "a", "maybe", "r", "q"]);

        // When
        var code = await PartnersReviewCommand.InteractiveAsync(context, store, "asha", _ => answers.Dequeue(), Ct);

        // Then
        code.ShouldBe(0);
        answers.ShouldBeEmpty();
        var records = (await store.ListAsync(Ct)).ToDictionary(r => r.Id);
        records["oc-0001"].ShouldSatisfyAllConditions(r => r.Review.ShouldBe(ReviewState.Accepted), r => r.Minerals.ShouldBe(["lithium", "cobalt"]));
        records["oc-0002"].Review.ShouldBe(ReviewState.Rejected);
        records["oc-0003"].Review.ShouldBe(ReviewState.Proposed);
        (await store.AuditAsync("oc-0001", Ct)).Select(a => (a.Action, a.Who)).ShouldBe([("created", "ingest"), ("edited", "asha"), ("accepted", "asha")]);
        output.ToString().ShouldContain("Answer a, r, s, q");
        output.ToString().ShouldContain("Stopped: 1 accepted, 1 rejected, 0 skipped.");
    }
}
