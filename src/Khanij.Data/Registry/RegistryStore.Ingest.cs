using System.Security.Cryptography;
using System.Text;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>Ingestion: extracted events become proposals, merged into the records of the same event (<c>khanij ingest add</c>).</summary>
public sealed partial class RegistryStore
{
    /// <summary>Stores <paramref name="documents"/> and turns <paramref name="events"/> into proposed records, merging each event into
    /// an existing record when the merge key of <see cref="EventRecords"/> matches. Then links working-group session N to session N−1.
    /// All in one transaction.</summary>
    /// <param name="documents">Documents to store (their text is kept for checking evidence).</param>
    /// <param name="events">Events extracted from them (or from an events file).</param>
    /// <param name="who">Name for the audit trail.</param>
    /// <param name="catalogue">For checking the events' parties and minerals.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is stored then.</param>
    /// <returns>What was created, merged and skipped.</returns>
    /// <exception cref="RegistryException">A different document with the same name is already stored; nothing was changed.</exception>
    /// <remarks>Events that cannot make a valid proposal (unknown instrument or party, fewer than two parties, no evidence) are
    /// skipped and listed in <see cref="IngestOutcome.Skipped"/> with the reason: they are an extractor's output, not a user's input,
    /// and one weak event should not block the others. Where a source document's text is known (given now or stored earlier),
    /// evidence sentences not found in it verbatim are left out, and that is listed too.</remarks>
    public async Task<IngestOutcome> AddEventsAsync(
        IReadOnlyList<SourceDocument> documents, IReadOnlyList<CooperationEvent> events, string who, KhanijCatalogue catalogue,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(catalogue);
        var incoming = new List<RegistryRecord>();
        var incomingFollowUps = new Dictionary<RegistryRecord, IReadOnlyList<FollowUpItem>>(ReferenceEqualityComparer.Instance);
        var skipped = new List<string>();
        var texts = documents.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => (string?)g.First().Text, StringComparer.Ordinal);
        foreach (var name in events.SelectMany(e => e.Sources.Select(s => s.Doc).Append(e.Doc)).Distinct().Where(n => !texts.ContainsKey(n)).ToList())
        {
            texts[name] = await DocumentTextAsync(name, cancellationToken);
        }
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            try
            {
                var record = EventRecords.FromEvent(e, catalogue);
                // Evidence must be verbatim: where the document's text is known, sentences not found in it are dropped.
                record = record with
                {
                    Sources = [.. record.Sources.Select(src =>
                    {
                        if (texts.GetValueOrDefault(src.Document) is not { } text)
                        {
                            return src;
                        }
                        var verbatim = src.Evidence.Where(ev => text.Contains(ev, StringComparison.Ordinal)).ToList();
                        if (verbatim.Count < src.Evidence.Count)
                        {
                            skipped.Add($"event {i + 1} of '{e.Doc}': {src.Evidence.Count - verbatim.Count} evidence sentence(s) not found verbatim in "
                                + $"'{src.Document}' were left out.");
                        }
                        return src with { Evidence = verbatim };
                    })],
                };
                var bad = RegistryValidator.Validate(record with { Id = "new" }, catalogue, strictAreas: false);
                if (bad.Count == 0)
                {
                    incoming.Add(record);
                    if (e.FollowUps.Count > 0)
                    {
                        incomingFollowUps[record] = e.FollowUps;
                    }
                }
                else
                {
                    skipped.Add($"event {i + 1} of '{e.Doc}' ({e.Instrument}; parties {string.Join("+", e.Parties)}): "
                        + string.Join("; ", bad.Select(p => $"{p.Path}: {p.Message}")));
                }
            }
            catch (ArgumentException x)
            {
                skipped.Add($"event {i + 1} of '{e.Doc}': {x.Message}");
            }
        }

        var titles = documents.Where(d => d.Title is not null).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        incoming = [.. incoming.Select(r =>
        {
            var titled = r with
            {
                Sources = [.. r.Sources.Select(s => s.Title is null && titles.GetValueOrDefault(s.Document) is { } t ? s with { Title = t } : s)],
            };
            if (incomingFollowUps.Remove(r, out var f))
            {
                incomingFollowUps[titled] = f;
            }
            return titled;
        })];
        return await InTransactionAsync(async ct =>
        {
            var stored = 0;
            foreach (var d in documents.DistinctBy(d => d.Name))
            {
                stored += await StoreDocumentAsync(d, ct) ? 1 : 0;
            }
            var records = (await ListAsync(ct)).ToList();
            var created = new List<string>();
            var merged = new List<string>();
            var reopened = new List<string>();
            var unchanged = 0;
            foreach (var record in incoming)
            {
                if (records.FirstOrDefault(r => EventRecords.IsRecorded(r, record)) is { } recorded)
                {
                    unchanged++;
                    await AddFollowUpsAsync(recorded, incomingFollowUps.GetValueOrDefault(record), records, created, who, catalogue, skipped, ct);
                    continue;
                }
                var match = EventRecords.FindMatch(records, record, catalogue);
                if (match is null)
                {
                    var id = NextId(records, record.Kind);
                    var fresh = record with { Id = id };
                    await InsertAsync(fresh, who, "created", ct);
                    records.Add(fresh);
                    created.Add(id);
                    await AddFollowUpsAsync(fresh, incomingFollowUps.GetValueOrDefault(record), records, created, who, catalogue, skipped, ct);
                    continue;
                }
                var (result, changes, substantive) = EventRecords.Merge(match, record);
                var action = "merged";
                if (substantive && match.Review == ReviewState.Accepted)
                {
                    result = result with { Review = ReviewState.Proposed };
                    changes = [.. changes, new FieldChange("review", "accepted", "proposed")];
                    action = "merged; reopened for review";
                    reopened.Add(match.Id);
                }
                await UpdateAsync(result, who, action, changes, ct);
                records[records.IndexOf(match)] = result;
                if (!merged.Contains(match.Id))
                {
                    merged.Add(match.Id);
                }
                await AddFollowUpsAsync(result, incomingFollowUps.GetValueOrDefault(record), records, created, who, catalogue, skipped, ct);
            }
            await LinkSessionsAsync(records, who, ct);
            return new IngestOutcome(stored, created, merged, unchanged, reopened, skipped);
        }, cancellationToken);
    }

    /// <summary>Stores the follow-ups stated with an event as proposed commitment records under <paramref name="parent"/> (text, owner,
    /// due date, status open; the sentence as evidence), once: a commitment with the same parent and text is not added again.</summary>
    private async Task AddFollowUpsAsync(RegistryRecord parent, IReadOnlyList<FollowUpItem>? followUps, List<RegistryRecord> records,
        List<string> created, string who, KhanijCatalogue catalogue, List<string> skipped, CancellationToken ct)
    {
        foreach (var f in followUps ?? [])
        {
            if (records.Any(r => r.Kind == RecordKind.Commitment && r.ParentId == parent.Id && r.Commitment?.Text == f.Text))
            {
                continue;
            }
            var source = parent.Sources.FirstOrDefault(s => s.Evidence.Count > 0) ?? parent.Sources.FirstOrDefault();
            var commitment = new RegistryRecord(
                Id: NextId(records, RecordKind.Commitment),
                Kind: RecordKind.Commitment,
                Title: f.Text.Length <= 120 ? f.Text : f.Text[..117] + "…",
                Parties: parent.Parties,
                Instrument: null,
                Status: null,
                Date: parent.Date,
                EndDate: null,
                Minerals: parent.Minerals,
                Stages: [],
                Areas: [],
                Officials: [],
                Organisations: [],
                ParentId: parent.Id,
                Sources: source is null ? [] : [source with { Evidence = [f.Text] }],
                Review: ReviewState.Proposed)
            {
                Commitment = new CommitmentDetails(f.Text, f.Owner, f.Due, FollowUpStatus.Open),
            };
            var bad = RegistryValidator.Validate(commitment, catalogue, strictAreas: false);
            if (bad.Count > 0)
            {
                skipped.Add($"follow-up of {parent.Id} ('{f.Text}'): " + string.Join("; ", bad.Select(p => $"{p.Path}: {p.Message}")));
                continue;
            }
            await InsertAsync(commitment, who, "created", ct);
            records.Add(commitment);
            created.Add(commitment.Id);
        }
    }


    private async Task<bool> StoreDocumentAsync(SourceDocument document, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)));
        await using (var find = Command("SELECT sha256 FROM registry_document WHERE name = $name", [("name", document.Name)]))
        {
            if (await find.ExecuteScalarAsync(ct) is string existing)
            {
                return existing == sha
                    ? false
                    : throw new RegistryException(
                        $"A different document named '{document.Name}' is already stored (sha256 {existing[..12]}…, new {sha[..12]}…). "
                        + "Rename the file so its events keep pointing at the right text; nothing was stored.");
            }
        }
        await ExecAsync(
            "INSERT INTO registry_document VALUES ($name, $sha, $chars, $text, $at)",
            [("name", document.Name), ("sha", sha), ("chars", document.Text.Length), ("text", document.Text), ("at", Now())], ct);
        return true;
    }
}
