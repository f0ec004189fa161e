using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Khanij.Web.Tests;

/// <summary>Issue 18 through the API: accepting a record answers the risk figures it moved for the country asked about, the same figures
/// GET /api/risk gives before and after. The record names Norway and Chile only, so India's figures (compared elsewhere) do not change.</summary>
public sealed class ReviewImpactApiTests(DashboardServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Dictionary<string, JsonElement> ByKey(JsonElement rows) =>
        rows.EnumerateArray().ToDictionary(r => $"{r.GetProperty("mineral").GetString()}|{r.GetProperty("stage").GetString()}|{r.GetProperty("source").GetString()}|"
            + $"{r.GetProperty("year").GetInt32()}|{r.GetProperty("scenario")}|{r.GetProperty("measure").GetString()}");

    private static double? Share(JsonElement riskRow) =>
        riskRow.GetProperty("imports").ValueKind == JsonValueKind.Null ? null : riskRow.GetProperty("imports").GetProperty("share_from_partners").GetDouble();

    [Fact]
    public async Task Accept_NorwayChileCopperRecord_AnswersTheFiguresRiskGivesBeforeAndAfter()
    {
        // Given: a proposed record of Norway and Chile on copper (no stage named), and Norway's copper risk rows before it counts
        using var http = new HttpClient();
        var id = "impact-" + Guid.NewGuid().ToString("N")[..8];
        var file = JsonSerializer.Serialize(new
        {
            records = new[]
            {
                new
                {
                    id, kind = "partnership", title = "Impact fixture", parties = new[] { "NOR", "CHL" }, instrument = "mou", status = "signed",
                    date = "2025-06-06", minerals = new[] { "copper" }, review = "proposed",
                    sources = new[] { new { document = "impact fixture " + id, url = "https://example.org/impact", published = "2025-06-06" } },
                },
            },
        });
        var imported = await http.PostAsync(server.BaseUrl + "/api/partners/import", new StringContent(file, Encoding.UTF8, "application/json"), Ct);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        var before = ByKey(await http.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/risk?country=NOR&mineral=copper", Ct));

        // When
        var response = await http.PostAsync($"{server.BaseUrl}/api/partners/records/{id}/accept?country=NOR", null, Ct);
        var after = ByKey(await http.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/risk?country=NOR&mineral=copper", Ct));

        // Then: the record, accepted, and for every copper row whose figures differ between the two risk answers, those figures
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var decision = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        decision.GetProperty("record").GetProperty("review").GetString().ShouldBe("accepted");
        var impact = decision.GetProperty("impact");
        impact.GetProperty("country").GetString().ShouldBe("NOR");
        impact.GetProperty("records").EnumerateArray().Select(e => e.GetString()).ShouldBe([id]);
        var moved = before.Keys.Where(k => Share(before[k]) != Share(after[k])
            || before[k].GetProperty("supply_risk").GetDouble() != after[k].GetProperty("supply_risk").GetDouble()).Order().ToList();
        var rows = ByKey(impact.GetProperty("rows"));
        rows.Keys.Order().ShouldBe(moved);
        foreach (var (key, row) in rows)
        {
            row.GetProperty("partner_share_before").GetDouble().ShouldBe(Share(before[key])!.Value);
            row.GetProperty("partner_share_after").GetDouble().ShouldBe(Share(after[key])!.Value);
            row.GetProperty("supply_risk_after").GetDouble().ShouldBe(after[key].GetProperty("supply_risk").GetDouble());
        }
        // Chile counts as Norway's copper partner at every stage now (the record names none), as the risk rows say
        after.Values.ShouldAllBe(r => r.GetProperty("partners").GetProperty("partners").EnumerateArray().Any(p => p.GetProperty("iso3").GetString() == "CHL"));
        var shown = await http.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/partners/records/{id}/impact?country=NOR", Ct);
        ByKey(shown.GetProperty("rows")).Keys.Order().ShouldBe(moved);
    }
}
