using CsCheck;
using Khanij.Core.Catalogue;
using Khanij.Core.Registry;
using Khanij.Testing;

namespace Khanij.Core.Tests.Registry;

public sealed class RegistryLinksTests
{
    private static readonly KhanijCatalogue Catalogue = CatalogueReader.Read(name => File.ReadAllText(Path.Combine(RepoPaths.Data, name)));

    private static readonly string[] Countries = ["IND", "JPN", "USA", "AUS", "CAN", "RUS", "ARG"];
    private static readonly string[] Minerals = ["lithium", "cobalt", "graphite", "rare_earths", "critical_minerals"];

    private static RegistryRecord Record(string id, ReviewState review, string[] parties, string[] minerals, RecordKind kind = RecordKind.Occasion) =>
        new(id, kind, id, parties, kind == RecordKind.Occasion ? "meeting" : null, "held", "2025-03", null, minerals, [], [], [], [], null,
            [new SourceRef("doc", null, "https://example.org", null, [])], review);

    private static readonly Gen<RegistryRecord> GenRecord =
        Gen.Select(
            Gen.Int[0, 9999],
            Gen.Enum<ReviewState>(),
            Gen.Shuffle(Countries, 2, 3),
            Gen.Shuffle(Minerals, 0, 2),
            (n, review, parties, minerals) => Record($"r-{n}", review, parties, minerals));

    [Fact]
    public void Build_AddingProposedOrRejectedRecords_NeverChangesTheLinks() =>
        Gen.Select(GenRecord.List[0, 12], GenRecord.List[1, 6]).Sample((records, extra) =>
        {
            // Given: any registry, then the same registry with more records that are not accepted
            var notAccepted = extra.Select((r, i) => r with
            {
                Id = "extra-" + i,
                Review = r.Review == ReviewState.Accepted ? ReviewState.Proposed : r.Review,
            });

            // When
            var before = RegistryLinks.Build(records, Catalogue);
            var after = RegistryLinks.Build(records.Concat(notAccepted), Catalogue);

            // Then
            return before.Select(Key).SequenceEqual(after.Select(Key));
        });

    [Fact]
    public void Build_EveryLink_ComesFromAnAcceptedRecordThatNamesBothCountries() =>
        GenRecord.List[0, 15].Sample(records =>
        {
            // When
            var links = RegistryLinks.Build(records, Catalogue);

            // Then
            return links.All(l => records.Any(r => r.Id == l.RecordId && r.Review == ReviewState.Accepted
                && r.Parties.Contains(l.CountryA) && r.Parties.Contains(l.CountryB) && string.CompareOrdinal(l.CountryA, l.CountryB) < 0));
        });

    [Fact]
    public void Build_RecordWithoutMinerals_GivesNoLink()
    {
        // Given: an accepted defence agreement reported beside a minerals deal
        var records = new[] { Record("pt-x", ReviewState.Accepted, ["IND", "JPN"], [], RecordKind.Partnership) with { Instrument = "agreement" } };

        // When
        var links = RegistryLinks.Build(records, Catalogue);

        // Then
        links.ShouldBeEmpty();
    }

    [Fact]
    public void Build_FrameworkWithoutMemberList_UsesCatalogueMembers()
    {
        // Given
        var quad = Record("quad", ReviewState.Accepted, ["QUAD"], ["critical_minerals"], RecordKind.Partnership) with
        {
            Instrument = "framework", Partnership = new PartnershipDetails("QUAD", []),
        };

        // When
        var links = RegistryLinks.Build([quad], Catalogue);

        // Then
        links.Select(l => $"{l.CountryA}-{l.CountryB}").ShouldBe(["AUS-IND", "AUS-JPN", "AUS-USA", "IND-JPN", "IND-USA", "JPN-USA"]);
        links.ShouldAllBe(l => l.Basis == "framework:QUAD" && l.From == "2025-03-01");
    }

    [Fact]
    public void Build_ThreeLetterFrameworkParty_IsNotTakenForACountry()
    {
        // Given: India joining the MSP, a record with parties IND and MSP ("MSP" looks like an ISO3 code)
        var joins = Record("msp-india", ReviewState.Accepted, ["IND", "MSP"], ["critical_minerals"]);

        // When
        var links = RegistryLinks.Build([joins], Catalogue);

        // Then
        links.ShouldNotContain(l => l.CountryA == "MSP" || l.CountryB == "MSP");
        links.ShouldAllBe(l => l.Basis == "framework:MSP");
        links.ShouldContain(l => l.CountryA == "IND" && l.CountryB == "JPN");
        links.ShouldAllBe(l => l.CountryA == "IND" || l.CountryB == "IND");
    }

    private static string Key(Partners.PartnerLink l) => $"{l.CountryA}|{l.CountryB}|{l.Basis}|{l.RecordId}|{string.Join(",", l.MineralIds)}";
}
