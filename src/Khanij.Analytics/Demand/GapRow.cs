namespace Khanij.Analytics.Demand;

/// <summary>Needs against secured supply for one mineral and year.</summary>
/// <param name="MineralId">Mineral id.</param>
/// <param name="Year">Year.</param>
/// <param name="NeedTonnes">The scenario's need, tonnes of element.</param>
/// <param name="Items">Every part of secured supply considered, counted or not.</param>
/// <param name="SecuredTonnes">Σ of the counted items.</param>
/// <param name="UnsecuredTonnes">max(0, need − secured).</param>
/// <param name="IsUpperBound">True when some item could not be quantified, so the true gap may be smaller.</param>
/// <param name="ByPartnership">Tonnes of counted partner imports per partnership basis (a supplier with two bases appears under both;
/// the secured total counts it once).</param>
public sealed record GapRow(
    string MineralId, int Year, double NeedTonnes, IReadOnlyList<SecuredItem> Items, double SecuredTonnes, double UnsecuredTonnes,
    bool IsUpperBound, IReadOnlyDictionary<string, double> ByPartnership);
