using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Khanij.Application.Localization;
using Khanij.Core.Catalogue;
using Khanij.Data;
using Khanij.Ingest;
using Khanij.Web.Apis;
using Khanij.Web.Auth;
using Khanij.Web.Limits;
using Khanij.Web.Security;
using Khanij.Web.Services;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Khanij.Web;

/// <summary>Wires the API, its OpenAPI description and the dashboard into a web host. Used by <c>Program</c> and by <c>khanij serve</c>
/// (the only public surface of this assembly).</summary>
#pragma warning disable CA1515 // public: `khanij serve` hosts the web app in-process
public static class KhanijWebSetup
#pragma warning restore CA1515
{
    /// <summary>Largest request body accepted (bytes); larger ones get 413. Ingested texts are far smaller.</summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    /// <summary>Where the browsable API reference is served.</summary>
    public const string ReferencePath = "/api-reference";

    /// <summary>Registers the services the API and dashboard need.</summary>
    public static WebApplicationBuilder AddKhanijWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddOptions<KhanijWebOptions>().BindConfiguration("Khanij");
        builder.Services.AddKhanijSignIn();
        // A body that is not JSON (or a parameter that does not bind) reaches the exception handler, which answers a problem naming
        // where the JSON broke, instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = DescribeBadRequest);
        builder.Services.AddValidation();
        builder.Services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        // Officials' names in Latin script beside the recorded name (data/catalogue/official_spellings.csv, read and checked with the JSON
        // options).
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<KhanijWebOptions>>((json, web) =>
            json.SerializerOptions.Converters.Add(new OfficialJsonConverter(CatalogueLoader.LoadOfficialSpellings(web.Value.DataDir))));
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Khanij API";
            document.Info.Description = "Critical-minerals supply-chain intelligence: the catalogue, supply shares and risk metrics, "
                + "disruption simulation, the partnership registry and news ingestion. Errors are RFC 9457 problem details; "
                + "a 400 names the field at fault. JSON names are snake_case, as in the CLI's --json output.";
            return Task.CompletedTask;
        }));
        builder.AddComputeLimits();
        builder.Services.AddSingleton(sp => CatalogueLoader.Load(sp.GetRequiredService<IOptions<KhanijWebOptions>>().Value.DataDir));
        builder.Services.AddSingleton<KhanijData>();
        builder.Services.AddSingleton(sp => IngestPipeline.Create(sp.GetRequiredService<KhanijCatalogue>(),
            sp.GetRequiredService<IOptions<KhanijWebOptions>>().Value.DataDir, Messages.PhrasebookWith(sp.GetRequiredService<KhanijCatalogue>())));
        return builder;
    }

    /// <summary>Opens (on first use: creates and imports) the store and loads the data pack's facts, so the first request is not slow.</summary>
    /// <exception cref="ImportFailedException">The data pack has errors; nothing was imported.</exception>
    public static async Task WarmUpAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<KhanijData>().FactsAsync(cancellationToken);
    }

    /// <summary>Maps the API groups, the OpenAPI document, the API reference page and the dashboard.</summary>
    public static WebApplication MapKhanijWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A body over the size limit (or otherwise unreadable) keeps its own status (413, 400) instead of becoming a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseBrowserSafety(app.Services.GetRequiredService<IOptions<KhanijWebOptions>>().Value.AllowedHostNames);
        app.UseKhanijSignIn();
        app.UseComputeLimits();
        // The language of server messages: ?lang=hi, else Accept-Language (the dashboard sends its language), else English. Only the UI culture
        // changes; number formatting in the API's JSON stays culture-free.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en")),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [.. Messages.Languages.Select(CultureInfo.GetCultureInfo)],
            RequestCultureProviders =
            [
                new Microsoft.AspNetCore.Localization.QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new Microsoft.AspNetCore.Localization.AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
        app.Use(async (context, next) =>
        {
            using var language = Messages.Use(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            await next(context);
        });
        var dashboardDir = app.Services.GetRequiredService<IOptions<KhanijWebOptions>>().Value.DashboardDir;
        IFileProvider dashboard = string.IsNullOrWhiteSpace(dashboardDir)
            ? new EmbeddedFileProvider(typeof(KhanijWebSetup).Assembly, "Khanij.Web.Dashboard")
            : new PhysicalFileProvider(Path.GetFullPath(dashboardDir));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard });

        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, scalar => scalar
            .WithTitle("Khanij API")
            .WithNonce()
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
        app.MapMineralsApi();
        app.MapCountriesApi();
        app.MapSupplyApi();
        app.MapChainApi();
        app.MapRiskApi();
        app.MapSimulateApi();
        app.MapDemandApi();
        app.MapDiversifyApi();
        app.MapPartnersApi();
        app.MapIngestApi();
        app.MapAuthApi();
        app.MapMethodologyApi();
        return app;
    }

    /// <summary>Says what was wrong with an unreadable request: for JSON, the line, byte and path where it broke.</summary>
    private static void DescribeBadRequest(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad)
        {
            return;
        }
        context.ProblemDetails.Title = "The request could not be read.";
        if (bad.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" (at {json.Path})";
            context.ProblemDetails.Detail = $"The body is not valid JSON: line {(json.LineNumber ?? 0) + 1}, byte {(json.BytePositionInLine ?? 0) + 1}"
                + $"{path}. Expected a JSON object as in the API reference.";
            context.ProblemDetails.Extensions["line"] = (json.LineNumber ?? 0) + 1;
            context.ProblemDetails.Extensions["byte_in_line"] = (json.BytePositionInLine ?? 0) + 1;
        }
        else if (bad.StatusCode == StatusCodes.Status400BadRequest)
        {
            context.ProblemDetails.Detail = bad.Message;
        }
    }

    /// <summary>The API's JSON conventions: snake_case names and enum values, Devanagari kept readable.</summary>
    internal static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
