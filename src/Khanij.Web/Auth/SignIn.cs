using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Khanij.Data;
using Khanij.Data.Accounts;
using Khanij.Web.Security;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Khanij.Web.Auth;

/// <summary>Sign-in for a shared server (PostgreSQL store): cookie sessions for the dashboard (HttpOnly, SameSite=Strict, Secure beyond
/// loopback, 8 hours sliding, checked against the account on every request so a role change or lock-out takes effect at once), bearer API
/// tokens for scripts, an anti-forgery token on every data-changing request made with the cookie, sign-in rate limiting per address, and
/// each route's role (<see cref="AccessRules"/>). A loopback server on DuckDB stays sign-in free, as before.</summary>
internal static class SignIn
{
    public const string PolicyScheme = "khanij";
    public const string BearerScheme = "Bearer";
    public const string CookieName = "khanij.session";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";
    public const string SignInLimit = "signin";

    public static void AddKhanijSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerScheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<KhanijWebOptions>>((o, web) =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = web.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = RevalidateAsync;
            });
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = XsrfHeader;
            o.Cookie.Name = "khanij.xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Sign-in attempts per client address and minute: its own limiter (the server's compute limits answer 503; this answers 429).
        services.AddSingleton(sp =>
        {
            var perMinute = sp.GetRequiredService<IOptions<KhanijWebOptions>>().Value.SignInsPerMinute;
            return new SignInLimiter(PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        });
    }

    /// <summary>Adds authentication, the per-route role check and the anti-forgery check (after routing, before any work).</summary>
    public static void UseKhanijSignIn(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<KhanijWebOptions>>().Value;
        if (!options.SignInRequired)
        {
            return;
        }
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var method = context.Request.Method;
            var required = AccessRules.Required(method, endpoint);
            var user = context.User;
            if (required is { } role)
            {
                if (user.Identity?.IsAuthenticated != true)
                {
                    await Problem(context, StatusCodes.Status401Unauthorized, "Sign in first.",
                        "This server needs sign-in: POST /api/auth/signin (the dashboard's sign-in page), or send 'Authorization: Bearer TOKEN' "
                        + "with a token from 'khanij users token'.");
                    return;
                }
                var has = RoleOf(user);
                if (has < role)
                {
                    await Problem(context, StatusCodes.Status403Forbidden, "Your role does not allow this.",
                        $"{method} {context.Request.Path} needs the {AccountStore.RoleId(role)} role; {user.Identity.Name} is {AccountStore.RoleId(has)}.");
                    return;
                }
                if (AccessRules.ChangesData(method, endpoint) && user.Identity.AuthenticationType != BearerScheme)
                {
                    try
                    {
                        await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
                    }
                    catch (AntiforgeryValidationException)
                    {
                        await Problem(context, StatusCodes.Status400BadRequest, "The anti-forgery token is missing or wrong.",
                            $"A change made with the sign-in cookie must send the {XsrfHeader} header with the value of the {XsrfCookie} cookie "
                            + "(the dashboard does this); scripts should use a bearer token instead.");
                        return;
                    }
                }
            }
            if (user.Identity?.IsAuthenticated == true)
            {
                AuditActor.SignedIn(user.Identity.Name!);
            }
            await next(context);
        });
    }

    /// <summary>The role in a principal's claims (viewer when absent).</summary>
    public static Role RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), ignoreCase: true, out var role) ? role : Role.Viewer;

    /// <summary>A principal for <paramref name="account"/>, authenticated by <paramref name="scheme"/>.</summary>
    public static ClaimsPrincipal Principal(Account account, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, AccountStore.RoleId(account.Role))], scheme));

    /// <summary>Issues the anti-forgery pair for <paramref name="user"/>: the HttpOnly cookie, and the request token in a cookie the
    /// dashboard's script reads and sends back as <see cref="XsrfHeader"/>.</summary>
    public static void IssueXsrf(HttpContext context, ClaimsPrincipal user, bool secure)
    {
        var current = context.User;
        context.User = user;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        context.User = current;
        context.Response.Cookies.Append(XsrfCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = secure || context.Request.IsHttps,
            Path = "/",
        });
    }

    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var data = context.HttpContext.RequestServices.GetRequiredService<KhanijData>();
        var account = name is null ? null : await data.WithAccountsAsync(a => a.FindAsync(name, context.HttpContext.RequestAborted), context.HttpContext.RequestAborted);
        if (account is null || account.LockedUntilUtc > DateTime.UtcNow)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (AccountStore.RoleId(account.Role) != context.Principal!.FindFirstValue(ClaimTypes.Role))
        {
            context.ReplacePrincipal(Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }

    private static async Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>The sign-in attempts allowed per client address (fixed one-minute windows).</summary>
internal sealed class SignInLimiter(PartitionedRateLimiter<string> limiter) : IDisposable
{
    /// <summary>True when <paramref name="address"/> may try once more now.</summary>
    public bool TryAcquire(string address)
    {
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>Authenticates <c>Authorization: Bearer TOKEN</c> with an API token from <c>khanij users token</c>.</summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KhanijData data)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var account = await data.WithAccountsAsync(a => a.ValidateTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted), Context.RequestAborted);
        return account is null
            ? AuthenticateResult.Fail("unknown or expired token")
            : AuthenticateResult.Success(new AuthenticationTicket(SignIn.Principal(account, SignIn.BearerScheme), SignIn.BearerScheme));
    }
}
