namespace Khanij.Core.Registry;

/// <summary>Where a record stands in review. Only <see cref="Accepted"/> records reach the analytics. <c>default</c> is <see cref="Proposed"/>.</summary>
public enum ReviewState
{
    /// <summary>Created by ingestion (or an edit that changed substance) and waiting for a reviewer.</summary>
    Proposed,
    /// <summary>Checked by a reviewer or curated by hand; counts in queries and analytics.</summary>
    Accepted,
    /// <summary>Judged wrong by a reviewer; kept (with its evidence) so the same claim does not come back as new.</summary>
    Rejected,
}
