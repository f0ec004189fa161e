using Khanij.Analytics.Risk;
using Khanij.Application.Sheets;
using Khanij.Core;
using Khanij.Core.Facts;

namespace Khanij.Web.Apis;

/// <summary>One country's part of a total, with the source row it comes from (null when several rows were summed).</summary>
internal sealed record ShareDto(string Iso3, double Value, double Share, string? SourceFile, int? SourceLine, string? Edition)
{
    public static ShareDto From(CountryShare s) => new(s.Iso3, s.Value, s.Share, s.Provenance?.SourceFile, s.Provenance?.Line, s.Provenance?.Edition);
}

/// <summary>Names one supply table: <c>key</c> is <c>source:year</c> or <c>source:year:scenario</c>, as accepted by <c>?table=</c>.</summary>
internal sealed record SupplyTableRef(string Key, string Source, int Year, string? Scenario, string Measure)
{
    public static string KeyOf(SupplyKey k) => k.Scenario is null ? $"{k.Source}:{k.Year}" : $"{k.Source}:{k.Year}:{k.Scenario}";
}

/// <summary>Concentration of one supply table (the risk kernels' <see cref="ConcentrationResult"/>): shares are fractions of
/// <c>denominator</c>; HHI (0–10 000) and top-N shares are over named countries; withheld countries are listed, never filled.</summary>
internal sealed record ConcentrationDto(
    string Key, string Source, string MineralId, Stage Stage, int Year, string? Scenario, string Measure, string Unit, string Basis,
    IReadOnlyList<ShareDto> Shares, double Residual, string ResidualBasis, double Denominator, double? PublishedTotal,
    IReadOnlyList<string> Withheld, double? Hhi, double? HhiAmongNamed, string? Top1Iso3, double? Top1Share, double? Top3Share,
    double? CoverageWithoutTop1, int Producers, IReadOnlyList<string> Sources, IReadOnlyList<string> Notes)
{
    public static ConcentrationDto From(ConcentrationResult r) => new(
        SupplyTableRef.KeyOf(r.Key), r.Key.Source, r.Key.MineralId, r.Key.Stage, r.Key.Year, r.Key.Scenario, r.Measure, r.Unit, r.Basis,
        [.. r.Shares.Select(ShareDto.From)], r.Residual, r.ResidualBasis, r.Denominator, r.PublishedTotal, r.Withheld, r.Hhi, r.HhiAmongNamed,
        r.Top1Iso3, r.Top1Share, r.Top3Share, r.CoverageWithoutTop1, r.Producers, r.Sources, r.Notes);
}

/// <summary>The supply table shown (null when the mineral has no supply data at the stage) and every table that could be chosen instead.</summary>
internal sealed record SupplySelection(ConcentrationDto? Table, IReadOnlyList<SupplyTableRef> Available);

/// <summary>HHI and top shares of one table, for concentration over years and projections.</summary>
internal sealed record ConcentrationPoint(string Key, string Source, int Year, string? Scenario, string Measure, double? Hhi, string? Top1Iso3,
    double? Top1Share, double? Top3Share, int Producers);

/// <summary>Where a country's imports of a mineral at a stage come from (the risk kernels' <see cref="ImportProfile"/>).</summary>
internal sealed record ImportProfileDto(
    string Perspective, string MineralId, Stage Stage, int? Year, IReadOnlyList<int> YearsAvailable, bool HasImports, double TotalImports,
    IReadOnlyList<ShareDto> Shares, double? Hhi, double ShareFromPartners, IReadOnlyDictionary<string, IReadOnlyList<string>> PartnerBases,
    double ShareFromRestricting, IReadOnlyDictionary<string, IReadOnlyList<string>> RestrictingSuppliers, double? Exports,
    IReadOnlyDictionary<string, string> HsBasis, IReadOnlyList<string> Notes, IReadOnlyList<string> Sources,
    string? ContentBasis, string ExportsBasis, IReadOnlyList<TradeCodeUse> Codes)
{
    public static ImportProfileDto From(ImportProfile p) => new(
        p.Perspective, p.MineralId, p.Stage, p.Year, p.YearsAvailable, p.HasImports, p.TotalImports, [.. p.Shares.Select(ShareDto.From)], p.Hhi,
        p.ShareFromPartners, p.PartnerBases, p.ShareFromRestricting, p.RestrictingSuppliers, p.Exports, p.HsBasis, p.Notes, p.Sources,
        p.ContentBasis, p.ExportsBasis, p.Codes);
}

/// <summary>An entry of the export-restriction register, with the stages and products curated for it (catalogue/restriction_scope.csv); its scope
/// in the request's language (the curated Hindi for <c>?lang=hi</c>).</summary>
internal sealed record RestrictionDto(
    string Id, string Iso3, string Measure, IReadOnlyList<string> MineralIds, string Scope, string Target, string Announced, string Effective,
    string Ended, string Status, string Confidence, string Notes, string Source, IReadOnlyList<string> Stages, IReadOnlyList<string> Products)
{
    public static RestrictionDto From(ExportRestriction r) => new(
        r.Id, r.Iso3, r.Measure, r.MineralIds, SheetText.Restriction(r).Scope, r.Target, r.Announced, r.Effective, r.Ended, r.Status, r.Confidence, r.Notes,
        $"{r.Provenance.SourceFile}:{r.Provenance.Line} ({r.Provenance.Edition})", [.. r.Stages.Select(s => s.ToId())], r.Products);
}
