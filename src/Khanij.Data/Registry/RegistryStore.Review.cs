using Khanij.Core.Catalogue;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>Review: accepting, rejecting and editing records, alone or as one run (<c>khanij partners review</c>).</summary>
public sealed partial class RegistryStore
{
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
            // A decision settles the conflicts a merge left for review: the values the record has are the ones decided on.
            var updated = record with { Review = state, Conflicts = [] };
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
                var updated = record with { Review = ReviewState.Accepted, Conflicts = [] };
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
            var before = await ListAsync(ct);
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
            return new ReviewOutcome(edited, run.Accept, run.Reject, all) { Before = before, After = await ListAsync(ct) };
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
            // Editing a field a merge left in conflict settles that conflict.
            edited = edited with { Conflicts = [.. edited.Conflicts.Where(c => !touched.Contains(c.Field.Split('[')[0]))] };
            var changes = RecordDiff.Changes(record, edited);
            if (changes.Count > 0)
            {
                await UpdateAsync(edited, who, "edited", changes, ct);
            }
            return edited;
        }
    }
}
