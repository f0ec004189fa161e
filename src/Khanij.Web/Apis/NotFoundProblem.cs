using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Khanij.Web.Apis;

/// <summary>A 404 written as <c>application/problem+json</c> through the host's problem-details service (so it carries the trace id
/// like every other error), and described as such in the OpenAPI document. <c>TypedResults.NotFound(problem)</c> would be sent
/// as plain <c>application/json</c>.</summary>
internal sealed class NotFoundProblem(string detail) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails Value { get; } = new() { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = detail };

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status404NotFound;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
