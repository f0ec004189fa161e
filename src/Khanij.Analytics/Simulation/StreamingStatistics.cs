using System.Collections.Concurrent;

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

    /// <summary>Most runs one summary can count (per-bin counters are 32-bit).</summary>
    internal const long MaxRuns = int.MaxValue;

    private const int BufferBytes = 4 << 20;
    private const int MaxBatchRows = 1 << 16;

    public static SimulationSummary Summarise(SimulationModel model, long runs, ulong seed, string engine, Func<IRunEvaluator> newEvaluator,
        int maxDegreeOfParallelism, IProgress<long>? progress, CancellationToken cancellationToken, int collectCap = DefaultCollectCap)
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
        var accumulators = new MetricAccumulator[metrics];
        for (var m = 0; m < metrics; m++)
        {
            accumulators[m] = new MetricAccumulator(m, runs, collectCap);
        }
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
            for (long first = 0; first < runs; first += rowsPerBatch)
            {
                var count = (int)Math.Min(rowsPerBatch, runs - first);
                var chunks = (count + ChunkSize - 1) / ChunkSize;
                var batchFirst = first;
                if (!parallel || chunks == 1)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var evaluator = pool.TryTake(out var e) ? e : newEvaluator();
                    Fill(evaluator, buffer, rowsPerBatch, seed, batchFirst, 0, count);
                    pool.Add(evaluator);
                }
                else
                {
                    Parallel.For(0, chunks, options, () => pool.TryTake(out var e) ? e : newEvaluator(), (chunk, _, evaluator) =>
                    {
                        var from = chunk * ChunkSize;
                        Fill(evaluator, buffer, rowsPerBatch, seed, batchFirst, from, Math.Min(count, from + ChunkSize));
                        return evaluator;
                    }, pool.Add);
                }
                if (!parallel || active.Length == 1)
                {
                    foreach (var a in active)
                    {
                        a.Add(buffer.AsSpan(a.Index * rowsPerBatch, count));
                    }
                }
                else
                {
                    Parallel.For(0, active.Length, options, i => active[i].Add(buffer.AsSpan(active[i].Index * rowsPerBatch, count)));
                }
                evaluated += count;
                progress?.Report(evaluated);
            }
            foreach (var a in active)
            {
                a.EndPass();
            }
        }
        return new SimulationSummary(model.Metrics, runs, seed, engine, passes, null,
            [.. accumulators.Select(a => a.Statistics())], [.. accumulators.Select(a => a.ToHistogram())]);
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
    private sealed class Target(long rank)
    {
        public long Rank { get; } = rank;
        public Bin? Bin { get; set; }
        public long RankInBin { get; set; } = rank;
        public bool Resolved { get; set; }
        public ulong Key { get; set; }
        public double SumGreater { get; set; }
        public long CountGreater { get; set; }
    }

    /// <summary>The runs whose key starts with <see cref="Prefix"/> (its top <see cref="Bits"/> bits), followed through one pass.</summary>
    private sealed class Bin(ulong prefix, int bits, long count, int collectCap)
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
        public bool Sorted;
    }

    private sealed class MetricAccumulator
    {
        private readonly int _index;
        private readonly long _n;
        private readonly int _cap;
        private readonly Target[] _targets;
        private readonly long _tail;
        private Bin[] _bins;
        private int _pass = 1;
        private double _sum;
        private ulong _minKey = ulong.MaxValue;
        private ulong _maxKey;
        private long[]? _histogram;
        private double _histogramWidth;
        private bool _histogramDone;

        public MetricAccumulator(int index, long n, int cap)
        {
            _index = index;
            _n = n;
            _cap = cap;
            _tail = (long)Math.Ceiling(0.05 * n);
            var (medianLo, medianHi) = Ranks(n, 0.5);
            var (p95Lo, p95Hi) = Ranks(n, 0.95);
            _targets = [new(medianLo), new(medianHi), new(p95Lo), new(p95Hi), new(n - _tail)];
            var all = new Bin(0, 0, n, cap);
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
                }
                if (histogram is not null)
                {
                    histogram[Histogram.BinOf(v, min, _histogramWidth, histogram.Length)]++;
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
                    if (_bins[0].Kept is { } all)
                    {
                        foreach (var v in all.AsSpan(0, _bins[0].KeptCount))
                        {
                            _histogram[Histogram.BinOf(v, min, _histogramWidth, _histogram.Length)]++;
                        }
                        _histogramDone = true;
                    }
                }
            }
            var next = new List<Bin>();
            foreach (var t in _targets.Where(t => !t.Resolved))
            {
                var bin = t.Bin!;
                if (bin.Kept is { } kept)
                {
                    if (!bin.Sorted)
                    {
                        Array.Sort(kept, 0, bin.KeptCount);
                        bin.Sorted = true;
                    }
                    var value = kept[t.RankInBin];
                    t.Key = Key(value);
                    var sum = bin.SumAbove;
                    var above = bin.CountAbove;
                    for (var i = 0; i < bin.KeptCount; i++)
                    {
                        if (kept[i] > value)
                        {
                            sum += kept[i];
                            above++;
                        }
                    }
                    Settle(t, t.Key, sum, above);
                }
                else if (bin.MinKey == bin.MaxKey)
                {
                    Settle(t, bin.MinKey, bin.SumAbove, bin.CountAbove);
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
                        open = new Bin(prefix, bits, sub[b], _cap);
                        next.Add(open);
                    }
                    t.Bin = open;
                    t.RankInBin -= below;
                }
            }
            _bins = [.. next];
            _pass++;
        }

        private static void Settle(Target t, ulong key, double sumGreater, long countGreater)
        {
            t.Key = key;
            t.SumGreater = sumGreater;
            t.CountGreater = countGreater;
            t.Resolved = true;
            t.Bin = null;
        }

        public SummaryStatistics Statistics()
        {
            double At(int i) => FromKey(_targets[i].Key);
            var (lo, _) = Ranks(_n, 0.5);
            var median = Interpolate(_n, 0.5, lo, At(0), At(1));
            var (lo95, _) = Ranks(_n, 0.95);
            var p95 = Interpolate(_n, 0.95, lo95, At(2), At(3));
            var tail = _targets[4];
            var cvar = (tail.SumGreater + (_tail - tail.CountGreater) * FromKey(tail.Key)) / _tail;
            return new SummaryStatistics(_n, _sum / _n, median, p95, cvar, FromKey(_minKey), FromKey(_maxKey));
        }

        public Histogram ToHistogram()
        {
            var min = FromKey(_minKey);
            var max = FromKey(_maxKey);
            return new Histogram(min, max, _histogramWidth, _histogram!);
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
}
