using System.ComponentModel;
using Khanij.Application.Sheets;
using Khanij.Core.Catalogue;
using Khanij.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Khanij.Web.Apis;

/// <summary><c>/api/countries</c> and <c>/api/frameworks</c>: countries with English and Hindi names, and groupings such as MSP or the Quad.</summary>
internal static class CountriesApi
{
    public static IEndpointRouteBuilder MapCountriesApi(this IEndpointRouteBuilder app)
    {
        var countries = app.MapGroup("api/countries").WithTags("Countries");
        countries.MapGet("/", ListCountries).WithName("ListCountries")
            .WithSummary("List ISO 3166-1 countries, optionally those whose code or any English or Hindi name contains a text");
        countries.MapGet("/{code}", GetCountry).WithName("GetCountry")
            .WithSummary("Get one country by ISO3 code or by any English or Hindi name or adjective");
        countries.MapGet("/{code}/profile", GetCountryProfile).WithName("GetCountryProfile")
            .WithSummary("A country's production and reserves by mineral, its imports and partners with the pack's coverage gaps named, the export "
                + "restrictions it imposes and faces, and its frameworks and partnerships (as khanij country C --json)");
        app.MapGroup("api/frameworks").WithTags("Countries")
            .MapGet("/", ListFrameworks).WithName("ListFrameworks")
            .WithSummary("List frameworks and groupings (MSP, IPEF, Quad, G7 …) with their member countries");
        return app;
    }

    public static Results<Ok<IReadOnlyList<CountryDto>>, ValidationProblem> ListCountries(
        KhanijCatalogue catalogue,
        [Description("Text to look for in codes and names, in Latin or Devanagari script (e.g. korea, जापान).")] string? search = null)
    {
        if (search is { Length: > 100 })
        {
            return Problems.Invalid("search", $"is {search.Length} characters long; at most 100 are accepted.");
        }
        var rows = string.IsNullOrWhiteSpace(search) ? catalogue.Countries : catalogue.SearchCountries(search);
        return TypedResults.Ok<IReadOnlyList<CountryDto>>([.. rows.Select(CountryDto.From)]);
    }

    public static Results<Ok<CountryDto>, NotFoundProblem> GetCountry(
        [Description("ISO3 code (e.g. IND) or a name in English or Hindi (e.g. Japan, जापान).")] string code,
        KhanijCatalogue catalogue)
    {
        var country = catalogue.CountryByIso3(code) ?? catalogue.FindCountry(code);
        return country is null
            ? Problems.NotFound($"No country has the code or name '{code}'. GET /api/countries?search=TEXT searches codes and names in both scripts.")
            : TypedResults.Ok(CountryDto.From(country));
    }

    public static async Task<Results<Ok<CountryProfile>, NotFoundProblem>> GetCountryProfile(
        [Description("ISO3 code (e.g. JPN) or a name in English or Hindi (e.g. Japan, जापान).")] string code,
        KhanijCatalogue catalogue, KhanijData data, CancellationToken cancellationToken)
    {
        // The pack's trade flows are cached by the host (they change only on import); the registry is read each time.
        var facts = await data.FactsAsync(cancellationToken);
        var result = await CountryProfileService.RunAsync(await data.StoreAsync(cancellationToken), catalogue, new CountryProfileRequest(code),
            cancellationToken, facts.Trade);
        return result.Value is { } profile
            ? TypedResults.Ok(profile)
            : Problems.NotFound($"No country has the code or name '{code}'. GET /api/countries?search=TEXT searches codes and names in both scripts.");
    }

    public static Ok<IReadOnlyList<FrameworkDto>> ListFrameworks(KhanijCatalogue catalogue) =>
        TypedResults.Ok<IReadOnlyList<FrameworkDto>>([.. catalogue.Frameworks.Select(FrameworkDto.From)]);
}
