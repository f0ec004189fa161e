namespace Khanij.Ingest.Recognition;

/// <summary>An organisation of <c>data/catalogue/organisations.csv</c>; a ministry or state company counts for its country.</summary>
internal sealed record Organisation(string Id, string NameEn, string? Country, string Kind);
