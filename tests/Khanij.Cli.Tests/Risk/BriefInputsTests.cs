using Khanij.Analytics.Risk;
using Khanij.Application;
using Khanij.Application.Services;
using Khanij.Data;
using Khanij.Testing;

namespace Khanij.Cli.Tests.Risk;

/// <summary>The brief and risk read only the WGI estimates their governance score uses (issue 16); what they answer must not change.</summary>
public sealed class BriefInputsTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static readonly Khanij.Core.Catalogue.KhanijCatalogue Catalogue = CatalogueLoader.Load(RepoPaths.Data);

    [Theory]
    [InlineData(null)]
    [InlineData(2015)]
    public async Task LoadForCountryAsync_WithTheMethod_GivesTheBriefOfTheWholeTables(int? wgiYear)
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var s = await KhanijStore.OpenReadOnlyAsync(store.DbPath, ct);
        var method = new MethodRequest(WgiYear: wgiYear);
        var whole = await RiskInputsLoader.LoadAsync(s, ct);

        // When
        var narrowed = await RiskInputsLoader.LoadForCountryAsync(s, Catalogue, "IND", ct, method);

        // Then: a small part of the WGI table, every year still named, and the same brief (as JSON, every figure and note)
        narrowed.Governance.Count.ShouldBeLessThan(whole.Governance.Count / 10);
        narrowed.GovernanceYears.ShouldBe(whole.GovernanceYears);
        var a = await BriefService.RunAsync(s, narrowed, Catalogue, new BriefRequest("IND", Method: method), ct);
        var b = await BriefService.RunAsync(s, whole, Catalogue, new BriefRequest("IND", Method: method), ct);
        a.Errors.ShouldBeEmpty();
        b.Errors.ShouldBeEmpty();
        CliJson.Serialize(a.Value!.Document).ShouldBe(CliJson.Serialize(b.Value!.Document));
    }

    [Fact]
    public async Task LoadForCountryAsync_WgiYearWithoutData_IsRefusedWithTheSameYearsAsBefore()
    {
        // Given
        var ct = TestContext.Current.CancellationToken;
        await using var s = await KhanijStore.OpenReadOnlyAsync(store.DbPath, ct);
        var method = new MethodRequest(WgiYear: 1990);
        var whole = await RiskInputsLoader.LoadAsync(s, ct);

        // When
        var narrowed = await RiskInputsLoader.LoadForCountryAsync(s, Catalogue, "IND", ct, method);
        var a = await RiskService.RunAsync(s, narrowed, Catalogue, new RiskRequest("cobalt", Method: method), ct);
        var b = await RiskService.RunAsync(s, whole, Catalogue, new RiskRequest("cobalt", Method: method), ct);

        // Then
        narrowed.Governance.ShouldBeEmpty();
        a.Errors.Select(e => (e.Field, e.Message)).ShouldBe(b.Errors.Select(e => (e.Field, e.Message)));
        a.Errors.ShouldContain(e => e.Field == "wgi_year" && e.Message.Contains("1996", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GovernanceIndexFor_OtherParametersThanLoaded_Throws()
    {
        // Given: inputs holding the latest year's estimates
        var ct = TestContext.Current.CancellationToken;
        await using var s = await KhanijStore.OpenReadOnlyAsync(store.DbPath, ct);
        var inputs = await RiskInputsLoader.LoadForCountryAsync(s, Catalogue, "IND", ct, new MethodRequest());

        // When / Then: a score for another year or other dimensions would read rows that were not loaded
        Should.Throw<InvalidOperationException>(() => inputs.GovernanceIndexFor(RiskParameters.Default with { GovernanceYear = 2015 }));
        Should.Throw<InvalidOperationException>(() => inputs.GovernanceIndexFor(RiskParameters.Default with { GovernanceIndicators = ["PV"] }));
        inputs.GovernanceIndexFor(RiskParameters.Default).Year.ShouldBe(inputs.GovernanceYears[^1]);
    }
}
