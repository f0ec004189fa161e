namespace Khanij.Data.Import;

/// <summary>A resolved place: a country (<see cref="Iso3"/>) or an aggregate (<see cref="AggregateKind"/>), never both.</summary>
internal readonly record struct Place(string? Iso3, string? AggregateKind)
{
    public static Place Country(string iso3) => new(iso3, null);

    public static Place Aggregate(string kind) => new(null, kind);

    public bool IsCountry => Iso3 is not null;
}
