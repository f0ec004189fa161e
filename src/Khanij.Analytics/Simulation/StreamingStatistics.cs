using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Khanij.Analytics.Simulation;

/// <summary>Evaluates single runs into a row of outputs; one per worker thread, never shared.</summary>
internal interface IRunEvaluator
{
    /// <summary>Writes the outputs of run <paramref name="run"/> of <paramref name="seed"/> to <paramref name="output"/>.</summary>
    void Evaluate(ulong seed, long run, bool monteCarlo, Span<double> output);

    /// <summary>Monte Carlo runs <paramref name="firstRun"/> … + <paramref name="count"/> − 1 into the column-major
    /// <paramref name="buffer"/>: output m of the i-th of them at <c>m × rows + rowOffset + i</c>. By default one run at a time.</summary>
    void EvaluateBlock(ulong seed, long firstRun, int count, double[] buffer, int rows, int rowOffset)
    {
        var width = buffer.Length / rows;
        Span<double> row = width <= 256 ? stackalloc double[width] : new double[width];
        for (var i = 0; i < count; i++)
        {
            Evaluate(seed, firstRun + i, true, row);
            for (var m = 0; m < row.Length; m++)
            {
                buffer[m * rows + rowOffset + i] = row[m];
            }
        }
    }
}

/// <summary>How the statistics of one output are found (<see cref="StreamingStatistics"/>).</summary>
internal enum OutputRuleKind
{
    /// <summary>Folded from its own values.</summary>
    Fold,

    /// <summary>Exactly 0 in every run (known from the model, e.g. a stage before any shocked stage).</summary>
    Zero,

    /// <summary>In every run the value of output <see cref="OutputRule.Base"/> times <see cref="OutputRule.Constant"/> (≥ 0), by the same multiplication.</summary>
    Scale,

    /// <summary>In every run the value of output <see cref="OutputRule.Base"/> divided by <see cref="OutputRule.Constant"/> (&gt; 0), by the same division.</summary>
    Divide,
}

/// <summary>How the statistics of one output are found: an engine that knows an output is a fixed multiple (or quotient) of another,
/// computed by the same floating-point operation in every run, says so, and that output's order statistics, min and max are the other's mapped
/// through the operation (rounding is monotone, so the order is kept), with no fold of its own.</summary>
internal readonly record struct OutputRule(OutputRuleKind Kind, int Base = -1, double Constant = 0)
{
    /// <summary>The value of this output in a run where the base output is <paramref name="value"/>.</summary>
    public double Apply(double value) => Kind == OutputRuleKind.Scale ? value * Constant : value / Constant;
}

/// <summary>
/// Monte Carlo statistics in memory that does not grow with the number of runs (docs/simulation.md, "Statistics without storing the runs").
/// </summary>
/// <remarks>
/// <para>Runs are generated in batches of at most 64 Ki rows (about 4 MB) into one buffer: the workers fill disjoint chunks of
/// 1 024 rows, then every output folds its column into its own accumulator, in run order. Each output is folded by one thread from
/// run 0 upwards whatever the thread count, so every figure is bit-identical for 1, 2 or 64 threads.</para>
/// <para>Mean, min and max are exact in the first pass. The quantiles (median, P95: type 7 from two order statistics each) and
/// CVaR95 (needs the value at rank n − k, k = ⌈0.05 n⌉, and the sum and count of the values above it) are found by exact selection
/// over the bits of the values: a double maps to a 64-bit key whose order is the order of the numbers, the first pass counts the
/// runs per value of the key's top 16 bits, and a wanted rank falls in one such bin. When that bin holds at most
/// <see cref="DefaultCollectCap"/> runs, the next pass keeps just those values and sorts them; otherwise the next pass counts the bin's
/// runs by the next 16 bits, and so on (a bin whose values are all equal settles at once). Because run r's draws depend only on
/// (seed, r), a later pass regenerates the same runs. There are at most five passes (16 bits a level); typical: one pass up to
/// 131 072 runs, two passes above. Memory: per output 256 KiB of counts per open bin (at most five) plus at most 1 MiB of kept
/// values per bin, plus the batch buffer; none of it depends on the number of runs. Nothing is approximate; the only
/// difference from sorting all values is the order of the additions in the mean and in CVaR's sum (run order instead of ascending),
/// which moves the last bits.</para>
/// <para>Histograms use <see cref="Histogram.DefaultBins"/> equal bins between min and max, counted in the second pass once min and
/// max are known (in the first when every value was kept).</para>
/// </remarks>
internal static class StreamingStatistics
{
    /// <summary>Runs per chunk a worker takes at a time.</summary>
    internal const int ChunkSize = 1024;

