using Khanij.Core.Catalogue;
using Khanij.Core.Registry;
using Khanij.Testing;

namespace Khanij.Core.Tests.Registry;

/// <summary>Issue 18: a partnership counts only for the minerals and stages it covers. Expected lists come from
/// data/criticality_lists.csv, read here.</summary>
public sealed class PartnerScopeTests
{
    private static readonly KhanijCatalogue Catalogue = CatalogueReader.Read(name => File.ReadAllText(Path.Combine(RepoPaths.Data, name)));

    private static RegistryRecord Record(string id, string[] parties, string[] minerals, string[] stages) =>
        new(id, RecordKind.Partnership, id, parties, "protocol", "signed", "2025-08-07", null, minerals, stages, [], [], [], null,
            [new SourceRef("doc", null, "https://example.org", null, [])], ReviewState.Accepted);

    private static HashSet<string> List(string column)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Data, "criticality_lists.csv"));
        var header = lines[0].Split(',');
        var at = Array.IndexOf(header, column);
        return [.. lines.Skip(1).Select(l => l.Split(',')).Where(c => c[at] == "1").Select(c => c[0])];
    }

    [Fact]
    public void Build_AluminiumProtocol_NeverMakesANickelPartner()
    {
        // Given: India and Russia sign a protocol on aluminium (mining)
        var links = RegistryLinks.Build([Record("pt-1", ["IND", "RUS"], ["bauxite_aluminium"], ["mining"])], Catalogue);

        // Then
        var link = links.ShouldHaveSingleItem();
        link.Covers("IND", "RUS", "nickel", Stage.Mining).ShouldBeFalse();
        link.Covers("IND", "RUS", "nickel", Stage.Refining).ShouldBeFalse();
        link.Covers("IND", "RUS", "bauxite_aluminium", Stage.Mining).ShouldBeTrue();
        link.Covers("IND", "RUS", "bauxite_aluminium", Stage.Refining).ShouldBeFalse();
    }

    [Fact]
    public void Build_GenericCriticalMineralsSessionOnMining_CoversIndiasListAtMiningOnly()
    {
        // Given: a working-group session on "critical minerals", exploration and mining (the seed's India–Russia 11th session)
        var india = List("india_2023");
        var links = RegistryLinks.Build([Record("oc-1", ["IND", "RUS"], ["critical_minerals", "bauxite_aluminium"], ["mining", "exploration"])], Catalogue);

        // Then: every mineral on India's 2023 list at mining (Russia publishes no list in the catalogue), none at refining
        var link = links.ShouldHaveSingleItem();
        india.ShouldContain("nickel");
        foreach (var m in india)
        {
            link.Covers("IND", "RUS", m, Stage.Mining).ShouldBeTrue(m);
            link.Covers("IND", "RUS", m, Stage.Refining).ShouldBeFalse(m);
        }
        var notOnList = Catalogue.Minerals.Select(m => m.Id).Where(m => !india.Contains(m) && m != "bauxite_aluminium").ToList();
        notOnList.ShouldNotBeEmpty();
        notOnList.ShouldAllBe(m => !link.Covers("IND", "RUS", m, Stage.Mining));
        link.Scope.ShouldNotBeNull().ShouldContain("India 2023");
    }

    [Fact]
    public void Build_GenericMouOfIndiaAndTheUsa_CoversTheUnionOfBothLists()
    {
        // Given: an MoU on critical minerals naming no stage
        var expected = List("india_2023");
        expected.UnionWith(List("us_2022"));
        var link = RegistryLinks.Build([Record("pt-2", ["IND", "USA"], ["critical_minerals"], [])], Catalogue).ShouldHaveSingleItem();

        // Then
        link.MineralIds.ToHashSet().SetEquals(expected.Where(m => Catalogue.MineralById(m) is not null)).ShouldBeTrue();
        link.Stages.ShouldBeNull();
        link.Covers("IND", "USA", "cobalt", Stage.Refining).ShouldBeTrue();
    }

    [Fact]
    public void Build_RecyclingOnlyRecord_CoversNoSupplyStage()
    {
        // When
        var links = RegistryLinks.Build([Record("pt-3", ["IND", "JPN"], ["lithium"], ["recycling"])], Catalogue);

        // Then
        links.ShouldBeEmpty();
    }
}
