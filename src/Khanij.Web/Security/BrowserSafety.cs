using Scalar.AspNetCore;

namespace Khanij.Web.Security;

/// <summary>What keeps a web page elsewhere from using the local server (which has no sign-in): only requests naming an allowed
/// <c>Host</c> are served (DNS rebinding gives an attacker's name a loopback address, but the browser still sends the attacker's
/// name), a state-changing request from a page of another origin is refused, and every response tells the browser to run only
/// the server's own scripts and never to show the pages inside a frame.</summary>
internal static class BrowserSafety
{
    /// <summary>Host names served when <c>Khanij:AllowedHosts</c> is not set: the loopback names.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>The policy of every response. Scripts, styles, images and API calls only from this server; no inline script, no
    /// inline style, no <c>eval</c>; no frame may show these pages; forms post only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the middleware (before static files and the API).</summary>
    public static IApplicationBuilder UseBrowserSafety(this IApplicationBuilder app, IReadOnlyList<string> allowedHosts)
    {
        var hosts = new HashSet<string>(allowedHosts.Count == 0 ? LoopbackHosts : allowedHosts, StringComparer.OrdinalIgnoreCase);
        var anyHost = hosts.Contains("*");
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (context.Request.Path.StartsWithSegments(KhanijWebSetup.ReferencePath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.ContentSecurityPolicy = ReferencePolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string);
                    return Task.CompletedTask;
                });
            }
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";

            var host = context.Request.Host.Host;
            if (!anyHost && !hosts.Contains(host))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "This server does not answer to this host name.",
                    $"Host '{context.Request.Host}' is not served here; allowed: {string.Join(", ", hosts.Order(StringComparer.Ordinal))}. "
                    + "Set the environment variable Khanij__AllowedHosts (e.g. 'khanij.lan;localhost') to serve another name.");
                return;
            }
            if (!IsSafeMethod(context.Request.Method) && ForeignOrigin(context.Request) is { } origin)
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused.",
                    $"A {context.Request.Method} from '{origin}' was refused: only pages served by this server may change its data.");
                return;
            }
            await next(context);
        });
    }

    /// <summary>The policy of the API reference page (Scalar, from its NuGet package). Its one inline module script carries a fresh
    /// nonce per request (Scalar's <c>WithNonce()</c>); no other inline script runs. Scalar's components set inline styles, so this page
    /// alone allows them: it shows the OpenAPI document, which the code writes, never stored data.</summary>
    internal static string ReferencePolicy(string? nonce) => ContentSecurityPolicy
        .Replace("script-src 'self'", nonce is null ? "script-src 'self'" : $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
        .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    private static bool IsSafeMethod(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>The origin of a request made from another site's page, or null for the server's own pages and non-browser clients
    /// (which send no <c>Origin</c>). Browsers send <c>Origin</c> on every cross-origin and every same-origin POST; <c>Sec-Fetch-Site</c>
    /// is a second witness when a browser leaves <c>Origin</c> out.</summary>
    internal static string? ForeignOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            {
                return origin;   // "null" (sandboxed frames, file: pages) or garbage
            }
            var sameScheme = string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
            var sameHost = string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || (uri.IsDefaultPort && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase) && request.Host.Port is null);
            return sameScheme && sameHost ? null : origin;
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site" ? $"(a {site} page)" : null;
    }

    private static Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(detail: detail, title: title, statusCode: status).ExecuteAsync(context);
    }
}
