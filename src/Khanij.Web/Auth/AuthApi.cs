using System.Globalization;
using Khanij.Data.Accounts;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Khanij.Web.Auth;

/// <summary>Sign-in, sign-out, who am I, and the audit log: <c>/api/auth/*</c> and <c>/api/audit</c>.</summary>
internal static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/auth").WithTags("Sign-in");
        group.MapPost("/signin", SignInAsync).WithName("SignIn")
            .WithSummary("Sign in with a name and password; sets the session cookie and the anti-forgery cookie");
        group.MapPost("/signout", (Delegate)SignOutAsync).WithName("SignOut").WithSummary("End the session");
        group.MapGet("/me", Me).WithName("WhoAmI").WithSummary("The signed-in user and role");
        app.MapGroup("api").WithTags("Audit").MapGet("/audit", AuditAsync).WithName("GetAudit")
            .WithSummary("The audit log (admin): every write with who, when, what and before/after");
    }

    internal sealed record SignInRequest(string? Name, string? Password);

    internal sealed record WhoAmI(string Name, string Role);

    private static async Task<Results<Ok<WhoAmI>, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext context, KhanijData data,
        IOptions<KhanijWebOptions> options, SignInLimiter limiter, CancellationToken cancellationToken)
    {
        if (!options.Value.SignInRequired)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Sign-in is not configured.",
                detail: "This server has no accounts (a DuckDB store on loopback needs no sign-in). Serve a PostgreSQL store to use accounts.");
        }
        if (string.IsNullOrEmpty(request.Name) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Name and password are needed.",
                detail: "Expected a JSON object {\"name\": …, \"password\": …}.");
        }
        var from = context.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        if (!limiter.TryAcquire(from))
        {
            context.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts.",
                detail: $"At most {options.Value.SignInsPerMinute} sign-in attempts a minute are accepted from one address; try again in a minute.");
        }
        var outcome = await data.WriteAccountsAsync(a => a.SignInAsync(request.Name, request.Password, from, cancellationToken), cancellationToken);
        if (outcome.Account is not { } account)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.",
                detail: outcome.Locked
                    ? $"The account is locked for {AccountStore.LockOut.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes after "
                        + $"{AccountStore.MaxFailedSignIns} wrong passwords in a row; try again later, or ask an admin ('khanij users password')."
                    : "The name or the password is wrong.");
        }
        var principal = SignIn.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        SignIn.IssueXsrf(context, principal, options.Value.SecureCookies);
        return TypedResults.Ok(new WhoAmI(account.Name, AccountStore.RoleId(account.Role)));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.Response.Cookies.Delete(SignIn.XsrfCookie);
        return TypedResults.NoContent();
    }

    private static Results<Ok<WhoAmI>, ProblemHttpResult> Me(HttpContext context, IOptions<KhanijWebOptions> options)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Problem(statusCode: options.Value.SignInRequired ? StatusCodes.Status401Unauthorized : StatusCodes.Status404NotFound,
                title: options.Value.SignInRequired ? "Not signed in." : "Sign-in is not configured.");
        }
        if (context.User.Identity.AuthenticationType != SignIn.BearerScheme)
        {
            SignIn.IssueXsrf(context, context.User, options.Value.SecureCookies);
        }
        return TypedResults.Ok(new WhoAmI(context.User.Identity.Name!, AccountStore.RoleId(SignIn.RoleOf(context.User))));
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditLogEntry>>, ValidationProblem>> AuditAsync(string? since, string? user, KhanijData data,
        CancellationToken cancellationToken)
    {
        DateTime? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateTime.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["since"] = [$"'{since}' is not a date; expected a UTC date or time such as 2026-12-01 or 2026-12-01T09:30."],
                });
            }
            from = at;
        }
        return TypedResults.Ok(await data.WithAccountsAsync(a => a.ReadAsync(from, string.IsNullOrWhiteSpace(user) ? null : user, cancellationToken),
            cancellationToken));
    }
}
