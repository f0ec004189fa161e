namespace Khanij.Ingest.Recognition;

/// <summary>A city of <c>data/catalogue/cities.csv</c>, for venues.</summary>
internal sealed record City(string NameEn, string Iso3);
