using Khanij.Core.Catalogue;
using Khanij.Core.Registry;

namespace Khanij.Data.Registry;

/// <summary>Curated imports (<c>khanij partners import</c>): new records are inserted; a record of an event the registry already holds
/// merges into it, by the rules <c>ingest add</c> uses (<see cref="EventRecords.FindMatch"/>).</summary>
public sealed partial class RegistryStore
{
    /// <summary>Stores curated records (already validated, e.g. by <see cref="RegistryImporter"/>) in one transaction. A record that
    /// reports an event already in the registry (the merge key of <see cref="EventRecords"/>; for commitments the same parent and
    /// text) is merged into that record: sources, evidence, lists and organisations united, missing values filled, and references to
    /// its id elsewhere in the file pointed at the record it joined. Where the two disagree on a value, the registry's value is kept,
    /// the disagreement is stored on the record as a <see cref="FieldConflict"/> and the record goes to review.</summary>
    /// <param name="records">The file's records.</param>
    /// <param name="who">Name for the audit trail.</param>
    /// <param name="catalogue">Tells countries from framework ids when matching.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is stored then.</param>
    /// <exception cref="RegistryConflictException">An id is already taken; nothing was changed.</exception>
    /// <exception cref="RegistryException">A merge would leave an invalid record; nothing was changed.</exception>
    public Task<ImportOutcome> ImportAsync(IReadOnlyList<RegistryRecord> records, string who, KhanijCatalogue catalogue,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(catalogue);
        return InTransactionAsync(async ct =>
        {
            var all = (await ListAsync(ct)).ToList();
            var taken = records.Where(r => all.Any(a => a.Id == r.Id)).Select(r => r.Id).ToList();
            if (taken.Count > 0)
            {
                throw new RegistryConflictException($"Record id(s) already in the registry: {string.Join(", ", taken)}. Choose new ids; nothing was imported.");
            }
            var incoming = MatchExisting(records, all, catalogue, out var into);
            var created = new List<string>();
            var merges = new List<ImportMerge>();
            var problems = new List<string>();
            foreach (var record in incoming)
            {
                if (!into.TryGetValue(record.Id, out var targetId))
                {
                    await InsertAsync(record, who, "imported", ct);
                    all.Add(record);
                    created.Add(record.Id);
                    continue;
                }
                var i = all.FindIndex(r => r.Id == targetId);
                var current = all[i];
                var conflicts = EventRecords.Conflicts(current, record, $"import of {record.Id} ({record.Sources.FirstOrDefault()?.Document})");
                var (merged, _, substantive) = EventRecords.Merge(current, record);
                merged = merged with
                {
                    Review = ReviewAfterMerge(current, record, merged, substantive, conflicts.Count > 0),
                    Conflicts = [.. current.Conflicts, .. conflicts.Where(c => !current.Conflicts.Contains(c))],
                };
                problems.AddRange(RegistryValidator.Validate(merged, catalogue, strictAreas: false)
                    .Select(p => $"{record.Id} merged into {targetId}: {p.Path}: {p.Message}"));
                var changes = RecordDiff.Changes(current, merged);
                if (changes.Count > 0)
                {
                    await UpdateAsync(merged, who, $"merged import of {record.Id}", changes, ct);
                    all[i] = merged;
                }
                merges.Add(new ImportMerge(record.Id, targetId, changes.Count > 0, merged.Review, conflicts));
            }
            if (problems.Count > 0)
            {
                throw new RegistryException([.. problems, "Nothing was imported."]);
            }
            await LinkSessionsAsync(all, who, ct);
            return new ImportOutcome(created, merges);
        }, cancellationToken);
    }

    /// <summary>Which incoming records report an event already in <paramref name="existing"/> (<paramref name="into"/>: incoming id →
    /// registry id), and the records with their references (parent, reviewed records) pointed at the records they joined. Only records
    /// that were in the registry before the import are matched: two records of one curated file are two records.</summary>
    private static List<RegistryRecord> MatchExisting(IReadOnlyList<RegistryRecord> records, IReadOnlyList<RegistryRecord> existing,
        KhanijCatalogue catalogue, out Dictionary<string, string> into)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in records.Where(r => r.Kind != RecordKind.Commitment))
        {
            if (EventRecords.FindMatch(existing, r, catalogue) is { } match)
            {
                map[r.Id] = match.Id;
            }
        }
        // Commitments are one follow-up when parent and text agree, so their parents are pointed first.
        var pointed = records.Select(r => Point(r, map)).ToList();
        foreach (var r in pointed.Where(r => r.Kind == RecordKind.Commitment))
        {
            if (existing.FirstOrDefault(e => EventRecords.SameCommitment(e, r)) is { } match)
            {
                map[r.Id] = match.Id;
            }
        }
        into = map;
        return [.. pointed.Select(r => Point(r, map))];
    }

    private static RegistryRecord Point(RegistryRecord record, IReadOnlyDictionary<string, string> map) => record with
    {
        ParentId = record.ParentId is { } parent ? map.GetValueOrDefault(parent, parent) : null,
        Occasion = record.Occasion is { } o ? o with { Reviews = [.. o.Reviews.Select(r => map.GetValueOrDefault(r, r))] } : null,
    };

    /// <summary>The review state of a record after a curated record merged into it: held for review when the two disagree; a rejected
    /// record stays rejected; a curated, accepted record confirms the registry's record when the registry's record was accepted too, or
    /// when everything the analytics see of the merged record is what the curator wrote; an accepted record that a proposed import
    /// changes in substance goes back to review (as with <c>ingest add</c>).</summary>
    private static ReviewState ReviewAfterMerge(RegistryRecord current, RegistryRecord incoming, RegistryRecord merged, bool substantive, bool conflicts)
    {
        if (conflicts)
        {
            return ReviewState.Proposed;
        }
        if (current.Review == ReviewState.Rejected)
        {
            return ReviewState.Rejected;
        }
        if (incoming.Review == ReviewState.Accepted)
        {
            var fields = RecordDiff.Fields(merged).Where(f => EventRecords.SubstantiveFields.Contains(f.Key)).ToList();
            var curated = RecordDiff.Fields(incoming).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            return current.Review == ReviewState.Accepted || fields.All(f => AsSet(curated.GetValueOrDefault(f.Key)) == AsSet(f.Value))
                ? ReviewState.Accepted
                : ReviewState.Proposed;
        }
        return current.Review == ReviewState.Accepted && substantive ? ReviewState.Proposed : current.Review;
    }

    /// <summary>A field's text with its list items in order, so that two lists with the same items compare equal.</summary>
    private static string AsSet(string? text) => string.Join(", ", (text ?? "").Split(", ").Order(StringComparer.Ordinal));
}

/// <summary>What <see cref="RegistryStore.ImportAsync"/> did.</summary>
/// <param name="Created">Ids of the records added as they are.</param>
/// <param name="Merged">Records that joined a record of the same event.</param>
public sealed record ImportOutcome(IReadOnlyList<string> Created, IReadOnlyList<ImportMerge> Merged);

/// <summary>An imported record that joined the registry's record of the same event.</summary>
/// <param name="ImportedId">Its id in the file.</param>
/// <param name="IntoId">The registry record it joined (its id stays; references in the file were pointed at it).</param>
/// <param name="Changed">False when the registry's record already held everything it says.</param>
/// <param name="Review">The review state of the merged record.</param>
/// <param name="Conflicts">Fields on which the two disagreed (kept as the registry had them, for review).</param>
public sealed record ImportMerge(string ImportedId, string IntoId, bool Changed, ReviewState Review, IReadOnlyList<FieldConflict> Conflicts);
