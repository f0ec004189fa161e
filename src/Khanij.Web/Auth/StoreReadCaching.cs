using Microsoft.AspNetCore.OutputCaching;

namespace Khanij.Web.Auth;

/// <summary>The output cache's rule for the store reads: ASP.NET Core's default rule (GET and HEAD, 200 answers without cookies) except that
/// requests with credentials are cached too. The default skips them because answers may differ per user; Khanij's cached reads do not (a
/// role only decides whether the route may be called, and that is checked before the cache, in <see cref="SignIn.UseKhanijSignIn"/>), so
/// a shared server keeps its cache.</summary>
internal sealed class StoreReadCaching : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
