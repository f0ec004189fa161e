using Khanij.Analytics.Risk;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Analytics.Tests.Risk;

/// <summary>Small supply facts for synthetic tables.</summary>
internal static class Fact
{
    public static SupplyFact Country(string iso3, double? value, string mineral = "testium", Stage stage = Stage.Mining, string basis = "content") =>
        new("test", mineral, stage, iso3, null, 2024, null, "mine production", value, "t", basis, false, Prov(iso3));

    public static SupplyFact Aggregate(string kind, double value, string mineral = "testium", Stage stage = Stage.Mining) =>
        new("test", mineral, stage, null, kind, 2024, null, "mine production", value, "t", "content", false, Prov(kind));

    /// <summary>A trade-code catalogue entry for tests: by default a specific code whose tonnes are the mineral's tonnes (factor 1).</summary>
    public static TradeCode Code(string hs, string mineral = "cobalt", double factor = 1, TradeCodeKind kind = TradeCodeKind.Specific, string basis = "Co content") =>
        new(hs, mineral, ImportExposure.StageOf(hs), "test product", kind, factor, basis, "test factor");

    public static Provenance Prov(string label) => new("test.csv", 1, "test", "t", "", label);
}
