namespace Khanij.Web.Security;

/// <summary>Who the audit trail names for a change made through the web host: the signed-in user on a server with sign-in; otherwise
/// (a loopback server without accounts) the operating-system user who runs it (as the CLI records <c>Environment.UserName</c>). A
/// request can never choose the name.</summary>
internal static class AuditActor
{
    private static readonly string Local = $"{Environment.UserName} (web)";
    private static readonly AsyncLocal<string?> User = new();

    /// <summary>The signed-in user of the request being served, else the local user running the server, marked as acting through the web host.</summary>
    public static string Current => User.Value ?? Local;

    /// <summary>Names the signed-in user for the rest of this request (set by the sign-in middleware).</summary>
    public static void SignedIn(string name) => User.Value = name;
}
