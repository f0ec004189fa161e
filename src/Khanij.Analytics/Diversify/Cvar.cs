namespace Khanij.Analytics.Diversify;

/// <summary>Conditional value at risk of a mix over sampled losses. Pure.</summary>
public static class Cvar
{
    /// <summary>The tail level used throughout: 0.95.</summary>
    public const double Level = 0.95;

    /// <summary>CVaR_β of the loss Lᵣ = Σᵢ losses[r, i] × mix[i] over equally likely draws, in the Rockafellar–Uryasev form
    /// min over α of α + Σᵣ max(0, Lᵣ − α) / ((1 − β) N), evaluated at α = the ⌈βN⌉-th smallest loss (where the minimum lies). When
    /// (1 − β) N is a whole number this is the mean of the worst (1 − β) N draws.</summary>
    /// <param name="losses">Draws × suppliers, fractions of each supplier's deliveries lost (0–1).</param>
    /// <param name="mix">Shares by supplier, same order as the columns.</param>
    /// <param name="beta">Tail level in (0, 1).</param>
    public static double Of(double[,] losses, IReadOnlyList<double> mix, double beta = Level)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(mix);
        var n = losses.GetLength(0);
        if (mix.Count != losses.GetLength(1))
        {
            throw new ArgumentException($"The mix has {mix.Count} shares; the loss matrix has {losses.GetLength(1)} suppliers.", nameof(mix));
        }
        if (n == 0)
        {
            return 0;
        }
        var l = new double[n];
        for (var r = 0; r < n; r++)
        {
            for (var i = 0; i < mix.Count; i++)
            {
                l[r] += losses[r, i] * mix[i];
            }
        }
        var sorted = l.Order().ToArray();
        var alpha = sorted[Math.Clamp((int)Math.Ceiling(beta * n) - 1, 0, n - 1)];
        return alpha + l.Sum(x => Math.Max(0, x - alpha)) / ((1 - beta) * n);
    }
}
