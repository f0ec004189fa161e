using Khanij.Data.Accounts;
using Microsoft.AspNetCore.Routing;

namespace Khanij.Web.Auth;

/// <summary>Which role each route needs when sign-in is on: reading is for viewers, running scenarios, extracting and ingesting news
/// (which proposes registry records) for analysts, deciding on the registry, importing records and reading the audit log for admins. A
/// state-changing route not listed here needs admin, so a new write is never open by accident (the role-matrix test also fails on it).</summary>
internal static class AccessRules
{
    /// <summary>Routes anyone may call: signing in, and the API's own description (no data).</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "POST /api/auth/signin",
    };

    private static readonly Dictionary<string, Role> Unsafe = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST /api/simulate"] = Role.Analyst,
        ["POST /api/ingest/extract"] = Role.Analyst,
        ["POST /api/ingest/"] = Role.Analyst,
        ["POST /api/auth/signout"] = Role.Viewer,
        ["POST /api/partners/records/{id}/accept"] = Role.Admin,
        ["POST /api/partners/records/{id}/reject"] = Role.Admin,
        ["POST /api/partners/import"] = Role.Admin,
    };

    private static readonly HashSet<string> AdminReads = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET /api/audit",
    };

    /// <summary>The role <paramref name="method"/> on <paramref name="endpoint"/> needs; null when anyone may call it (static dashboard
    /// files, the sign-in route, the OpenAPI document and reference, unknown paths that will answer 404).</summary>
    public static Role? Required(string method, Endpoint? endpoint)
    {
        if (endpoint is not RouteEndpoint route)
        {
            return null;
        }
        var pattern = "/" + (route.RoutePattern.RawText ?? "").TrimStart('/');
        if (!pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = method.ToUpperInvariant() + " " + pattern;
        if (Anonymous.Contains(key))
        {
            return null;
        }
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return AdminReads.Contains("GET " + pattern) ? Role.Admin : Role.Viewer;
        }
        return Unsafe.TryGetValue(key, out var role) ? role : Role.Admin;
    }

    /// <summary>True for routes whose cookie-signed-in callers must also send the anti-forgery token: everything that changes stored
    /// data. (Scenario runs and extraction change nothing; with SameSite=Strict cookies another site's form cannot send the cookie anyway.)</summary>
    public static bool ChangesData(string method, Endpoint? endpoint) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
        && Required(method, endpoint) is { } role
        && !(endpoint is RouteEndpoint r && ("/" + (r.RoutePattern.RawText ?? "").TrimStart('/')) is "/api/simulate" or "/api/ingest/extract" or "/api/auth/signout")
        && role >= Role.Analyst;
}
