namespace Khanij.Core.Registry;

/// <summary>Status of a commitment or follow-up action. <c>default</c> is <see cref="Open"/>.</summary>
public enum FollowUpStatus
{
    /// <summary>Not done yet.</summary>
    Open,
    /// <summary>Reported as done.</summary>
    Done,
    /// <summary>Recorded as overdue by a source or a curator. An open item past its due date is also shown as overdue.</summary>
    Overdue,
    /// <summary>Abandoned.</summary>
    Dropped,
}
