using Khanij.Core;
using Khanij.Core.Catalogue;

namespace Khanij.Application.Services;

/// <summary>Resolution of the fields several use cases share (country, mineral, stage), with one wording for their problems.</summary>
internal static class RequestFields
{
    public static string? Country(KhanijCatalogue catalogue, string text, List<RequestError> errors, string field = "country")
    {
        var country = catalogue.CountryByIso3(text.Trim().ToUpperInvariant()) ?? catalogue.FindCountry(text);
        if (country is null)
        {
            errors.Add(new RequestError(field, "is not a known country; expected an ISO3 code or a name in English or Hindi such as IND, India, भारत "
                + "(`khanij countries`, GET /api/countries)." + catalogue.DidYouMeanCountry(text))
            { Value = text });
        }
        return country?.Iso3;
    }

    public static string? Mineral(KhanijCatalogue catalogue, string? text, List<RequestError> errors, string field = "mineral")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var mineral = catalogue.MineralById(text.Trim()) ?? catalogue.FindMineral(text);
        if (mineral is null)
        {
            errors.Add(new RequestError(field, "is not in the catalogue; expected a mineral id or name in English or Hindi such as rare_earths, "
                + "lithium, लिथियम (`khanij minerals`, GET /api/minerals)." + catalogue.DidYouMeanMineral(text))
            { Value = text });
        }
        return mineral?.Id;
    }

    public static Stage? Stage(string? text, List<RequestError> errors, string field = "stage")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (StageNames.TryParse(text, out var stage))
        {
            return stage;
        }
        errors.Add(new RequestError(field, $"is not a stage; expected one of {string.Join(", ", StageNames.All)}.") { Value = text });
        return null;
    }
}
