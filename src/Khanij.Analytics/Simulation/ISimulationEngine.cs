namespace Khanij.Analytics.Simulation;

/// <summary>A way to run a <see cref="SimulationModel"/>. Implementations give the same numbers (to 1e-9) for the same model,
/// run count and seed.</summary>
public interface ISimulationEngine
{
    /// <summary>Engine id: <c>reference</c> or <c>fast</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the model <paramref name="runs"/> times. With one run every event happens with its central values; with more,
    /// run <c>r</c> draws its events from its own stream of (<paramref name="seed"/>, r) (see <see cref="ShockSampler"/>).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="runs">Number of runs, ≥ 1.</param>
    /// <param name="seed">Seed of the Monte Carlo draws.</param>
    /// <param name="progress">Receives the number of runs finished so far, now and then (may be null).</param>
    /// <param name="cancellationToken">Stops between runs.</param>
    /// <returns>One row of <see cref="SimulationModel.Metrics"/> per run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is less than 1.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    SimulationRuns Run(SimulationModel model, int runs, ulong seed, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the model <paramref name="runs"/> times like <see cref="Run"/>, but keeps only the statistics and histograms of every output,
    /// in memory that does not grow with <paramref name="runs"/> (see <see cref="SimulationSummary"/>). The figures are exact and do not
    /// depend on the thread count.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="runs">Number of runs, 1 to 2 147 483 647.</param>
    /// <param name="seed">Seed of the Monte Carlo draws.</param>
    /// <param name="progress">Receives the number of runs evaluated so far over all passes (a pass evaluates every run once).</param>
    /// <param name="cancellationToken">Stops between batches of runs.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default);
}
