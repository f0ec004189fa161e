namespace Khanij.Analytics.Risk;

/// <summary>Plain concentration arithmetic over shares (fractions 0–1). Pure and thread-safe.</summary>
public static class Concentration
{
    /// <summary>Herfindahl–Hirschman index on the 0–10 000 scale: Σ (100·sᵢ)². With shares that sum to 1 over n positive
    /// entries the result lies in [10 000/n, 10 000]; a monopoly gives 10 000. Empty input gives 0.</summary>
    /// <param name="shares">Fractions 0–1 (they need not sum to 1: a share held by unnamed producers is simply left out).</param>
    public static double Hhi(IEnumerable<double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var sum = 0.0;
        foreach (var s in shares)
        {
            sum += s * s;
        }
        return sum * 10_000;
    }

    /// <summary>Divides each value by <c>Σ values + residual</c>. Returns all zeros when that denominator is 0.</summary>
    /// <param name="values">Non-negative quantities (e.g. tonnes per country).</param>
    /// <param name="residual">Non-negative quantity held by unnamed producers ("Other", "Rest of world"); it enlarges the denominator only.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite value.</exception>
    public static double[] Shares(IReadOnlyList<double> values, double residual = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(residual >= 0) || double.IsInfinity(residual))
        {
            throw new ArgumentOutOfRangeException(nameof(residual), residual, "The residual must be a finite quantity ≥ 0.");
        }
        var total = residual;
        foreach (var v in values)
        {
            if (!(v >= 0) || double.IsInfinity(v))
            {
                throw new ArgumentOutOfRangeException(nameof(values), v, "Quantities must be finite and ≥ 0.");
            }
            total += v;
        }
        var result = new double[values.Count];
        if (total == 0)
        {
            return result;
        }
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i] / total;
        }
        return result;
    }

    /// <summary>Sum of the <paramref name="n"/> largest shares (all of them when there are fewer).</summary>
    public static double TopShare(IEnumerable<double> shares, int n)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return shares.OrderByDescending(s => s).Take(n).Sum();
    }
}
