namespace Khanij.Core.Facts;

/// <summary>A figure as reported in the news or an official statement (India's curated facts), with its page and a confidence grade.</summary>
/// <param name="Topic"><c>NCMM</c>, <c>import_dependence</c> or <c>trade_india_imports</c>.</param>
/// <param name="Item">What the figure is.</param>
/// <param name="MineralId">Catalogue mineral, or null for 'all' and for products such as magnets.</param>
/// <param name="MineralLabel">The label as written in the file.</param>
/// <param name="Value">The value as reported (text: may be a date or a number).</param>
/// <param name="Unit">Unit as reported.</param>
/// <param name="Period">Period as reported.</param>
/// <param name="Publisher">Who reported it.</param>
/// <param name="Url">Where.</param>
/// <param name="Confidence"><c>high</c>, <c>medium</c> or <c>low</c>.</param>
/// <param name="Notes">Caveats.</param>
/// <param name="Provenance">Source row.</param>
public sealed record ReportedFact(
    string Topic, string Item, string? MineralId, string MineralLabel, string Value, string Unit, string Period, string Publisher, string Url,
    string Confidence, string Notes, Provenance Provenance)
{
    /// <summary><see cref="Item"/>, <see cref="Unit"/> and <see cref="Period"/> in Hindi (curated in <c>data/catalogue/reported_facts_hi.csv</c>;
    /// empty where the field is). A service answering in Hindi puts them in place of the English, so they are not written out on their own.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public (string Item, string Unit, string Period) Hindi { get; init; } = ("", "", "");
}