    /// <summary>Most values of one bin kept to be sorted (1 MiB).</summary>
    internal const int DefaultCollectCap = 1 << 17;

    /// <summary>A bin opened after the first pass keeps up to this many times the collect cap (8 MiB of values at the default). Only the
    /// bins holding a target's rank are open then (at most five per output, usually two), so a larger cap costs a bounded few MB and, at
    /// 10^7 runs of clustered outputs, saves the third pass that a 1 MiB cap needed (docs/benchmarks.md). The first pass's one bin is
    /// every run, so it keeps the smaller cap.</summary>
    internal const int NarrowCapFactor = 8;

    /// <summary>Most runs one summary can count (per-bin counters are 32-bit).</summary>
    internal const long MaxRuns = int.MaxValue;

    private const int BufferBytes = 4 << 20;
    private const int MaxBatchRows = 1 << 16;

    /// <summary>Most values of one bin kept to be sorted when the bin's values are replayed from a stored column rather than regenerated.</summary>
    internal const int ReplayKeep = 4096;

    /// <summary>Streams <paramref name="runs"/> runs of <paramref name="model"/> from <paramref name="newEvaluator"/>'s evaluators (one per
    /// worker, at most <paramref name="maxDegreeOfParallelism"/>) into the statistics of every output.</summary>
    /// <param name="model">The model.</param>
    /// <param name="runs">Runs.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="engine">Engine name for the summary.</param>
    /// <param name="newEvaluator">Makes a worker's evaluator.</param>
    /// <param name="maxDegreeOfParallelism">Most threads.</param>
    /// <param name="progress">Runs evaluated so far, over all passes.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <param name="collectCap">Most values of the first pass's bin kept for sorting (later bins: <see cref="NarrowCapFactor"/> times it).</param>
    /// <param name="rules">Per output, how its statistics are found (null: every output folded, all values of a pass that fits one keep sorted,
    /// as the reference engine's statistics always were). With rules, a first pass that kept every value settles the quantiles by
    /// narrowing bins over the kept values (replayed, not regenerated) instead of sorting them all.</param>
    public static SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, string engine, Func<IRunEvaluator> newEvaluator,
        int maxDegreeOfParallelism, IProgress<long>? progress, CancellationToken cancellationToken, int collectCap = DefaultCollectCap,
        IReadOnlyList<OutputRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runs, MaxRuns);
        ArgumentOutOfRangeException.ThrowIfLessThan(collectCap, 1);
        var metrics = model.Metrics.Count;
        if (runs == 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new double[metrics];
            newEvaluator().Evaluate(seed, 0, false, row);
            progress?.Report(1);
            return new SimulationSummary(model.Metrics, 1, seed, engine, 1, row, null, null);
        }
        var width = Math.Max(1, metrics);
        var rowsPerBatch = (int)Math.Min(Math.Clamp(BufferBytes / (width * sizeof(double)) / ChunkSize * ChunkSize, ChunkSize, MaxBatchRows),
            (runs + ChunkSize - 1) / ChunkSize * ChunkSize);
        var buffer = new double[rowsPerBatch * width]; // column-major: output m of batch row r at m × rowsPerBatch + r
        double[]? spare = null; // the second buffer when evaluating and folding overlap
        if (rules is not null && rules.Count != metrics)
        {
            throw new ArgumentException($"{rules.Count} rules for {metrics} outputs.", nameof(rules));
        }
        if (rules is not null && rules.Any(r => r.Kind is OutputRuleKind.Scale or OutputRuleKind.Divide
                && (r.Base < 0 || r.Base >= metrics || rules[r.Base].Kind != OutputRuleKind.Fold)))
        {
            throw new ArgumentException("A derived output must be derived from a folded output.", nameof(rules));
        }
        var folded = new List<MetricAccumulator>();
        var byIndex = new MetricAccumulator?[metrics];
        for (var m = 0; m < metrics; m++)
        {
            var rule = rules?[m] ?? default;
            if (rule.Kind == OutputRuleKind.Fold)
            {
                var derived = rules is null ? [] : Enumerable.Range(0, metrics)
                    .Where(d => rules[d].Kind is OutputRuleKind.Scale or OutputRuleKind.Divide && rules[d].Base == m).ToArray();
                byIndex[m] = new MetricAccumulator(m, runs, collectCap, derived, [.. derived.Select(d => rules![d])], replay: rules is not null);
                folded.Add(byIndex[m]!);
            }
        }
        var accumulators = folded.ToArray();
        var pool = new ConcurrentBag<IRunEvaluator>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var parallel = maxDegreeOfParallelism != 1;
        long evaluated = 0;
        var passes = 0;
        while (true)
        {
            var active = Array.FindAll(accumulators, a => a.NeedsPass);
            if (active.Length == 0)
            {
                break;
            }
            passes++;
            // In parallel, the folds of one batch run in the same loop as the evaluation of the next, into the other buffer, so no
            // core waits for the slowest fold; each output still folds its batches one after another, in run order.
            var previous = (Buffer: (double[]?)null, Count: 0);
            for (long first = 0; first < runs; first += rowsPerBatch)
            {
                var count = (int)Math.Min(rowsPerBatch, runs - first);
                var chunks = (count + ChunkSize - 1) / ChunkSize;
                var batchFirst = first;
                if (!parallel)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var evaluator = pool.TryTake(out var e) ? e : newEvaluator();
                    Fill(evaluator, buffer, rowsPerBatch, seed, batchFirst, 0, count);
                    pool.Add(evaluator);
                    foreach (var a in active)
                    {
                        a.Add(buffer.AsSpan(a.Index * rowsPerBatch, count));
                    }
                }
                else
                {
                    var (fold, foldCount) = previous;
                    var folds = fold is null ? 0 : active.Length;
                    var target = buffer;
                    ClaimEach(folds + chunks, maxDegreeOfParallelism, options, pool, newEvaluator, (item, evaluator) =>
                    {
                        if (item < folds)
                        {
                            active[item].Add(fold.AsSpan(active[item].Index * rowsPerBatch, foldCount));
                            return;
                        }
                        var from = (item - folds) * ChunkSize;
                        Fill(evaluator, target, rowsPerBatch, seed, batchFirst, from, Math.Min(count, from + ChunkSize));
                    });
                    previous = (buffer, count);
                    (buffer, spare) = (spare ??= new double[buffer.Length], buffer);
                }
                evaluated += count;
                progress?.Report(evaluated);
            }
            if (previous.Buffer is { } last)
            {
                ClaimEach(active.Length, maxDegreeOfParallelism, options, pool, newEvaluator,
                    (i, _) => active[i].Add(last.AsSpan(active[i].Index * rowsPerBatch, previous.Count)));
            }
            if (!parallel || active.Length == 1)
            {
                foreach (var a in active)
                {
                    a.EndPass();
                    a.Replay();
                }
            }
            else
            {
                ClaimEach(active.Length, maxDegreeOfParallelism, options, pool, newEvaluator, (i, _) =>
                {
                    active[i].EndPass();
                    active[i].Replay();
                });
            }
        }
        var statistics = new SummaryStatistics[metrics];
        var histograms = new Histogram[metrics];
        for (var m = 0; m < metrics; m++)
        {
            if (byIndex[m] is { } a)
            {
                a.Collect(statistics, histograms);
            }
            else if (rules![m].Kind == OutputRuleKind.Zero)
            {
                statistics[m] = new SummaryStatistics(runs, 0, 0, 0, 0, 0, 0);
                histograms[m] = new Histogram(0, 0, 1, [runs]);
            }
        }
        return new SimulationSummary(model.Metrics, runs, seed, engine, passes, null, statistics, histograms);
    }

    /// <summary>Runs <paramref name="work"/> for items 0…<paramref name="items"/> − 1 on up to <paramref name="threads"/> workers, each claiming the
    /// next item one at a time, so the items are started in index order whatever the thread count. A batch lists its folds (long: a whole
    /// column each) before its chunks (short), so the folds start first and the chunks fill in around them; <c>Parallel.For</c>'s range
    /// partitioning handed consecutive items to one worker, which then folded all outputs while the other ran out of chunks and waited
    /// (two threads were 1.4× one).</summary>
    private static void ClaimEach(int items, int threads, ParallelOptions options, ConcurrentBag<IRunEvaluator> pool, Func<IRunEvaluator> newEvaluator,
        Action<int, IRunEvaluator> work)
    {
        var next = -1;
        var workers = Math.Max(1, Math.Min(items, threads < 1 ? Environment.ProcessorCount : threads));
        Parallel.For(0, workers, options, _ =>
        {
            var evaluator = pool.TryTake(out var e) ? e : newEvaluator();
            try
            {
                for (var item = Interlocked.Increment(ref next); item < items; item = Interlocked.Increment(ref next))
                {
                    options.CancellationToken.ThrowIfCancellationRequested();
                    work(item, evaluator);
                }
            }
            finally
            {
                pool.Add(evaluator);
            }
        });
    }

    /// <summary>Evaluates rows <paramref name="from"/>…<paramref name="to"/> of the batch into the column-major
    /// <paramref name="buffer"/> (output m of row r at <c>m × rows + r</c>), so each output's fold later reads one contiguous column
    /// instead of striding through every row.</summary>
    private static void Fill(IRunEvaluator evaluator, double[] buffer, int rows, ulong seed, long batchFirst, int from, int to) =>
        evaluator.EvaluateBlock(seed, batchFirst + from, to - from, buffer, rows, from);

    /// <summary>A 64-bit key whose unsigned order is the numeric order of finite doubles (−0 and +0 are made equal first).</summary>
    internal static ulong Key(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>The double of a <see cref="Key"/>.</summary>
    internal static double FromKey(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & SignBit) != 0 ? key & ~SignBit : ~key));

    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>A rank wanted in ascending order (0-based) and where the search for it stands.</summary>
    private sealed class Target(long rank, int derived)
    {
        public long Rank { get; } = rank;
        public Bin? Bin { get; set; }
        public long RankInBin { get; set; } = rank;
        public bool Resolved { get; set; }
        public ulong Key { get; set; }
        public double SumGreater { get; set; }
        public long CountGreater { get; set; }

        /// <summary>Per derived output (four to a vector), the sum of its values in the runs counted in <see cref="CountGreater"/>.</summary>
        public Vector256<double>[] DerivedGreater { get; } = new Vector256<double>[derived];
    }

    /// <summary>The runs whose key starts with <see cref="Prefix"/> (its top <see cref="Bits"/> bits), followed through one pass.</summary>
    private sealed class Bin(ulong prefix, int bits, long count, int collectCap, int derived, bool tail)
    {
        public ulong Prefix { get; } = prefix;
        public int Bits { get; } = bits;
        public long Count { get; } = count;
        public int[]? Sub { get; } = bits < 64 ? new int[1 << 16] : null;
        public double[]? Kept { get; } = count <= collectCap ? new double[count] : null;
        public int KeptCount;
        public ulong MinKey = ulong.MaxValue;
        public ulong MaxKey;
        public double SumAbove;
        public long CountAbove;
        /// <summary>True when the CVaR target looks into this bin: only then are the derived outputs' sums above it needed.</summary>
        public bool Tail { get; } = tail;
        public Vector256<double>[] DerivedAbove = new Vector256<double>[derived];
        public bool Sorted;
        /// <summary>The kept values of sub-bin <see cref="PartIndex"/>, sorted.</summary>
        public double[]? Part;
        public int PartIndex = -1;
    }

    private sealed class MetricAccumulator
    {
        private readonly int _index;
        private readonly long _n;
        private readonly int _cap;
        private readonly Target[] _targets;
        private readonly long _tail;
        private readonly int[] _dIndex;
        private readonly OutputRule[] _dRule;
        private readonly DerivedSet _derived;
        private readonly Vector256<double>[] _dSum;
        private readonly long[][] _dHistogram;
        private readonly double[] _dMin;
        private readonly double[] _dMax;
        private readonly double[] _dWidth;
        private readonly bool _replay;
        private double[]? _stored;
        private Bin[] _bins;
        private int _pass = 1;
        private double _sum;
        private ulong _minKey = ulong.MaxValue;
        private ulong _maxKey;
        private long[]? _histogram;
        private double _histogramWidth;
        private bool _histogramDone;

        /// <param name="index">The output folded.</param>
        /// <param name="n">Runs.</param>
        /// <param name="cap">Most values of one bin kept for sorting.</param>
        /// <param name="derivedIndex">Outputs derived from this one (<see cref="OutputRuleKind.Scale"/>, <see cref="OutputRuleKind.Divide"/>).</param>
        /// <param name="derivedRule">Their rules.</param>
        /// <param name="replay">When the first pass keeps every value, settle the quantiles by narrowing over the kept values (replays)
        /// instead of sorting them all.</param>
        public MetricAccumulator(int index, long n, int cap, int[] derivedIndex, OutputRule[] derivedRule, bool replay)
        {
            _index = index;
            _n = n;
            _cap = cap;
            _replay = replay;
            _dIndex = derivedIndex;
            _dRule = derivedRule;
            var d = derivedIndex.Length;
            _derived = new DerivedSet(derivedRule);
            _dSum = new Vector256<double>[_derived.Groups];
            _dHistogram = new long[d][];
            _dMin = new double[d];
            _dMax = new double[d];
            _dWidth = new double[d];
            _tail = (long)Math.Ceiling(0.05 * n);
            var (medianLo, medianHi) = Ranks(n, 0.5);
            var (p95Lo, p95Hi) = Ranks(n, 0.95);
            var g = _derived.Groups;
            _targets = [new(medianLo, g), new(medianHi, g), new(p95Lo, g), new(p95Hi, g), new(n - _tail, g)];
            var all = new Bin(0, 0, n, cap, g, tail: true);
            foreach (var t in _targets)
            {
                t.Bin = all;
            }
            _bins = [all];
        }

        public bool NeedsPass => _pass == 1 || !_histogramDone || _targets.Any(t => !t.Resolved);

        /// <summary>The output this accumulator folds (its column in the batch buffer).</summary>
        public int Index => _index;

        /// <summary>Folds this output's values of a batch in, in run order.</summary>
        public void Add(ReadOnlySpan<double> column)
        {
            var first = _pass == 1;
            var bins = _bins;
            if (first && bins.Length == 1 && bins[0].Bits == 0)
            {
                AddFirstPass(column, bins[0]);
                return;
            }
            var histogram = _histogramDone ? null : _histogram;
            var min = FromKey(_minKey);
            var derived = _dIndex.Length;
            for (var r = 0; r < column.Length; r++)
            {
                var v = column[r];
                if (v == 0)
                {
                    v = 0.0;
                }
                var key = Key(v);
                if (first)
                {
                    _sum += v;
                    _minKey = Math.Min(_minKey, key);
                    _maxKey = Math.Max(_maxKey, key);
                    _derived.AddTo(_dSum, v);
                }
                if (histogram is not null)
                {
                    histogram[Histogram.BinOf(v, min, _histogramWidth, histogram.Length)]++;
                    if (derived > 0)
                    {
                        _derived.Count(v);
                    }
                }
                foreach (var bin in bins)
                {
                    var head = bin.Bits == 0 ? 0 : key >> (64 - bin.Bits);
                    if (head == bin.Prefix)
                    {
                        if (bin.Sub is { } sub)
                        {
                            sub[(int)((key >> (48 - bin.Bits)) & 0xFFFF)]++;
                        }
                        bin.MinKey = Math.Min(bin.MinKey, key);
                        bin.MaxKey = Math.Max(bin.MaxKey, key);
                        if (bin.Kept is { } kept)
                        {
                            kept[bin.KeptCount++] = v;
                        }
                    }
                    else if (head > bin.Prefix)
                    {
                        bin.SumAbove += v;
                        bin.CountAbove++;
                        if (bin.Tail && derived > 0)
                        {
                            _derived.AddTo(bin.DerivedAbove, v);
                        }
                    }
                }
            }
        }

        /// <summary>The first pass, where the one bin is every run: the same folding as <see cref="Add"/> (sum in run order, min, max,
        /// counts by the key's top 16 bits, the values kept when they are few), in one tight loop.</summary>
        private void AddFirstPass(ReadOnlySpan<double> column, Bin all)
        {
            var sub = all.Sub!;
            var kept = all.Kept;
            var keptCount = all.KeptCount;
            var sum = _sum;
            var minKey = _minKey;
            var maxKey = _maxKey;
            foreach (var value in column)
            {
                var v = value == 0 ? 0.0 : value;
                var key = Key(v);
                sum += v;
                minKey = Math.Min(minKey, key);
                maxKey = Math.Max(maxKey, key);
                sub[(int)(key >> 48)]++;
                if (kept is not null)
                {
                    kept[keptCount++] = v;
                }
            }
            _sum = sum;
            _minKey = minKey;
            _maxKey = maxKey;
            all.MinKey = minKey;
            all.MaxKey = maxKey;
            all.KeptCount = keptCount;
            if (_dIndex.Length > 0)
            {
                // Each derived output's sum in run order, as folding its own column would add it (one vector lane per output).
                foreach (var value in column)
                {
                    _derived.AddTo(_dSum, value);
                }
            }
        }

        /// <summary>When every value of the first pass was kept (and the rules allow it), settles what is left by going over the kept
        /// values again, as many times as the narrowing needs, instead of regenerating the runs or sorting them all.</summary>
        public void Replay()
        {
            if (_stored is null)
            {
                return;
            }
            while (NeedsPass)
            {
                Add(_stored);
                EndPass();
            }
            _stored = null;
        }

        /// <summary>Settles what this pass allows and opens the bins the next pass must look into.</summary>
        public void EndPass()
        {
            if (_histogram is not null)
            {
                _histogramDone = true;
            }
            else if (_pass == 1)
            {
                var min = FromKey(_minKey);
                var max = FromKey(_maxKey);
                var all = _bins[0].Kept;
                if (_minKey == _maxKey)
                {
                    _histogram = [_n];
                    _histogramWidth = 1;
                    _histogramDone = true;
                }
                else
                {
                    _histogram = new long[Histogram.DefaultBins];
                    _histogramWidth = (max - min) / Histogram.DefaultBins;
                    if (all is not null)
                    {
                        foreach (var v in all.AsSpan(0, _bins[0].KeptCount))
                        {
                            _histogram[Histogram.BinOf(v, min, _histogramWidth, _histogram.Length)]++;
                        }
                        _histogramDone = true;
                    }
                }
                for (var j = 0; j < _dIndex.Length; j++)
                {
                    // A derived output's min and max are the base's mapped; its histogram has its own bins over them.
                    var rule = _dRule[j];
                    _dMin[j] = Normal(rule.Apply(min));
                    _dMax[j] = Normal(rule.Apply(max));
                    if (Key(_dMin[j]) == Key(_dMax[j]))
                    {
                        _dHistogram[j] = [_n];
                        _dWidth[j] = 1;
                        continue;
                    }
                    _dHistogram[j] = new long[Histogram.DefaultBins];
                    _dWidth[j] = (_dMax[j] - _dMin[j]) / Histogram.DefaultBins;
                }
                _derived.SetHistograms(_dHistogram, _dMin, _dWidth);
                if (all is not null && _dIndex.Length > 0)
                {
                    foreach (var v in all.AsSpan(0, _bins[0].KeptCount))
                    {
                        _derived.Count(v);
                    }
                }
                if (all is not null && _replay && _n > ReplayKeep)
                {
                    // Narrow over the kept values (Replay) rather than sort them all: the first pass counted them by the top 16 bits.
                    _stored = all;
                }
            }
            var replaying = _stored is not null;
            var cap = replaying ? Math.Min(_cap, ReplayKeep) : (int)Math.Min((long)_cap * NarrowCapFactor, int.MaxValue);
            var next = new List<Bin>();
            foreach (var t in _targets.Where(t => !t.Resolved))
            {
                var bin = t.Bin!;
                if (bin.Kept is { } kept && !(replaying && bin.Bits == 0))
                {
                    var value = RankedValue(bin, kept, t.RankInBin);
                    t.Key = Key(value);
                    var sum = bin.SumAbove;
                    var above = bin.CountAbove;
                    var derivedSum = (Vector256<double>[])bin.DerivedAbove.Clone();
                    for (var i = 0; i < bin.KeptCount; i++)
                    {
                        if (kept[i] > value)
                        {
                            sum += kept[i];
                            above++;
                            _derived.AddTo(derivedSum, kept[i]);
                        }
                    }
                    Settle(t, t.Key, sum, above, derivedSum);
                }
                else if (bin.MinKey == bin.MaxKey)
                {
                    Settle(t, bin.MinKey, bin.SumAbove, bin.CountAbove, bin.DerivedAbove);
                }
                else
                {
                    // Narrow to the sub-bin holding the rank; the next pass looks into it.
                    var sub = bin.Sub!;
                    var below = 0L;
                    var b = 0;
                    while (below + sub[b] <= t.RankInBin)
                    {
                        below += sub[b++];
                    }
                    var prefix = (bin.Prefix << 16) | (uint)b;
                    var bits = bin.Bits + 16;
                    var open = next.Find(x => x.Prefix == prefix && x.Bits == bits);
                    if (open is null)
                    {
                        open = new Bin(prefix, bits, sub[b], cap, _derived.Groups, tail: false);
                        next.Add(open);
                    }
                    if (t == _targets[4] && !open.Tail)
                    {
                        var tailBin = new Bin(prefix, bits, sub[b], cap, _derived.Groups, tail: true);
                        next[next.IndexOf(open)] = tailBin;
                        foreach (var other in _targets.Where(o => o.Bin == open))
                        {
                            other.Bin = tailBin;
                        }
                        open = tailBin;
                    }
                    t.Bin = open;
                    t.RankInBin -= below;
                }
            }
            _bins = [.. next];
            _pass++;
        }

        /// <summary>The value of rank <paramref name="rank"/> (from 0) among a bin's kept values. The bin counted its values by the next 16
        /// bits of their keys, so only the values of the sub-bin holding the rank are copied and sorted, not all of them (a bin opened after
        /// the first pass may keep millions at 10^7 runs); the kept values stay in run order.</summary>
        private static double RankedValue(Bin bin, double[] kept, long rank)
        {
            if (bin.Sub is not { } sub)
            {
                if (!bin.Sorted)
                {
                    Array.Sort(kept, 0, bin.KeptCount);
                    bin.Sorted = true;
                }
                return kept[rank];
            }
            var below = 0L;
            var b = 0;
            while (below + sub[b] <= rank)
            {
                below += sub[b++];
            }
            if (bin.Part is not { } part || bin.PartIndex != b)
            {
                // Targets of one bin (the median's two ranks, P95's) usually fall in the same sub-bin: it is sorted once.
                var shift = 48 - bin.Bits;
                part = new double[sub[b]];
                var n = 0;
                for (var i = 0; i < bin.KeptCount; i++)
                {
                    if ((int)((Key(kept[i]) >> shift) & 0xFFFF) == b)
                    {
                        part[n++] = kept[i];
                    }
                }
                Array.Sort(part);
                (bin.Part, bin.PartIndex) = (part, b);
            }
            return part[rank - below];
        }

        private static void Settle(Target t, ulong key, double sumGreater, long countGreater, Vector256<double>[] derivedGreater)
        {
            t.Key = key;
            t.SumGreater = sumGreater;
            t.CountGreater = countGreater;
            derivedGreater.CopyTo(t.DerivedGreater, 0);
            t.Resolved = true;
            t.Bin = null;
        }

        /// <summary>−0 made +0, as the fold does to every value.</summary>
        private static double Normal(double value) => value == 0 ? 0.0 : value;

        /// <summary>Writes this output's statistics and histogram, and those of the outputs derived from it, to their places.</summary>
        public void Collect(SummaryStatistics[] statistics, Histogram[] histograms)
        {
            double At(int i) => FromKey(_targets[i].Key);
            var (lo, _) = Ranks(_n, 0.5);
            var (lo95, _) = Ranks(_n, 0.95);
            var tail = _targets[4];
            var median = Interpolate(_n, 0.5, lo, At(0), At(1));
            var p95 = Interpolate(_n, 0.95, lo95, At(2), At(3));
            var cvar = (tail.SumGreater + (_tail - tail.CountGreater) * FromKey(tail.Key)) / _tail;
            statistics[_index] = new SummaryStatistics(_n, _sum / _n, median, p95, cvar, FromKey(_minKey), FromKey(_maxKey));
            histograms[_index] = new Histogram(FromKey(_minKey), FromKey(_maxKey), _histogramWidth, _histogram!);
            for (var j = 0; j < _dIndex.Length; j++)
            {
                // Order statistics map through a monotone operation exactly; the tail's sum is the derived values of the same runs.
                var rule = _dRule[j];
                double D(int i) => Normal(rule.Apply(At(i)));
                var dMedian = Interpolate(_n, 0.5, lo, D(0), D(1));
                var dP95 = Interpolate(_n, 0.95, lo95, D(2), D(3));
                var dCvar = (DerivedSet.Lane(tail.DerivedGreater, j) + (_tail - tail.CountGreater) * D(4)) / _tail;
                statistics[_dIndex[j]] = new SummaryStatistics(_n, DerivedSet.Lane(_dSum, j) / _n, dMedian, dP95, dCvar, _dMin[j], _dMax[j]);
                histograms[_dIndex[j]] = new Histogram(_dMin[j], _dMax[j], _dWidth[j], _dHistogram[j]);
            }
        }

        /// <summary>The two order statistics (0-based) a type-7 quantile interpolates between.</summary>
        private static (long Lo, long Hi) Ranks(long n, double q)
        {
            var lo = (long)Math.Floor((n - 1) * q);
            return (lo, Math.Min(lo + 1, n - 1));
        }

        private static double Interpolate(long n, double q, long lo, double xLo, double xHi)
        {
            var h = (n - 1) * q;
            return xLo + (h - lo) * (xHi - xLo);
        }
    }
    /// <summary>The outputs derived from one folded output, four to a 256-bit vector: lane l of group g is derived output 4g + l. Each
    /// lane does exactly the scalar operation of its rule (a multiplication or a division), so sums and histogram bins are the bits
    /// folding that output on its own would give.</summary>
    private sealed class DerivedSet
    {
        private readonly Vector256<double>[] _mul;
        private readonly Vector256<double>[] _div;
        private readonly Vector256<double>[] _isDiv;
        private readonly bool[] _anyDiv;
        private readonly int _count;
        private Vector256<double>[] _min = [];
        private Vector256<double>[] _width = [];
        private long[][] _counts = [];

        public DerivedSet(OutputRule[] rules)
        {
            _count = rules.Length;
            Groups = (rules.Length + 3) / 4;
            _mul = new Vector256<double>[Groups];
            _div = new Vector256<double>[Groups];
            _isDiv = new Vector256<double>[Groups];
            _anyDiv = new bool[Groups];
            for (var g = 0; g < Groups; g++)
            {
                Span<double> mul = [0, 0, 0, 0];
                Span<double> div = [1, 1, 1, 1];
                Span<long> isDiv = [0, 0, 0, 0];
                for (var l = 0; l < 4 && 4 * g + l < rules.Length; l++)
                {
                    var rule = rules[4 * g + l];
                    if (rule.Kind == OutputRuleKind.Divide)
                    {
                        mul[l] = 1;
                        div[l] = rule.Constant;
                        isDiv[l] = -1;
                        _anyDiv[g] = true;
                    }
                    else
                    {
                        mul[l] = rule.Constant;
                    }
                }
                _mul[g] = Vector256.Create<double>(mul);
                _div[g] = Vector256.Create<double>(div);
                _isDiv[g] = Vector256.Create<long>(isDiv).AsDouble();
            }
        }

        /// <summary>Vectors of four derived outputs.</summary>
        public int Groups { get; }

        /// <summary>Lane <paramref name="j"/> of a group array.</summary>
        public static double Lane(Vector256<double>[] groups, int j) => groups[j >> 2].GetElement(j & 3);

        /// <summary>The derived values of group <paramref name="g"/> for a base value.</summary>
        private Vector256<double> Apply(int g, double value)
        {
            var x = Vector256.Create(value);
            return _anyDiv[g] ? Vector256.ConditionalSelect(_isDiv[g], x / _div[g], x * _mul[g]) : x * _mul[g];
        }

        /// <summary>Adds the derived values of <paramref name="value"/> to <paramref name="sums"/> (one sum per lane).</summary>
        public void AddTo(Vector256<double>[] sums, double value)
        {
            for (var g = 0; g < sums.Length; g++)
            {
                sums[g] += Apply(g, value);
            }
        }

        /// <summary>Sets the histograms to count into (<c>Histogram.BinOf</c> with these mins and widths; a histogram of one bin is not counted).</summary>
        public void SetHistograms(long[][] histograms, double[] min, double[] width)
        {
            _min = new Vector256<double>[Groups];
            _width = new Vector256<double>[Groups];
            _counts = new long[Groups * 4][];
            for (var g = 0; g < Groups; g++)
            {
                Span<double> m = [0, 0, 0, 0];
                Span<double> w = [1, 1, 1, 1];
                for (var l = 0; l < 4; l++)
                {
                    var j = 4 * g + l;
                    if (j < _count && histograms[j].Length > 1)
                    {
                        m[l] = min[j];
                        w[l] = width[j];
                        _counts[j] = histograms[j];
                    }
                    else
                    {
                        _counts[j] = new long[Histogram.DefaultBins]; // not read
                    }
                }
                _min[g] = Vector256.Create<double>(m);
                _width[g] = Vector256.Create<double>(w);
            }
        }

        /// <summary>Counts the derived values of <paramref name="value"/> in their histograms: bin min(23, ⌊(d − min) / width⌋) as
        /// <c>Histogram.BinOf</c> computes it (the quotient is in [0, 24], so truncation is the same in the vector).</summary>
        public void Count(double value)
        {
            for (var g = 0; g < Groups; g++)
            {
                var q = (Apply(g, value) - _min[g]) / _width[g];
                if (Avx.IsSupported)
                {
                    var bins = Vector128.Max(Vector128.Min(Avx.ConvertToVector128Int32WithTruncation(q), Vector128.Create(Histogram.DefaultBins - 1)),
                        Vector128<int>.Zero);
                    _counts[4 * g][bins.GetElement(0)]++;
                    _counts[4 * g + 1][bins.GetElement(1)]++;
                    _counts[4 * g + 2][bins.GetElement(2)]++;
                    _counts[4 * g + 3][bins.GetElement(3)]++;
                }
                else
                {
                    for (var l = 0; l < 4; l++)
                    {
                        _counts[4 * g + l][Math.Clamp((int)q.GetElement(l), 0, Histogram.DefaultBins - 1)]++;
                    }
                }
            }
        }
    }
}
