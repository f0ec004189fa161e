using Khanij.Data;
using Khanij.Testing;

namespace Khanij.Ingest.Tests;

/// <summary>One pipeline for all tests (building the lexicon reads the catalogue).</summary>
public sealed class PipelineFixture
{
    public IngestPipeline Pipeline { get; } = IngestPipeline.Create(CatalogueLoader.Load(RepoPaths.Data), RepoPaths.Data, ResxPhrasebook.English);
}
