using Khanij.Testing;

namespace Khanij.Data.Tests;

public sealed class CatalogueLoaderTests
{
    private static readonly Core.Catalogue.KhanijCatalogue Catalogue = CatalogueLoader.Load(RepoPaths.Data);

    [Theory]
    [InlineData("जापान", "JPN")]
    [InlineData("भारतीय", "IND")]
    [InlineData("अमेरिकी", "USA")]
    [InlineData("कनाडाई", "CAN")]
    [InlineData("रूसी", "RUS")]
    [InlineData("Congo (Kinshasa)", "COD")]
    [InlineData("Burma", "MMR")]
    [InlineData("Korea, Republic of", "KOR")]
    [InlineData("japan", "JPN")]
    public void FindCountry_KnownSpelling_ReturnsIso3(string name, string iso3)
    {
        // When
        var country = Catalogue.FindCountry(name);

        // Then
        country.ShouldNotBeNull($"'{name}' should be found").Iso3.ShouldBe(iso3);
    }

    [Theory]
    [InlineData("लिथियम", "lithium")]
    [InlineData("लीथियम", "lithium")]
    [InlineData("रेयर अर्थ", "rare_earths")]
    [InlineData("दुर्लभ पृथ्वी", "rare_earths")]
    [InlineData("दुर्लभ मृदा", "rare_earths")]
    [InlineData("ग्रेफाइट", "graphite")]
    [InlineData("कोबाल्ट", "cobalt")]
    [InlineData("Rare Earths", "rare_earths")]
    [InlineData("Li", "lithium")]
    public void FindMineral_HindiOrEnglishName_ReturnsId(string name, string id)
    {
        // When
        var mineral = Catalogue.FindMineral(name);

        // Then
        mineral.ShouldNotBeNull($"'{name}' should be found").Id.ShouldBe(id);
    }

    [Theory]
    [InlineData("KOR", "South Korea")]
    [InlineData("COD", "DR Congo")]
    [InlineData("IND", "India")]
    [InlineData("USA", "United States")]
    public void DisplayName_LongOrInvertedIsoName_UsesCommonAlias(string iso3, string expected)
    {
        // When
        var name = Catalogue.CountryByIso3(iso3).ShouldNotBeNull().DisplayName;

        // Then
        name.ShouldBe(expected);
    }

    [Fact]
    public void Minerals_IndiaList_HasThirtyMinerals()
    {
        // When
        var india = Catalogue.Minerals.Count(m => m.India2023);

        // Then
        india.ShouldBe(30);
    }

    [Fact]
    public void SearchCountries_HindiName_FindsJapan()
    {
        // When
        var found = Catalogue.SearchCountries("जापान");

        // Then
        found.Select(c => c.Iso3).ShouldContain("JPN");
    }

    [Fact]
    public void Frameworks_Quad_HasFourMembers()
    {
        // When
        var quad = Catalogue.FindFramework("क्वाड");

        // Then
        quad.ShouldNotBeNull().Members.ShouldBe(["AUS", "IND", "JPN", "USA"], ignoreOrder: true);
    }
}
