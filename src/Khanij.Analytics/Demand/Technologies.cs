namespace Khanij.Analytics.Demand;

/// <summary>The technologies a demand scenario may name, with the unit each takes. Battery technologies are measured in GWh and
/// turned into mineral needs with BatPaC intensities; the data pack has no intensities for the others, so their needs are reported
/// as not computed (never estimated).</summary>
public static class Technologies
{
    /// <summary>Technology id → (unit, is a battery technology, description).</summary>
    public static IReadOnlyDictionary<string, (string Unit, bool IsBattery, string Description)> All { get; } =
        new Dictionary<string, (string, bool, string)>(StringComparer.Ordinal)
        {
            ["ev_battery"] = ("GWh", true, "battery packs for electric vehicles"),
            ["battery_cells"] = ("GWh", true, "battery cells made in the country (manufacturing, whatever their use)"),
            ["stationary_storage"] = ("GWh", true, "grid and behind-the-meter battery storage"),
            ["ev_sales_share"] = ("share", false, "electric share of new vehicle sales"),
            ["solar_pv"] = ("GW", false, "solar photovoltaic capacity"),
            ["wind_onshore"] = ("GW", false, "onshore wind capacity"),
            ["wind_offshore"] = ("GW", false, "offshore wind capacity"),
            ["wind"] = ("GW", false, "wind capacity (onshore and offshore)"),
            ["non_fossil_capacity"] = ("GW", false, "non-fossil electricity capacity (renewables, hydro, nuclear)"),
            ["electrolysers"] = ("GW", false, "hydrogen electrolyser capacity"),
        };

    /// <summary>True for technologies measured in battery GWh.</summary>
    public static bool IsBattery(string technology) => All.TryGetValue(technology, out var t) && t.IsBattery;
}
