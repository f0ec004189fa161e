using System.Text;
using CsCheck;
using Khanij.Core.Events;
using Khanij.Core.Registry;
using Khanij.Data.Registry;
using static Khanij.Data.Tests.Registry.RegistryFixtures;

namespace Khanij.Data.Tests.Registry;

public sealed class RegistryJsonTests
{
    private static readonly Gen<string> GenText = Gen.OneOfConst("KABIL", "भारत–जापान समझौता", "Line \"quoted\"\nnext", "x", "Ministry of Mines");
    private static readonly Gen<string?> GenOptText = Gen.OneOf(Gen.Const((string?)null), GenText.Select(t => (string?)t));
    private static readonly Gen<string?> GenDate = Gen.OneOfConst<string?>(null, "2024", "2024-06", "2025-08-07");
    private static readonly Gen<string[]> GenCountries = Gen.Shuffle(new[] { "IND", "JPN", "USA", "AUS", "ARG", "RUS" }, 2, 4);
    private static readonly Gen<string[]> GenMinerals = Gen.Shuffle(new[] { "lithium", "cobalt", "rare_earths", "critical_minerals" }, 0, 3);

    private static readonly Gen<RegistryRecord> GenRecord =
        Gen.Select(Gen.Int[1, 99999], Gen.Enum<RecordKind>(), Gen.Enum<ReviewState>(), GenCountries, GenMinerals, GenDate, GenOptText, GenText)
            .Select(t =>
            {
                var (n, kind, review, parties, minerals, date, note, text) = t;
                var record = new RegistryRecord($"r-{n}", kind, text, parties, RegistryVocabulary.InstrumentsOf(kind).FirstOrDefault(), "signed",
                    date, null, minerals, ["exploration"], ["exploration", "investment"], [new Official(text, "Minister of Mines", "IND")],
                    [new Organisation(text, null)], null, [new SourceRef("Release " + n, note, "https://example.org/" + n, date, [text], note)], review);
                return kind switch
                {
                    RecordKind.Partnership => record with { Partnership = new PartnershipDetails(null, []) },
                    RecordKind.Occasion => record with { Occasion = new OccasionDetails(n % 20 + 1, "IND", note, []) },
                    RecordKind.Project => record with { Project = new ProjectDetails(text, note, "5 kt/yr", [text], note) },
                    RecordKind.Investment => record with
                    {
                        Investment = new InvestmentDetails(n * 1e7, "INR", note, [new Amount(n * 1.5, "JPY", text)]),
                    },
                    _ => record with { Commitment = new CommitmentDetails(text, note, date, (FollowUpStatus)(n % 4)) },
                };
            });

    [Fact]
    public void Serialize_AnyRecord_DeserializesToTheSameRecord() =>
        GenRecord.Sample(r => RegistryJson.Serialize(RegistryJson.Deserialize(RegistryJson.Serialize(r))) == RegistryJson.Serialize(r)
            && RecordDiff.Changes(r, RegistryJson.Deserialize(RegistryJson.Serialize(r))).Count == 0);

    [Fact]
    public void Check_StoredFormAsImportFile_ReadsBackTheSameRecords() =>
        GenRecord.List[1, 5].Sample(records =>
        {
            // Given: records as the store writes them, wrapped as an import file
            var unique = records.DistinctBy(r => r.Id).ToList();
            var json = "{\"records\": [" + string.Join(",\n", unique.Select(RegistryJson.Serialize)) + "]}";

            // When
            var read = RegistryImporter.Check("gen.json", Encoding.UTF8.GetBytes(json), Catalogue, new HashSet<string>());

            // Then
            return read.Select(RegistryJson.Serialize).SequenceEqual(unique.Select(RegistryJson.Serialize));
        });
}
