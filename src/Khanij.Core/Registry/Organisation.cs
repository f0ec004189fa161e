namespace Khanij.Core.Registry;

/// <summary>An organisation taking part: a ministry, a state company, an agency, a firm.</summary>
/// <param name="Name">Name in usual English form, e.g. <c>KABIL</c>, <c>Ministry of Mines</c>.</param>
/// <param name="Country">ISO3 of the country it belongs to, or null when unknown or international.</param>
public sealed record Organisation(string Name, string? Country);
