using CsCheck;
using Khanij.Analytics.Risk;

namespace Khanij.Analytics.Tests.Risk;

public sealed class ConcentrationPropertyTests
{
    private static readonly Gen<double[]> Quantities = Gen.Double[0.001, 1e6].Array[1, 40];

    [Fact]
    public void Hhi_SharesOfPositiveQuantities_LieBetweenTenThousandOverNAndTenThousand() =>
        // Given / When / Then
        Quantities.Sample(values =>
        {
            var hhi = Concentration.Hhi(Concentration.Shares(values));
            return hhi >= 10_000.0 / values.Length - 1e-6 && hhi <= 10_000 + 1e-6;
        });

    [Fact]
    public void Hhi_ReorderedInput_IsUnchanged() =>
        // Given / When / Then
        Quantities.SelectMany(v => Gen.Shuffle(v.ToArray()).Select(s => (v, s))).Sample(pair =>
            Math.Abs(Concentration.Hhi(Concentration.Shares(pair.v)) - Concentration.Hhi(Concentration.Shares(pair.s))) < 1e-6);

    [Fact]
    public void Hhi_Monopoly_IsTenThousand() =>
        // Given one producer with any positive output and others with none
        Gen.Double[0.001, 1e9].Select(Gen.Int[0, 10]).Sample((q, zeros) =>
        {
            var values = new[] { q }.Concat(Enumerable.Repeat(0.0, zeros)).ToArray();

            // When
            var hhi = Concentration.Hhi(Concentration.Shares(values));

            // Then
            return Math.Abs(hhi - 10_000) < 1e-9;
        });

    [Fact]
    public void Shares_WithResidual_SumToOneIncludingTheResidual() =>
        // Given / When / Then
        Quantities.Select(Gen.Double[0, 1e6]).Sample((values, residual) =>
        {
            var shares = Concentration.Shares(values, residual);
            var total = values.Sum() + residual;
            return Math.Abs(shares.Sum() + residual / total - 1) < 1e-9;
        });

    [Fact]
    public void Shares_NoResidual_SumToOne() =>
        Quantities.Sample(values => Math.Abs(Concentration.Shares(values).Sum() - 1) < 1e-9);

    [Fact]
    public void Hhi_EqualSplit_IsTenThousandOverN() =>
        Gen.Int[1, 50].Sample(n =>
            Math.Abs(Concentration.Hhi(Concentration.Shares([.. Enumerable.Repeat(7.0, n)])) - 10_000.0 / n) < 1e-6);

    [Fact]
    public void Shares_NegativeQuantity_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Concentration.Shares([1, -2]));
}
