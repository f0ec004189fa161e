using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Tests.Risk;

/// <summary>Small supply facts for synthetic tables.</summary>
internal static class Fact
{
    public static SupplyFact Country(string iso3, double? value, string mineral = "testium", Stage stage = Stage.Mining) =>
        new("test", mineral, stage, iso3, null, 2024, null, "mine production", value, "t", "content", false, Prov(iso3));

    public static SupplyFact Aggregate(string kind, double value, string mineral = "testium", Stage stage = Stage.Mining) =>
        new("test", mineral, stage, null, kind, 2024, null, "mine production", value, "t", "content", false, Prov(kind));

    public static Provenance Prov(string label) => new("test.csv", 1, "test", "t", "", label);
}
