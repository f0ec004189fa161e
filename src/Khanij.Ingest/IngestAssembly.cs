namespace Khanij.Ingest;

/// <summary>Marker for the ingestion assembly (read → parse → validate → store).</summary>
public static class IngestAssembly
{
    /// <summary>The assembly's name, for diagnostics.</summary>
    public const string Name = "Khanij.Ingest";
}
