using System.Runtime.Intrinsics;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// The production engine: the model of <see cref="ReferenceEngine"/> on flat arrays, touching only the producers a shock
/// reaches, with no allocation per run, and runs spread over cores.
/// </summary>
/// <remarks>
/// Parallelism lives here, at the top: <see cref="Run"/> splits the runs into chunks and gives them to
/// <c>Parallel.For</c>, each worker with its own scratch buffers. This is the one documented exception to "libraries never start work on other
/// threads": the partitioning belongs with the buffers, and callers get a plain synchronous call. Pass
/// <c>maxDegreeOfParallelism: 1</c> to keep it on the calling thread. Results never depend on the thread count: run r's
/// draws come from (seed, r) alone and its outputs go to row r.
/// </remarks>
public sealed class FastEngine : ISimulationEngine
{
    private const int ChunkSize = 1024;
    private readonly int _maxDegreeOfParallelism;

    /// <summary>Creates the engine.</summary>
    /// <param name="maxDegreeOfParallelism">Most threads to use; −1 (default) lets the runtime decide, 1 runs on the caller's thread.</param>
    public FastEngine(int maxDegreeOfParallelism = -1)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 or a positive number.");
        }
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <inheritdoc/>
    public string Name => "fast";

    /// <inheritdoc/>
    public SimulationRuns Run(SimulationModel model, int runs, ulong seed, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var compiled = new Compiled(model);
        var result = new SimulationRuns(model.Metrics, runs, seed, Name);
        var chunks = (runs + ChunkSize - 1) / ChunkSize;
        var monteCarlo = runs > 1;
        if (_maxDegreeOfParallelism == 1)
        {
            var workspace = new Workspace(compiled);
            for (var r = 0; r < runs; r++)
            {
                workspace.Run(seed, r, monteCarlo, result.Row(r));
                if ((r + 1) % ChunkSize == 0 || r + 1 == runs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(r + 1);
                }
            }
            return result;
        }
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, () => new Workspace(compiled), (chunk, _, workspace) =>
        {
            var first = chunk * ChunkSize;
            var last = Math.Min(runs, first + ChunkSize);
            for (var r = first; r < last; r++)
            {
                workspace.Run(seed, r, monteCarlo, result.Row(r));
            }
            var total = Interlocked.Add(ref done, last - first);
            progress?.Report(total);
            return workspace;
        }, _ => { });
        return result;
    }

    /// <inheritdoc/>
    public SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var compiled = new Compiled(model);
        return StreamingStatistics.Summarise(model, runs, seed, Name, () => new Workspace(compiled), _maxDegreeOfParallelism, progress,
            cancellationToken, rules: Rules(model));
    }

    /// <summary>As <see cref="Summarise(SimulationModel, long, ulong, IProgress{long}?, CancellationToken)"/> with a smaller keep per bin, so tests reach the later passes with few runs;
    /// <paramref name="derive"/> false folds every output on its own (to compare with the derived statistics).</summary>
    internal SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, int collectCap, bool derive = true) =>
        StreamingStatistics.Summarise(model, runs, seed, Name, () => new Workspace(new Compiled(model)), _maxDegreeOfParallelism, null,
            CancellationToken.None, collectCap, derive ? Rules(model) : null);

    /// <summary>
    /// What the engine knows about its outputs without running: the stages of a mineral before its first shocked stage lose nothing
    /// (every output there is exactly 0), and, in every run, a world shortfall fraction is the stage's world tonnes divided by
    /// total × horizon / 12, the perspective country's last-stage fraction its tonnes divided by volume × horizon / 12 (when the volume is known),
    /// and every sector and battery output the last stage's world or country tonnes times a fixed share, each by that one floating-point
    /// operation (see <see cref="Workspace"/>'s outputs). Those outputs take their statistics from the base output's
    /// (<see cref="OutputRule"/>).
    /// </summary>
    internal static OutputRule[] Rules(SimulationModel model)
    {
        var rules = new OutputRule[model.Metrics.Count];
        var horizon = model.Parameters.HorizonMonths;
        foreach (var plan in model.Plans)
        {
            var network = plan.Network;
            var layers = network.Layers.Count;
            var p = plan.Perspective;
            var first = plan.Shocks.Length == 0 ? layers : plan.Shocks.Min(s => s.Layer);
            var o = plan.MetricOffset;
            var perLayer = p >= 0 ? 4 : 2;
            for (var s = 0; s < layers; s++)
            {
                var at = o + s * perLayer;
                if (s < first)
                {
                    for (var k = 0; k < perLayer; k++)
                    {
                        rules[at + k] = new OutputRule(OutputRuleKind.Zero);
                    }
                    continue;
                }
                var total = network.Layers[s].TotalCapacity;
                var worldScale = total * horizon / 12;
                rules[at] = total > 0 ? Derived(OutputRuleKind.Divide, at + 1, worldScale) : new OutputRule(OutputRuleKind.Zero);
                if (p >= 0 && s == layers - 1)
                {
                    var volume = network.ReceiverVolume(s, p);
                    if (volume > 0)
                    {
                        rules[at + 2] = Derived(OutputRuleKind.Divide, at + 3, volume * horizon / 12);
                    }
                }
            }
            var afterLayers = o + layers * perLayer;
            if (first == layers)
            {
                for (var m = o; m < o + plan.MetricCount; m++)
                {
                    rules[m] = new OutputRule(OutputRuleKind.Zero);
                }
                continue;
            }
            var worldLast = o + (layers - 1) * perLayer + 1;
            var countryLast = worldLast + 2;
            var next = afterLayers + (p >= 0 ? 1 : 0);
            foreach (var factor in plan.SectorShares.Concat(plan.GwhPerTonne))
            {
                rules[next++] = Derived(OutputRuleKind.Scale, worldLast, factor);
                if (p >= 0)
                {
                    rules[next++] = Derived(OutputRuleKind.Scale, countryLast, factor);
                }
            }
        }
        return rules;

        // Only where the operation is monotone (a positive divisor, a factor ≥ 0); otherwise the output is folded on its own.
        static OutputRule Derived(OutputRuleKind kind, int baseIndex, double constant) =>
            double.IsFinite(constant) && (kind == OutputRuleKind.Scale ? constant >= 0 : constant > 0)
                ? new OutputRule(kind, baseIndex, constant)
                : new OutputRule(OutputRuleKind.Fold);
    }

    /// <summary>A single-thread evaluator of runs (for benchmarks that time the engine without the statistics).</summary>
    internal static IRunEvaluator NewEvaluator(SimulationModel model) => new Workspace(new Compiled(model));

    /// <summary>Runs one run on the calling thread into <paramref name="output"/> (for tests and benchmarks).</summary>
    internal static void RunOne(SimulationModel model, ulong seed, long run, bool monteCarlo, Span<double> output) =>
        new Workspace(new Compiled(model)).Run(seed, run, monteCarlo, output);

    /// <summary>A network in flat arrays.</summary>
    private sealed class FlatMineral
    {
        public FlatMineral(MineralPlan plan, SimulationParameters parameters)
        {
            var network = plan.Network;
            N = network.CountryCount;
            Layers = network.Layers.Count;
            P = plan.Perspective;
            Capacity = new double[Layers * N];
            Volume = new double[Layers * N];
            Sourcing = new double[Layers * N * N];
            PerspectiveColumn = new double[Layers * N];
            Total = new double[Layers];
            for (var s = 0; s < Layers; s++)
            {
                var layer = network.Layers[s];
                layer.Capacity.CopyTo(Capacity.AsSpan(s * N, N));
                layer.Sourcing.CopyTo(Sourcing.AsSpan(s * N * N, N * N));
                Total[s] = layer.TotalCapacity;
                for (var k = 0; k < N; k++)
                {
                    Volume[s * N + k] = network.ReceiverVolume(s, k);
                    if (P >= 0)
                    {
                        PerspectiveColumn[s * N + k] = layer.Share(k, P);
                    }
                }
            }
            Partner = plan.PartnerMask;
            Shocks = plan.Shocks;
            Stockpile = plan.StockpileTonnes;
            Offset = plan.MetricOffset;
            MetricCount = plan.MetricCount;
            SectorShares = plan.SectorShares;
            GwhPerTonne = plan.GwhPerTonne;
            if (Shocks.Length == 1)
            {
                // One shock: the spare capacity at its stage does not depend on the draws (the cut producer is left out, a ban leaves
                // out nobody), so it is summed here, in index order as the sparse path of Segment sums it.
                var shock = Shocks[0];
                var sf = parameters.SpareCapacity;
                for (var i = 0; i < N; i++)
                {
                    if (shock.Kind != ShockKind.DestinationBan && i == shock.Country)
                    {
                        continue;
                    }
                    var c = Capacity[shock.Layer * N + i];
                    LaneSpare += sf * c;
                    if (Partner[i])
                    {
                        LanePartnerSpare += sf * c;
                    }
                }
            }
        }

        /// <summary>True when runs of this mineral can be evaluated four at a time (<see cref="Workspace.EvaluateLanes"/>): one shock.</summary>
        public bool Lanes => Shocks.Length == 1;

        /// <summary>Spare capacity at the one shock's stage, Σ σ·cap over the producers it does not hit (for <see cref="Lanes"/>).</summary>
        public double LaneSpare { get; }

        /// <summary>The same over the perspective country and its partners.</summary>
        public double LanePartnerSpare { get; }

        public int N { get; }
        public int Layers { get; }
        public int P { get; }
        public double[] Capacity { get; }
        public double[] Volume { get; }
        public double[] Sourcing { get; }
        public double[] PerspectiveColumn { get; }
        public double[] Total { get; }
        public bool[] Partner { get; }
        public PlannedShock[] Shocks { get; }
        public double Stockpile { get; }
        public int Offset { get; }
        public int MetricCount { get; }
        public double[] SectorShares { get; }
        public double[] GwhPerTonne { get; }
    }

    private sealed class Compiled
    {
        public Compiled(SimulationModel model)
        {
            Model = model;
            Minerals = [.. model.Plans.Select(p => new FlatMineral(p, model.Parameters))];
            MaxN = Minerals.Length == 0 ? 0 : Minerals.Max(m => m.N);
            MaxLayers = Minerals.Length == 0 ? 0 : Minerals.Max(m => m.Layers);
            MaxShocks = Minerals.Length == 0 ? 0 : Minerals.Max(m => m.Shocks.Length);
        }

        public SimulationModel Model { get; }
        public FlatMineral[] Minerals { get; }
        public int MaxN { get; }
        public int MaxLayers { get; }
        public int MaxShocks { get; }
    }

    /// <summary>Runs whose draws are made together (<see cref="ShockSampler.SampleBlock"/>).</summary>
    private const int BlockRuns = 256;

    /// <summary>Scratch buffers of one worker, sized once.</summary>
    private sealed class Workspace : IRunEvaluator
    {
        private readonly Compiled _c;
        private readonly SampledShock[] _draws;
        private readonly double[] _bounds;
        private readonly int[] _ivShock;
        private readonly double[] _ivFraction;
        private readonly double[] _ivStart;
        private readonly double[] _ivEnd;
        private readonly bool[] _ivActive;
        private readonly double[] _remaining;
        private readonly double[] _loss;
        private readonly double[] _feed;
        private readonly double[] _gross;
        private readonly int[] _nonZero;
        private readonly int[] _touched;
        private readonly double[] _edgeLoss;
        private readonly int[] _edgeFrom;
        private readonly int[] _edgeTo;
        private readonly double[] _edgeBan;
        private readonly double[] _worldRate;
        private readonly double[] _pFraction;
        private readonly double[] _pRate;
        private readonly double[] _worldTonnes;
        private readonly double[] _pFractionMonths;
        private readonly double[] _pTonnes;
        private SampledShock[]? _block;
        private double[]? _row;
        private readonly Vector256<double>[] _laneWorldRate;
        private readonly Vector256<double>[] _lanePFraction;
        private readonly Vector256<double>[] _lanePRate;
        private readonly Vector256<double>[] _laneFeed;
        private readonly Vector256<double>[] _laneGross;
        private readonly Vector256<double>[] _laneLoss;

        public Workspace(Compiled compiled)
        {
            _c = compiled;
            var n = compiled.MaxN;
            var shocks = compiled.MaxShocks;
            var layers = compiled.MaxLayers;
            _draws = new SampledShock[compiled.Model.Events.Count];
            _bounds = new double[2 * shocks + 2];
            _ivShock = new int[shocks];
            _ivFraction = new double[shocks];
            _ivStart = new double[shocks];
            _ivEnd = new double[shocks];
            _ivActive = new bool[shocks];
            _remaining = new double[n];
            Array.Fill(_remaining, 1.0);
            _loss = new double[n];
            _feed = new double[n];
            _gross = new double[n];
            _nonZero = new int[n];
            _touched = new int[shocks];
            _edgeLoss = new double[shocks];
            _edgeFrom = new int[shocks];
            _edgeTo = new int[shocks];
            _edgeBan = new double[shocks];
            _worldRate = new double[layers];
            _pFraction = new double[layers];
            _pRate = new double[layers];
            _worldTonnes = new double[layers];
            _pFractionMonths = new double[layers];
            _pTonnes = new double[layers];
            _laneWorldRate = new Vector256<double>[layers];
            _lanePFraction = new Vector256<double>[layers];
            _lanePRate = new Vector256<double>[layers];
            _laneFeed = new Vector256<double>[n];
            _laneGross = new Vector256<double>[n];
            _laneLoss = new Vector256<double>[n];
        }

        public void Evaluate(ulong seed, long run, bool monteCarlo, Span<double> output) => Run(seed, run, monteCarlo, output);

        /// <summary>Runs a block: draws for up to <see cref="BlockRuns"/> runs at a time (<see cref="ShockSampler.SampleBlock"/>, vectorised),
        /// then four runs at a time: a mineral with one shock is evaluated in the four lanes of 256-bit vectors
        /// (<see cref="EvaluateLanes"/>), bit for bit what the scalar evaluation gives; any other mineral run by run. Outputs go straight to
        /// the column-major buffer.</summary>
        public void EvaluateBlock(ulong seed, long firstRun, int count, double[] buffer, int rows, int rowOffset)
        {
            var events = _c.Model.EventArray;
            var e = events.Length;
            _block ??= new SampledShock[BlockRuns * Math.Max(1, e)];
            _row ??= new double[_c.Model.Metrics.Count];
            var row = _row.AsSpan();
            var lanes = Vector256.IsHardwareAccelerated;
            for (var done = 0; done < count; done += BlockRuns)
            {
                var n = Math.Min(BlockRuns, count - done);
                ShockSampler.SampleBlock(events, seed, firstRun + done, n, _block);
                var i = 0;
                if (lanes)
                {
                    for (; i + LaneWidth <= n; i += LaneWidth)
                    {
                        var at = rowOffset + done + i;
                        foreach (var mineral in _c.Minerals)
                        {
                            if (mineral.Lanes && EvaluateLanes(mineral, i, e, buffer, rows, at))
                            {
                                continue;
                            }
                            for (var l = 0; l < LaneWidth; l++)
                            {
                                Evaluate(mineral, _block.AsSpan((i + l) * e, e), row);
                                for (var m = mineral.Offset; m < mineral.Offset + mineral.MetricCount; m++)
                                {
                                    buffer[m * rows + at + l] = row[m];
                                }
                            }
                        }
                    }
                }
                for (; i < n; i++)
                {
                    var draws = _block.AsSpan(i * e, e);
                    foreach (var mineral in _c.Minerals)
                    {
                        Evaluate(mineral, draws, row);
                    }
                    var at = rowOffset + done + i;
                    for (var m = 0; m < row.Length; m++)
                    {
                        buffer[m * rows + at] = row[m];
                    }
                }
            }
        }

        private const int LaneWidth = 4;

        /// <summary>
        /// Runs <paramref name="first"/> … + 3 of the block for a mineral with one shock, one run per lane: the same operations as
        /// the scalar evaluation and <see cref="Segment"/> in the same order, so the outputs are bit for bit the same. With one shock a run
        /// has at most one active interval [start, end), which is the one segment with losses; the stage of the shock takes the sparse
        /// path (one producer or one banned flow; its spare capacity is a constant) and later stages the fused path, whose sums over
        /// producers without loss add exact zeros, as the scalar code's skipping does. Returns false, having written nothing, when a lane
        /// draws a fraction so small that 1 − (1 − f) is 0 (the scalar code then treats the producer as not hit).
        /// </summary>
        private bool EvaluateLanes(FlatMineral m, int first, int events, double[] buffer, int rows, int at)
        {
            var parameters = _c.Model.Parameters;
            var horizon = parameters.HorizonMonths;
            var shock = m.Shocks[0];
            Span<double> fraction = stackalloc double[LaneWidth];
            Span<double> length = stackalloc double[LaneWidth];
            Span<long> activeBits = stackalloc long[LaneWidth];
            var anyActive = false;
            for (var l = 0; l < LaneWidth; l++)
            {
                var draw = _block![(first + l) * events + shock.EventIndex];
                var end = Math.Min(draw.StartMonth + draw.DurationMonths, horizon);
                var active = draw.Occurs && draw.Fraction > 0 && end > draw.StartMonth;
                activeBits[l] = active ? -1L : 0L;
                fraction[l] = active ? draw.Fraction : 0.5;
                length[l] = active ? end - draw.StartMonth : 0;
                anyActive |= active;
            }
            var o = m.Offset;
            var zero = Vector256<double>.Zero;
            if (!anyActive)
            {
                for (var k = 0; k < m.MetricCount; k++)
                {
                    zero.CopyTo(buffer.AsSpan((o + k) * rows + at, LaneWidth));
                }
                return true;
            }
            var mask = Vector256.Create<long>(activeBits).AsDouble();
            var f = Vector256.Create<double>(fraction);
            var one = Vector256<double>.One;
            var n = m.N;
            var p = m.P;
            var layers = m.Layers;
            var s0 = shock.Layer;
            var spareFraction = parameters.SpareCapacity;
            var worldRate = _laneWorldRate;
            var pFraction = _lanePFraction;
            var pRate = _lanePRate;
            var feed = _laneFeed;
            var gross = _laneGross;
            for (var s = 0; s < s0; s++)
            {
                worldRate[s] = pFraction[s] = pRate[s] = zero;
            }
            for (var s = s0; s < layers; s++)
            {
                var capacity = m.Capacity.AsSpan(s * n, n);
                var volume = m.Volume.AsSpan(s * n, n);
                var sourcing = m.Sourcing.AsSpan(s * n * n, n * n);
                var column = m.PerspectiveColumn.AsSpan(s * n, n);
                var isLast = s == layers - 1;
                Vector256<double> producerLoss, spare, partnerSpare, grossP, demand;
                if (s == s0 && shock.Kind != ShockKind.DestinationBan)
                {
                    var c = shock.Country;
                    var cut = one - (one - f);
                    var loss = s == 0 ? cut : one - (one - cut) * (one - zero);
                    if (!Vector256.EqualsAll(Vector256.Equals(loss, zero) & mask, zero))
                    {
                        return false;
                    }
                    producerLoss = zero + Vector256.Create(capacity[c]) * loss;
                    spare = Vector256.Create(m.LaneSpare);
                    partnerSpare = Vector256.Create(m.LanePartnerSpare);
                    grossP = isLast && p >= 0 ? zero + Vector256.Create(column[c]) * loss : zero;
                    demand = producerLoss + zero;
                    if (!isLast)
                    {
                        var row = sourcing.Slice(c * n, n);
                        for (var k = 0; k < n; k++)
                        {
                            gross[k] = zero + Vector256.Create(row[k]) * loss;
                        }
                        if (p >= 0)
                        {
                            grossP = gross[p];
                        }
                    }
                    else
                    {
                        grossP += zero;
                    }
                }
                else if (s == s0)
                {
                    var c = shock.Country;
                    var t = shock.Target;
                    var ban = one - (one - zero) * (one - f);
                    producerLoss = zero;
                    spare = Vector256.Create(m.LaneSpare);
                    partnerSpare = Vector256.Create(m.LanePartnerSpare);
                    var fromBan = Vector256.Create(sourcing[c * n + t]) * (one - zero) * ban;
                    var banLoss = zero + Vector256.Create(volume[t]) * fromBan;
                    var banP = t == p ? zero + fromBan : zero;
                    demand = producerLoss + banLoss;
                    if (!isLast)
                    {
                        for (var k = 0; k < n; k++)
                        {
                            gross[k] = zero;
                        }
                        gross[t] += fromBan;
                        grossP = p >= 0 ? gross[p] : zero;
                    }
                    else
                    {
                        grossP = zero + banP;
                    }
                }
                else
                {
                    // A stage after the shock: the fused pass over every producer, with the feed loss of each lane.
                    producerLoss = spare = partnerSpare = grossP = zero;
                    var loss = _laneLoss;
                    var sf = Vector256.Create(spareFraction);
                    for (var i = 0; i < n; i++)
                    {
                        var li = one - (one - zero) * (one - feed[i]);
                        loss[i] = li;
                        var cap = Vector256.Create(capacity[i]);
                        producerLoss += cap * li;
                        var free = Vector256.ConditionalSelect(Vector256.Equals(li, zero), sf * cap, zero);
                        spare += free;
                        if (m.Partner[i])
                        {
                            partnerSpare += free;
                        }
                        if (isLast && p >= 0)
                        {
                            grossP += Vector256.Create(column[i]) * li;
                        }
                    }
                    demand = producerLoss + zero;
                    if (!isLast)
                    {
                        for (var k = 0; k < n; k++)
                        {
                            gross[k] = zero;
                        }
                        for (var i = 0; i < n; i++)
                        {
                            var row = sourcing.Slice(i * n, n);
                            var li = loss[i];
                            for (var k = 0; k < n; k++)
                            {
                                gross[k] += Vector256.Create(row[k]) * li;
                            }
                        }
                        if (p >= 0)
                        {
                            grossP = gross[p];
                        }
                    }
                    else
                    {
                        grossP += zero;
                    }
                }

                var pVolume = p >= 0 ? volume[p] : 0;
                var pv = Vector256.Create(pVolume);
                var pLoss = p >= 0 ? pv * grossP : zero;
                var pRefill = parameters.PartnerPriority && p >= 0 ? Vector256.Min(Vector256.Min(pLoss, partnerSpare), demand) : zero;
                var restDemand = demand - pRefill;
                var restRefill = Vector256.Min(restDemand, spare - pRefill);
                var keep = Vector256.ConditionalSelect(Vector256.GreaterThan(restDemand, zero), (restDemand - restRefill) / restDemand, one);
                worldRate[s] = Vector256.ConditionalSelect(Vector256.GreaterThan(demand, zero), (restDemand - restRefill) * producerLoss / demand, zero);
                var pNet = p < 0 ? zero : pVolume > 0 ? (pLoss - pRefill) * keep / pv : grossP * keep;
                pFraction[s] = pNet;
                pRate[s] = p >= 0 ? pv * pNet : zero;
                if (!isLast)
                {
                    for (var k = 0; k < n; k++)
                    {
                        feed[k] = gross[k] * keep;
                    }
                    if (p >= 0)
                    {
                        feed[p] = pNet;
                    }
                }
            }

            // The one segment of each lane, then the outputs as Evaluate writes them (zero in a lane without the shock).
            var len = Vector256.Create<double>(length);
            var twelve = Vector256.Create(12.0);
            var need = pRate[layers - 1] * len / twelve;
            var take = Vector256.Min(Vector256.Create(m.Stockpile), need);
            var drawn = zero + take;
            var lastAfterStock = zero + (need - take);
            var h = Vector256.Create(horizon);
            Vector256<double> worldLast = zero;
            for (var s = 0; s < layers; s++)
            {
                var worldTonnes = zero + worldRate[s] * len / twelve;
                var total = m.Total[s];
                Put(total > 0 ? worldTonnes / (Vector256.Create(total) * h / twelve) : zero);
                Put(worldTonnes);
                if (p >= 0)
                {
                    var volume = m.Volume[s * n + p];
                    var last = s == layers - 1;
                    Put(last && volume > 0 ? lastAfterStock / (Vector256.Create(volume) * h / twelve) : (zero + pFraction[s] * len) / h);
                    Put(last ? lastAfterStock : zero + pRate[s] * len / twelve);
                }
                worldLast = worldTonnes;
            }
            if (p >= 0)
            {
                Put(drawn);
            }
            foreach (var share in m.SectorShares)
            {
                Put(worldLast * Vector256.Create(share));
                if (p >= 0)
                {
                    Put(lastAfterStock * Vector256.Create(share));
                }
            }
            foreach (var gwhPerTonne in m.GwhPerTonne)
            {
                Put(worldLast * Vector256.Create(gwhPerTonne));
                if (p >= 0)
                {
                    Put(lastAfterStock * Vector256.Create(gwhPerTonne));
                }
            }
            return true;

            void Put(Vector256<double> value) =>
                (value & mask).CopyTo(buffer.AsSpan(o++ * rows + at, LaneWidth));
        }

        public void Run(ulong seed, long run, bool monteCarlo, Span<double> output)
        {
            ShockSampler.Sample(_c.Model.EventArray, seed, run, monteCarlo, _draws);
            foreach (var mineral in _c.Minerals)
            {
                Evaluate(mineral, _draws, output);
            }
        }

        private void Evaluate(FlatMineral m, ReadOnlySpan<SampledShock> draws, Span<double> output)
        {
            var parameters = _c.Model.Parameters;
            var horizon = parameters.HorizonMonths;
            var count = 0;
            var nb = 0;
            _bounds[nb++] = 0;
            _bounds[nb++] = horizon;
            for (var j = 0; j < m.Shocks.Length; j++)
            {
                var draw = draws[m.Shocks[j].EventIndex];
                var end = Math.Min(draw.StartMonth + draw.DurationMonths, horizon);
                if (draw.Occurs && draw.Fraction > 0 && end > draw.StartMonth)
                {
                    _ivShock[count] = j;
                    _ivFraction[count] = draw.Fraction;
                    _ivStart[count] = draw.StartMonth;
                    _ivEnd[count] = end;
                    count++;
                    _bounds[nb++] = draw.StartMonth;
                    _bounds[nb++] = end;
                }
            }
            if (count == 0)
            {
                // Nothing happens to this mineral in this run: every output is exactly 0, as the full evaluation would give.
                output.Slice(m.Offset, m.MetricCount).Clear();
                return;
            }
            var bounds = _bounds.AsSpan(0, nb);
            InsertionSort(bounds); // a handful of values: cheaper than a general sort, same order
            var distinct = 1;
            for (var j = 1; j < nb; j++)
            {
                if (bounds[j] != bounds[distinct - 1])
                {
                    bounds[distinct++] = bounds[j];
                }
            }
            var layers = m.Layers;
            Array.Clear(_worldTonnes, 0, layers);
            Array.Clear(_pFractionMonths, 0, layers);
            Array.Clear(_pTonnes, 0, layers);
            var stock = m.Stockpile;
            var drawn = 0.0;
            var lastAfterStock = 0.0;
            for (var j = 0; j + 1 < distinct; j++)
            {
                var a = bounds[j];
                var b = bounds[j + 1];
                var length = b - a;
                var anyActive = false;
                for (var v = 0; v < count; v++)
                {
                    _ivActive[v] = _ivStart[v] <= a && _ivEnd[v] >= b;
                    anyActive |= _ivActive[v];
                }
                if (!anyActive)
                {
                    continue; // a quiet segment adds exactly 0 everywhere
                }
                Segment(m, parameters, count);
                for (var s = 0; s < layers; s++)
                {
                    _worldTonnes[s] += _worldRate[s] * length / 12;
                    _pFractionMonths[s] += _pFraction[s] * length;
                    _pTonnes[s] += _pRate[s] * length / 12;
                }
                var need = _pRate[layers - 1] * length / 12;
                var take = Math.Min(stock, need);
                stock -= take;
                drawn += take;
                lastAfterStock += need - take;
            }

            var p = m.P;
            var o = m.Offset;
            for (var s = 0; s < layers; s++)
            {
                var total = m.Total[s];
                output[o++] = total > 0 ? _worldTonnes[s] / (total * horizon / 12) : 0;
                output[o++] = _worldTonnes[s];
                if (p >= 0)
                {
                    var volume = m.Volume[s * m.N + p];
                    var last = s == layers - 1;
                    output[o++] = last && volume > 0 ? lastAfterStock / (volume * horizon / 12) : _pFractionMonths[s] / horizon;
                    output[o++] = last ? lastAfterStock : _pTonnes[s];
                }
            }
            if (p >= 0)
            {
                output[o++] = drawn;
            }
            var worldLast = _worldTonnes[layers - 1];
            foreach (var share in m.SectorShares)
            {
                output[o++] = worldLast * share;
                if (p >= 0)
                {
                    output[o++] = lastAfterStock * share;
                }
            }
            foreach (var gwhPerTonne in m.GwhPerTonne)
            {
                output[o++] = worldLast * gwhPerTonne;
                if (p >= 0)
                {
                    output[o++] = lastAfterStock * gwhPerTonne;
                }
            }
        }

        /// <summary>
        /// One segment, stage by stage. A stage whose feed is whole is sparse: only the cut producers and the banned flows are
        /// visited for the losses, and spare capacity is one pass summing the producers not hit. A stage with missing feed makes
        /// one fused pass over its producers. Same arithmetic as the reference up to rounding.
        /// </summary>
        private void Segment(FlatMineral m, SimulationParameters parameters, int count)
        {
            var n = m.N;
            var p = m.P;
            var spareFraction = parameters.SpareCapacity;
            var feedLoss = false;
            for (var s = 0; s < m.Layers; s++)
            {
                var capacity = m.Capacity.AsSpan(s * n, n);
                var volume = m.Volume.AsSpan(s * n, n);
                var sourcing = m.Sourcing.AsSpan(s * n * n, n * n);
                var isLast = s == m.Layers - 1;

                // Cuts (combined per producer in event order) and bans (combined per flow) active at this stage.
                var touched = 0;
                var edges = 0;
                for (var v = 0; v < count; v++)
                {
                    if (!_ivActive[v])
                    {
                        continue;
                    }
                    var shock = m.Shocks[_ivShock[v]];
                    if (shock.Layer != s)
                    {
                        continue;
                    }
                    if (shock.Kind != ShockKind.DestinationBan)
                    {
                        var t = 0;
                        while (t < touched && _touched[t] != shock.Country)
                        {
                            t++;
                        }
                        if (t == touched)
                        {
                            _touched[touched++] = shock.Country;
                        }
                        _remaining[shock.Country] *= 1 - _ivFraction[v];
                        continue;
                    }
                    var e = 0;
                    while (e < edges && (_edgeFrom[e] != shock.Country || _edgeTo[e] != shock.Target))
                    {
                        e++;
                    }
                    if (e == edges)
                    {
                        _edgeFrom[e] = shock.Country;
                        _edgeTo[e] = shock.Target;
                        _edgeBan[e] = 0;
                        edges++;
                    }
                    _edgeBan[e] = 1 - (1 - _edgeBan[e]) * (1 - _ivFraction[v]);
                }
                if (touched == 0 && edges == 0 && !feedLoss)
                {
                    // No shock here and no missing feed: this stage loses nothing and passes no feed loss on.
                    _worldRate[s] = 0;
                    _pFraction[s] = 0;
                    _pRate[s] = 0;
                    continue;
                }

                var producerLoss = 0.0;
                var spare = 0.0;
                var partnerSpare = 0.0;
                var nonZero = 0;
                var grossP = 0.0;
                var column = m.PerspectiveColumn.AsSpan(s * n, n);
                if (!feedLoss)
                {
                    // Sparse: only cut producers lose. Visit them in index order, as the reference sums; spare capacity is summed
                    // over the producers not hit in the same order as the reference (a total minus the hit ones would lose small
                    // producers to rounding).
                    if (touched > 1)
                    {
                        _touched.AsSpan(0, touched).Sort();
                    }
                    for (var t = 0; t < touched; t++)
                    {
                        var i = _touched[t];
                        var cut = 1 - _remaining[i];
                        var loss = s == 0 ? cut : 1 - (1 - cut) * (1 - 0.0);
                        _loss[i] = loss;
                        producerLoss += capacity[i] * loss;
                        if (loss != 0)
                        {
                            _nonZero[nonZero++] = i;
                            if (isLast && p >= 0)
                            {
                                grossP += column[i] * loss;
                            }
                        }
                    }
                    var next = 0;
                    for (var i = 0; i < n; i++)
                    {
                        if (next < touched && _touched[next] == i)
                        {
                            next++;
                            if (_loss[i] != 0)
                            {
                                continue;
                            }
                        }
                        spare += spareFraction * capacity[i];
                        if (m.Partner[i])
                        {
                            partnerSpare += spareFraction * capacity[i];
                        }
                    }
                }
                else
                {
                    // Missing feed reaches many producers: one fused pass.
                    for (var i = 0; i < n; i++)
                    {
                        var cut = 1 - _remaining[i];
                        var loss = 1 - (1 - cut) * (1 - _feed[i]);
                        _loss[i] = loss;
                        producerLoss += capacity[i] * loss;
                        if (loss == 0)
                        {
                            spare += spareFraction * capacity[i];
                            if (m.Partner[i])
                            {
                                partnerSpare += spareFraction * capacity[i];
                            }
                        }
                        else
                        {
                            _nonZero[nonZero++] = i;
                            if (isLast && p >= 0)
                            {
                                grossP += column[i] * loss;
                            }
                        }
                    }
                }
                for (var t = 0; t < touched; t++)
                {
                    _remaining[_touched[t]] = 1.0;
                }

                // Banned flows: tonnes withheld from their destination.
                var banLoss = 0.0;
                var banP = 0.0;
                for (var e = 0; e < edges; e++)
                {
                    var i = _edgeFrom[e];
                    var k = _edgeTo[e];
                    var lossI = LossOf(i, feedLoss, touched);
                    var fromBan = sourcing[i * n + k] * (1 - lossI) * _edgeBan[e];
                    _edgeLoss[e] = fromBan;
                    banLoss += volume[k] * fromBan;
                    if (k == p)
                    {
                        banP += fromBan;
                    }
                }
                var demand = producerLoss + banLoss;

                if (!isLast)
                {
                    var gross = _gross.AsSpan(0, n);
                    gross.Clear();
                    for (var z = 0; z < nonZero; z++)
                    {
                        var i = _nonZero[z];
                        var loss = _loss[i];
                        var row = sourcing.Slice(i * n, n);
                        for (var k = 0; k < n; k++)
                        {
                            gross[k] += row[k] * loss;
                        }
                    }
                    for (var e = 0; e < edges; e++)
                    {
                        gross[_edgeTo[e]] += _edgeLoss[e];
                    }
                    if (p >= 0)
                    {
                        grossP = gross[p];
                    }
                }
                else
                {
                    grossP += banP;
                }

                var pVolume = p >= 0 ? volume[p] : 0;
                var pLoss = p >= 0 ? pVolume * grossP : 0;
                var pRefill = parameters.PartnerPriority && p >= 0 ? Math.Min(Math.Min(pLoss, partnerSpare), demand) : 0;
                var restDemand = demand - pRefill;
                var restRefill = Math.Min(restDemand, spare - pRefill);
                var keep = restDemand > 0 ? (restDemand - restRefill) / restDemand : 1;
                _worldRate[s] = demand > 0 ? (restDemand - restRefill) * producerLoss / demand : 0;
                var pNet = p < 0 ? 0 : pVolume > 0 ? (pLoss - pRefill) * keep / pVolume : grossP * keep;
                _pFraction[s] = pNet;
                _pRate[s] = p >= 0 ? pVolume * pNet : 0;
                if (!isLast)
                {
                    feedLoss = false;
                    for (var k = 0; k < n; k++)
                    {
                        var f = _gross[k] * keep;
                        _feed[k] = f;
                        feedLoss |= f != 0;
                    }
                    if (p >= 0)
                    {
                        _feed[p] = pNet;
                        feedLoss = false;
                        for (var k = 0; k < n && !feedLoss; k++)
                        {
                            feedLoss = _feed[k] != 0;
                        }
                    }
                }
            }
        }

        private static void InsertionSort(Span<double> values)
        {
            for (var i = 1; i < values.Length; i++)
            {
                var v = values[i];
                var j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = v;
            }
        }

        /// <summary>Loss of producer <paramref name="i"/> at the current stage: from the fused pass, or 0 unless it was cut.</summary>
        private double LossOf(int i, bool feedLoss, int touched)
        {
            if (feedLoss)
            {
                return _loss[i];
            }
            for (var t = 0; t < touched; t++)
            {
                if (_touched[t] == i)
                {
                    return _loss[i];
                }
            }
            return 0;
        }
    }
}
