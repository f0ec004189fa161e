namespace Khanij.Web.Security;

/// <summary>Who the audit trail names for a change made through the web host. The server has no sign-in, so the person acting is the
/// operating-system user who runs it (as the CLI records <c>Environment.UserName</c>); a request can never choose the name.</summary>
internal static class AuditActor
{
    /// <summary>The local user running the server, marked as acting through the web host.</summary>
    public static string Current { get; } = $"{Environment.UserName} (web)";
}
