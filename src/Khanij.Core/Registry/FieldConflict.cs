namespace Khanij.Core.Registry;

/// <summary>Two sources of one event disagree on a field: the registry kept <see cref="Kept"/> and holds the record for review
/// instead of overwriting it silently (issue 18). Accepting or rejecting the record, or editing the field, settles it.</summary>
/// <param name="Field">Field name as in the JSON form (<c>date</c>, <c>status</c>, <c>organisations[KABIL].country</c>).</param>
/// <param name="Kept">The value the record has.</param>
/// <param name="Incoming">The value the other source gives.</param>
/// <param name="Source">Where the incoming value comes from (the imported record's id and its first source document).</param>
public sealed record FieldConflict(string Field, string? Kept, string? Incoming, string Source);
