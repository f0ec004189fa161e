using Khanij.Core;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// One stage of a <see cref="SupplyNetwork"/>: each country's output capacity and, for every receiver of this stage's
/// output, which share of its supply comes from which producer. Immutable; valid if it exists.
/// </summary>
public sealed class StageLayer
{
    private readonly double[] _capacity;
    private readonly double[] _sourcing;

    /// <summary>Creates a layer.</summary>
    /// <param name="stage">The value-chain stage.</param>
    /// <param name="capacity">Output in tonnes per year per country (finite, ≥ 0).</param>
    /// <param name="sourcing">Row-major <c>n × n</c> matrix: entry <c>[i * n + k]</c> is the share of receiver <c>k</c>'s supply
    /// that comes from producer <c>i</c>, in [0, 1]; each column sums to at most 1.</param>
    /// <exception cref="ArgumentException">Sizes do not match or a value is out of range.</exception>
    public StageLayer(Stage stage, IReadOnlyList<double> capacity, IReadOnlyList<double> sourcing)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(sourcing);
        var n = capacity.Count;
        if (sourcing.Count != n * n)
        {
            throw new ArgumentException($"The sourcing matrix of {stage.ToId()} has {sourcing.Count} entries; {n}×{n} expected.",
                nameof(sourcing));
        }
        _capacity = [.. capacity];
        _sourcing = [.. sourcing];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(_capacity[i]) || _capacity[i] < 0)
            {
                throw new ArgumentException($"Capacity {i} of {stage.ToId()} is {_capacity[i]}; finite and ≥ 0 expected.", nameof(capacity));
            }
        }
        for (var k = 0; k < n; k++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var w = _sourcing[i * n + k];
                if (!(w is >= 0 and <= 1))
                {
                    throw new ArgumentException($"Sourcing share [{i},{k}] of {stage.ToId()} is {w}; [0, 1] expected.", nameof(sourcing));
                }
                sum += w;
            }
            if (sum > 1 + 1e-9)
            {
                throw new ArgumentException($"Receiver {k}'s sourcing shares at {stage.ToId()} sum to {sum}; at most 1 expected.",
                    nameof(sourcing));
            }
        }
        Stage = stage;
        TotalCapacity = _capacity.Sum();
    }

    /// <summary>The value-chain stage.</summary>
    public Stage Stage { get; }

    /// <summary>Number of countries.</summary>
    public int CountryCount => _capacity.Length;

    /// <summary>Output capacity in tonnes per year, by country index.</summary>
    public ReadOnlySpan<double> Capacity => _capacity;

    /// <summary>Sum of <see cref="Capacity"/>: world output at this stage in tonnes per year.</summary>
    public double TotalCapacity { get; }

    /// <summary>Share of receiver <paramref name="receiver"/>'s supply that comes from <paramref name="producer"/>.</summary>
    public double Share(int producer, int receiver) => _sourcing[producer * _capacity.Length + receiver];

    /// <summary>The row-major sourcing matrix (see the constructor).</summary>
    public ReadOnlySpan<double> Sourcing => _sourcing;

    /// <summary>Sourcing where receivers buy from producers in proportion to world shares (the fallback without flow data).</summary>
    public static double[] ProportionalSourcing(IReadOnlyList<double> capacity)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var n = capacity.Count;
        var total = capacity.Sum();
        var m = new double[n * n];
        if (total <= 0)
        {
            return m;
        }
        for (var i = 0; i < n; i++)
        {
            var share = capacity[i] / total;
            for (var k = 0; k < n; k++)
            {
                m[i * n + k] = share;
            }
        }
        return m;
    }
}
