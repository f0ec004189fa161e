using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Khanij.Core.Catalogue;
using Khanij.Core.Events;
using Khanij.Core.Partners;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>The partnership registry in DuckDB: records (as JSON bodies with a few indexed columns), the source documents they cite,
/// and an append-only audit log. Every write runs in one transaction: it happens completely or not at all. Not thread-safe: use one
/// store per connection, as DuckDB connections are.</summary>
/// <remarks>Reads load all records: a registry holds hundreds to a few thousand records, and the queries (merge matching, partner
/// summaries) need most of them anyway.</remarks>
public sealed class RegistryStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS registry_record (
            id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            review VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            date VARCHAR,
            body VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS registry_document (
            name VARCHAR PRIMARY KEY,
            sha256 VARCHAR NOT NULL,
            chars INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            added_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS registry_audit (
            seq BIGINT PRIMARY KEY,
            record_id VARCHAR NOT NULL,
            happened_at TIMESTAMP NOT NULL,
            who VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            changes VARCHAR NOT NULL);
        """;

    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _clock;

    private RegistryStore(DuckDBConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>A store on an open connection, creating the registry tables if they are missing.</summary>
    /// <param name="connection">An open DuckDB connection; the caller keeps ownership.</param>
    /// <param name="clock">Clock for audit timestamps (default: the system clock).</param>
    /// <param name="cancellationToken">Cancels the schema creation.</param>
    public static async Task<RegistryStore> OpenAsync(DuckDBConnection connection, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var store = new RegistryStore(connection, clock ?? TimeProvider.System);
        await WriteConflicts.RetryAsync(async ct =>
        {
            await store.ExecAsync(Schema, [], ct);
            return 0;
        }, "Creating the registry tables", cancellationToken);
        return store;
    }

    /// <summary>Every record, ordered by id.</summary>
    public async Task<IReadOnlyList<RegistryRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<RegistryRecord>();
        await using var command = Command("SELECT body FROM registry_record ORDER BY id", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(RegistryJson.Deserialize(reader.GetString(0)));
        }
        return result;
    }

    /// <summary>The record with <paramref name="id"/>, or null.</summary>
    public async Task<RegistryRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT body FROM registry_record WHERE id = $id", [("id", id)]);
        var body = await command.ExecuteScalarAsync(cancellationToken);
        return body is string json ? RegistryJson.Deserialize(json) : null;
    }

    /// <summary>The audit trail of <paramref name="id"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = new List<AuditEntry>();
        await using var command = Command(
            "SELECT seq, record_id, happened_at, who, action, changes FROM registry_audit WHERE record_id = $id ORDER BY seq", [("id", id)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(reader.GetString(5), RegistryJson.Options) ?? [];
            result.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), new DateTimeOffset(at), reader.GetString(3), reader.GetString(4), changes));
        }
        return result;
    }

    /// <summary>The stored text of a source document, or null when it was not ingested (curated sources have no stored text).</summary>
    public async Task<string?> DocumentTextAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT text FROM registry_document WHERE name = $name", [("name", name)]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

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
                var match = records.Where(r => r.Review != ReviewState.Rejected).FirstOrDefault(r => EventRecords.Matches(r, record, catalogue))
                    ?? records.FirstOrDefault(r => EventRecords.Matches(r, record, catalogue));
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

    /// <summary>Inserts curated records (already validated, e.g. by <see cref="RegistryImporter"/>) in one transaction, each with an
    /// <c>imported</c> audit entry.</summary>
    /// <exception cref="RegistryConflictException">An id is already taken; nothing was changed.</exception>
    public async Task ImportAsync(IReadOnlyList<RegistryRecord> records, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await InTransactionAsync(async ct =>
        {
            var all = (await ListAsync(ct)).ToList();
            var taken = records.Where(r => all.Any(a => a.Id == r.Id)).Select(r => r.Id).ToList();
            if (taken.Count > 0)
            {
                throw new RegistryConflictException($"Record id(s) already in the registry: {string.Join(", ", taken)}. Choose new ids; nothing was imported.");
            }
            foreach (var r in records)
            {
                await InsertAsync(r, who, "imported", ct);
                all.Add(r);
            }
            await LinkSessionsAsync(all, who, ct);
            return 0;
        }, cancellationToken);
    }

    /// <summary>Moves a record to <paramref name="state"/> and writes an audit entry; a record already in that state is left alone.</summary>
    /// <exception cref="RegistryException">No record has <paramref name="id"/>.</exception>
    public Task<RegistryRecord> SetReviewAsync(string id, ReviewState state, string who, CancellationToken cancellationToken = default) =>
        InTransactionAsync(ct => SetReviewCoreAsync(id, state, who, ct), cancellationToken);

    private async Task<RegistryRecord> SetReviewCoreAsync(string id, ReviewState state, string who, CancellationToken ct)
    {
        {
            var record = await FindAsync(id, ct) ?? throw RegistryException.UnknownId(id, await IdsAsync(ct));
            if (record.Review == state)
            {
                return record;
            }
            var updated = record with { Review = state };
            await UpdateAsync(updated, who, state.ToString().ToLowerInvariant(), RecordDiff.Changes(record, updated), ct);
            return updated;
        }
    }

    /// <summary>Accepts every proposed record (one audit entry each); returns their ids.</summary>
    public Task<IReadOnlyList<string>> AcceptAllAsync(string who, CancellationToken cancellationToken = default) =>
        InTransactionAsync(ct => AcceptAllCoreAsync(who, ct), cancellationToken);

    private async Task<IReadOnlyList<string>> AcceptAllCoreAsync(string who, CancellationToken ct)
    {
        {
            var ids = new List<string>();
            foreach (var record in (await ListAsync(ct)).Where(r => r.Review == ReviewState.Proposed))
            {
                var updated = record with { Review = ReviewState.Accepted };
                await UpdateAsync(updated, who, "accepted", RecordDiff.Changes(record, updated), ct);
                ids.Add(record.Id);
            }
            return ids;
        }
    }

    /// <summary>Applies reviewer edits (<c>field=value</c>, see <see cref="RegistryEdits"/>) to one record; the edited record must
    /// pass <see cref="RegistryValidator"/> and refer only to existing records. Writes one <c>edited</c> audit entry.</summary>
    /// <exception cref="RegistryException">Unknown id or field, or the result is invalid; nothing was changed.</exception>
    public Task<RegistryRecord> EditAsync(
        string id, IReadOnlyList<(string Field, string Value)> edits, string who, KhanijCatalogue catalogue,
        CancellationToken cancellationToken = default) =>
        InTransactionAsync(ct => EditCoreAsync(id, edits, who, catalogue, ct), cancellationToken);

    /// <summary>Applies one review run's decisions in one transaction, with their audit entries: the edit (if any), then the accepts,
    /// the rejects and accept-all. If any decision fails, none is applied.</summary>
    /// <exception cref="RegistryException">An unknown id, an invalid edit, or one record both accepted and rejected; nothing was changed.</exception>
    public Task<ReviewOutcome> ApplyReviewAsync(ReviewRun run, string who, KhanijCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var both = run.Accept.Intersect(run.Reject, StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            throw new RegistryException($"record(s) {string.Join(", ", both)} both accepted and rejected in one run; expected one decision per record.");
        }
        return InTransactionAsync(async ct =>
        {
            RegistryRecord? edited = null;
            if (run.EditId is not null)
            {
                edited = await EditCoreAsync(run.EditId, run.Edits, who, catalogue, ct);
            }
            foreach (var id in run.Accept)
            {
                await SetReviewCoreAsync(id, ReviewState.Accepted, who, ct);
            }
            foreach (var id in run.Reject)
            {
                await SetReviewCoreAsync(id, ReviewState.Rejected, who, ct);
            }
            IReadOnlyList<string> all = run.AcceptAll ? await AcceptAllCoreAsync(who, ct) : [];
            return new ReviewOutcome(edited, run.Accept, run.Reject, all);
        }, cancellationToken);
    }

    private async Task<RegistryRecord> EditCoreAsync(
        string id, IReadOnlyList<(string Field, string Value)> edits, string who, KhanijCatalogue catalogue, CancellationToken ct)
    {
        {
            ArgumentNullException.ThrowIfNull(edits);
            var all = await ListAsync(ct);
            var record = all.FirstOrDefault(r => r.Id == id) ?? throw RegistryException.UnknownId(id, all.Select(r => r.Id));
            var edited = record;
            foreach (var (field, value) in edits)
            {
                try
                {
                    edited = RegistryEdits.Apply(edited, field, value);
                }
                catch (FormatException x)
                {
                    throw new RegistryException($"--set {field}={value}: {x.Message}", x);
                }
            }
            // Values the reviewer typed are held to the curated standard; values the extractor found and nobody touched are not.
            var touched = edits.Select(e => e.Field.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var problems = RegistryValidator.Validate(edited, catalogue, strictAreas: false)
                .Concat(RegistryValidator.Validate(edited, catalogue, strictAreas: true).Where(p => touched.Contains(p.Path.Split('[')[0])))
                .Distinct()
                .Select(p => $"{id}: {p.Path}: {p.Message}")
                .Concat(MissingReferences(edited, all.Select(r => r.Id).ToHashSet(StringComparer.Ordinal)).Select(p => $"{id}: {p.Path}: {p.Message}"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new RegistryException(problems);
            }
            var changes = RecordDiff.Changes(record, edited);
            if (changes.Count > 0)
            {
                await UpdateAsync(edited, who, "edited", changes, ct);
            }
            return edited;
        }
    }

    /// <summary>The partner links the analytics use: accepted records only (see <see cref="RegistryLinks"/>).</summary>
    public async Task<IReadOnlyList<PartnerLink>> PartnerLinksAsync(KhanijCatalogue catalogue, CancellationToken cancellationToken = default) =>
        RegistryLinks.Build(await ListAsync(cancellationToken), catalogue);

    /// <summary>References of <paramref name="record"/> (parent, reviewed records) that are not in <paramref name="ids"/>, as problems.</summary>
    internal static IEnumerable<RegistryProblem> MissingReferences(RegistryRecord record, IReadOnlySet<string> ids)
    {
        if (record.ParentId is { } parent && !ids.Contains(parent))
        {
            yield return new RegistryProblem("parent_id", $"no record has id '{parent}'.");
        }
        foreach (var (reviewed, i) in (record.Occasion?.Reviews ?? []).Select((r, i) => (r, i)))
        {
            if (!ids.Contains(reviewed))
            {
                yield return new RegistryProblem($"occasion.reviews[{i}]", $"no record has id '{reviewed}'.");
            }
        }
    }

    private async Task LinkSessionsAsync(List<RegistryRecord> records, string who, CancellationToken ct)
    {
        foreach (var (occasionId, reviewedId) in SessionLinks.Missing(records))
        {
            var i = records.FindIndex(r => r.Id == occasionId);
            var before = records[i];
            var after = before with { Occasion = before.Occasion! with { Reviews = [.. before.Occasion.Reviews, reviewedId] } };
            await UpdateAsync(after, who, "linked", RecordDiff.Changes(before, after), ct);
            records[i] = after;
        }
    }

    private static string NextId(IEnumerable<RegistryRecord> records, RecordKind kind)
    {
        var prefix = kind.IdPrefix() + "-";
        var max = records.Select(r => r.Id)
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (max + 1).ToString("D4", CultureInfo.InvariantCulture);
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

    private async Task InsertAsync(RegistryRecord record, string who, string action, CancellationToken ct)
    {
        var now = Now();
        await ExecAsync(
            "INSERT INTO registry_record VALUES ($id, $kind, $review, $title, $date, $body, $at, $at)",
            [("id", record.Id), ("kind", record.Kind.ToId()), ("review", ReviewId(record.Review)), ("title", record.Title),
             ("date", record.Date), ("body", RegistryJson.Serialize(record)), ("at", now)], ct);
        await AuditAsync(record.Id, who, action, RecordDiff.Changes(null, record), ct);
    }

    private async Task UpdateAsync(RegistryRecord record, string who, string action, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        await ExecAsync(
            "UPDATE registry_record SET kind = $kind, review = $review, title = $title, date = $date, body = $body, updated_at = $at WHERE id = $id",
            [("id", record.Id), ("kind", record.Kind.ToId()), ("review", ReviewId(record.Review)), ("title", record.Title),
             ("date", record.Date), ("body", RegistryJson.Serialize(record)), ("at", Now())], ct);
        await AuditAsync(record.Id, who, action, changes, ct);
    }

    private async Task AuditAsync(string recordId, string who, string action, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        await ExecAsync(
            "INSERT INTO registry_audit SELECT COALESCE(MAX(seq), 0) + 1, $id, $at, $who, $action, $changes FROM registry_audit",
            [("id", recordId), ("at", Now()), ("who", who), ("action", action), ("changes", JsonSerializer.Serialize(changes, RegistryJson.Options))], ct);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(CancellationToken ct) => [.. (await ListAsync(ct)).Select(r => r.Id)];

    /// <summary>Runs <paramref name="work"/> in one transaction; when a concurrent writer makes DuckDB abort it, runs it again on the
    /// new state (see <see cref="WriteConflicts"/>).</summary>
    private Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        WriteConflicts.RetryAsync(async token =>
        {
            await using var transaction = await _connection.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, "The registry write", ct);

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private static string ReviewId(ReviewState state) => state.ToString().ToLowerInvariant();

    private Task ExecAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct) =>
        _connection.ExecAsync(sql, parameters, ct);

    private DbCommand Command(string sql, IReadOnlyList<(string Name, object? Value)> parameters) => _connection.Command(sql, parameters);
}
