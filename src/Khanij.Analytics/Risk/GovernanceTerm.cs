namespace Khanij.Analytics.Risk;

/// <summary>One country's term in a governance-weighted concentration: share² × WGI × t (× partner factor on the sourcing side).</summary>
/// <param name="Iso3">The country.</param>
/// <param name="Share">Its share (0–1).</param>
/// <param name="Wgi">Its governance score 0–10 (higher = riskier), or null when missing.</param>
/// <param name="T">Restriction factor: <see cref="RiskParameters.RestrictionFactor"/> when a restriction is in force, else 1.</param>
/// <param name="RestrictionIds">Ids of the restrictions in force that set <paramref name="T"/>.</param>
/// <param name="PartnerFactor">Partner factor applied (1 for a non-partner or on the global-supply side).</param>
/// <param name="PartnerBases">Bases of the partner links (e.g. <c>framework:MSP</c>, <c>registry</c>); empty for a non-partner.</param>
/// <param name="Term">share² × WGI × t × partner factor, or null when WGI is missing.</param>
public sealed record GovernanceTerm(
    string Iso3, double Share, double? Wgi, double T, IReadOnlyList<string> RestrictionIds, double PartnerFactor, IReadOnlyList<string> PartnerBases, double? Term);
