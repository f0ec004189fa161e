using Google.OrTools.LinearSolver;
using Khanij.Core.Text;

namespace Khanij.Analytics.Diversify;

/// <summary>Chooses import shares across suppliers with the GLOP linear-programming solver (Google OR-Tools). Shares sum to 1; each
/// supplier is held below the cap, its export limit and (optionally) a largest change from today; excluded suppliers get nothing; partners
/// together get at least the minimum partner share. Deterministic: the same inputs give the same mix. See docs/demand.md §Diversification.</summary>
public static class MixOptimizer
{
    /// <summary>Segments of the piecewise-linear sᵢ² in the risk objective: the form is exact at whole percentage points.</summary>
    public const int Segments = 100;

    private const double Tolerance = 1e-7;

    /// <summary>Minimises the sourcing term Σ sᵢ² × wᵢ of the supply-risk score (wᵢ = WGIᵢ × tᵢ × partner factor).</summary>
    /// <param name="suppliers">Candidates; those without a risk weight are given nothing (they cannot be assessed).</param>
    /// <param name="constraints">Limits.</param>
    /// <param name="phrases">The message catalogue for notes, limits and conflicts, in the reader's language; null gives message keys only.</param>
    public static DiversifyResult MinimiseRisk(IReadOnlyList<Supplier> suppliers, DiversifyConstraints constraints, IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(suppliers);
        ArgumentNullException.ThrowIfNull(constraints);
        var notes = new List<string>
        {
            say.Format("Div_NoteLp", Segments),
        };
        var unassessed = suppliers.Where(s => s.RiskWeight is null).Select(s => s.Iso3).ToList();
        if (unassessed.Count > 0)
        {
            notes.Add(say.Format("Div_NoteNoWgi", string.Join(", ", unassessed)));
        }
        double Risk(IReadOnlyList<double> mix) => suppliers.Select((s, i) => mix[i] * mix[i] * (s.RiskWeight ?? 0)).Sum();
        return Solve(DiversifyObjective.Risk, suppliers, constraints, notes, say, Risk, (solver, shares, upper) =>
        {
            var objective = solver.Objective();
            const double h = 1.0 / Segments;
            for (var i = 0; i < suppliers.Count; i++)
            {
                var link = solver.MakeConstraint(0, 0, $"link:{suppliers[i].Iso3}");
                link.SetCoefficient(shares[i], 1);
                var w = suppliers[i].RiskWeight ?? 0;
                // Pieces above the supplier's tightest upper limit can never be used, so they are left out; one more is kept, so that the
                // limit itself (not the end of the pieces) is what binds and carries the shadow price.
                var pieces = Math.Min(Segments, (int)Math.Ceiling(upper[i] * Segments - 1e-9) + 1);
                for (var k = 0; k < pieces; k++)
                {
                    var piece = solver.MakeNumVar(0, h, $"piece:{suppliers[i].Iso3}:{k}");
                    link.SetCoefficient(piece, -1);
                    // The k-th piece covers [k h, (k + 1) h]; its slope is ((k + 1)² − k²) h² / h = (2k + 1) h, times the weight.
                    objective.SetCoefficient(piece, w * (2 * k + 1) * h);
                }
            }
            objective.SetMinimization();
        }, extraUpper: s => s.RiskWeight is null ? ("no_wgi", say.Format("Div_LimitNoWgi", s.Iso3), 0.0) : null);
    }

    /// <summary>Minimises CVaR95 of the country's shortfall fraction Lᵣ = Σᵢ losses[r, i] sᵢ over the draws, with the Rockafellar–Uryasev
    /// linear programme: min α + Σᵣ uᵣ / ((1 − β) N) subject to uᵣ ≥ Lᵣ − α, uᵣ ≥ 0.</summary>
    /// <param name="suppliers">Candidates, in the column order of <paramref name="losses"/>.</param>
    /// <param name="losses">Draws × suppliers: fraction of each supplier's deliveries to the country lost in each draw (0–1).</param>
    /// <param name="constraints">Limits.</param>
    /// <param name="beta">Tail level (default 0.95).</param>
    /// <param name="phrases">The message catalogue for notes, limits and conflicts, in the reader's language; null gives message keys only.</param>
    public static DiversifyResult MinimiseCvar(IReadOnlyList<Supplier> suppliers, double[,] losses, DiversifyConstraints constraints,
        double beta = Cvar.Level, IPhrasebook? phrases = null)
    {
        var say = phrases ?? IPhrasebook.Keys;
        ArgumentNullException.ThrowIfNull(suppliers);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(constraints);
        if (losses.GetLength(1) != suppliers.Count)
        {
            throw new ArgumentException($"The loss matrix has {losses.GetLength(1)} columns; {suppliers.Count} suppliers.", nameof(losses));
        }
        if (!(beta is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "The tail level must be in (0, 1).");
        }
        var n = losses.GetLength(0);
        var notes = new List<string> { say.Format("Div_NoteCvar", beta * 100, n) };
        return Solve(DiversifyObjective.Cvar, suppliers, constraints, notes, say, mix => Cvar.Of(losses, mix, beta), (solver, shares, _) =>
        {
            var objective = solver.Objective();
            var alpha = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "alpha");
            objective.SetCoefficient(alpha, 1);
            var weight = 1 / ((1 - beta) * n);
            for (var r = 0; r < n; r++)
            {
                var u = solver.MakeNumVar(0, double.PositiveInfinity, $"u:{r}");
                objective.SetCoefficient(u, weight);
                // uᵣ + α − Σᵢ Lᵣᵢ sᵢ ≥ 0
                var tail = solver.MakeConstraint(0, double.PositiveInfinity, $"tail:{r}");
                tail.SetCoefficient(u, 1);
                tail.SetCoefficient(alpha, 1);
                for (var i = 0; i < suppliers.Count; i++)
                {
                    tail.SetCoefficient(shares[i], -losses[r, i]);
                }
            }
            objective.SetMinimization();
        }, extraUpper: null);
    }

    private sealed record Limit(string Name, string Description, int Supplier, double Bound, bool IsUpper)
    {
        /// <summary>The description without the export basis, for sentences.</summary>
        public string Short { get; init; } = Description;
    }

    private static DiversifyResult Solve(
        DiversifyObjective kind,
        IReadOnlyList<Supplier> suppliers,
        DiversifyConstraints constraints,
        List<string> notes,
        IPhrasebook say,
        Func<IReadOnlyList<double>, double> evaluate,
        Action<Solver, Variable[], double[]> build,
        Func<Supplier, (string Name, string Description, double Bound)?>? extraUpper)
    {
        constraints.Validate();
        var today = suppliers.Select(s => s.Today).ToArray();
        var limits = Limits(suppliers, constraints, extraUpper, say);
        var conflicts = Conflicts(suppliers, constraints, limits, say);
        if (conflicts.Count > 0)
        {
            return new DiversifyResult(kind, false, conflicts, Mix(suppliers, today, limits), evaluate(today), evaluate(today), [], notes);
        }
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver is not available in OR-Tools.");
        var shares = suppliers.Select(s => solver.MakeNumVar(0, 1, $"share:{s.Iso3}")).ToArray();
        var sum = solver.MakeConstraint(1, 1, "sum");
        foreach (var v in shares)
        {
            sum.SetCoefficient(v, 1);
        }
        var made = new List<(Limit Limit, Constraint Constraint)>();
        foreach (var l in limits)
        {
            var c = l.IsUpper ? solver.MakeConstraint(double.NegativeInfinity, l.Bound, l.Name) : solver.MakeConstraint(l.Bound, double.PositiveInfinity, l.Name);
            c.SetCoefficient(shares[l.Supplier], 1);
            made.Add((l, c));
        }
        Constraint? partners = null;
        if (constraints.MinPartnerShare is { } m && m > 0)
        {
            partners = solver.MakeConstraint(m, double.PositiveInfinity, "partners");
            for (var i = 0; i < suppliers.Count; i++)
            {
                partners.SetCoefficient(shares[i], suppliers[i].IsPartner ? 1 : 0);
            }
        }
        build(solver, shares, [.. Enumerable.Range(0, suppliers.Count).Select(i => limits.Where(l => l.Supplier == i && l.IsUpper).Min(l => l.Bound))]);
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return new DiversifyResult(kind, false, [say.Format("Div_SolverStatus", status)], Mix(suppliers, today, limits),
                evaluate(today), evaluate(today), [], notes);
        }
        // Shadow prices belong to the optimal value, so they are read now, before the tie-break below changes the objective.
        var duals = made.Select(m => m.Constraint.DualValue()).ToArray();
        var partnerDual = partners?.DualValue() ?? 0;
        var mix = shares.Select(v => Math.Clamp(v.SolutionValue(), 0, 1)).ToArray();
        // Ties are structural for CVaR (suppliers with the same feed lose the same in every draw); the risk objective's Σ sᵢ² wᵢ has one
        // optimum up to its 1-point pieces, so it skips the second solve (which would double its time).
        if (kind == DiversifyObjective.Cvar)
        {
            var closer = ClosestToToday(solver, shares, today);
            if (closer is null)
            {
                notes.Add(say.Format("Div_NoteTieFailed"));
            }
            else if (closer.Zip(mix, (a, b) => Math.Abs(a - b)).Sum() > 1e-6)
            {
                // Only a real tie moves the mix; otherwise the first solution stays as it is (the second solve may wander by the solver's
                // tolerance within the kept optimum).
                notes.Add(say.Format("Div_NoteTie"));
                mix = closer;
            }
        }
        var binding = new List<(BindingConstraint Constraint, double Order)>();
        var what = say.Format(kind == DiversifyObjective.Risk ? "Div_WhatRisk" : "Div_WhatCvar");
        for (var x = 0; x < made.Count; x++)
        {
            var l = made[x].Limit;
            if (Math.Abs(mix[l.Supplier] - l.Bound) > Tolerance)
            {
                continue;
            }
            var dual = duals[x];
            var effect = l.IsUpper ? dual * 0.01 : -dual * 0.01;
            binding.Add((new BindingConstraint(l.Name, l.Description, dual, Words(l.IsUpper, l.Short, effect, what, say)), Math.Abs(dual)));
        }
        if (partners is not null && Math.Abs(suppliers.Select((s, i) => s.IsPartner ? mix[i] : 0).Sum() - constraints.MinPartnerShare!.Value) <= Tolerance)
        {
            var description = say.Format("Div_LimitPartners", constraints.MinPartnerShare.Value * 100);
            binding.Add((new BindingConstraint("partners", description, partnerDual, Words(false, description, -partnerDual * 0.01, what, say)),
                Math.Abs(partnerDual)));
        }
        var alone = suppliers.Select((sp, i) => kind == DiversifyObjective.Risk && sp.RiskWeight is null ? (double?)null
            : evaluate([.. suppliers.Select((_, k) => k == i ? 1.0 : 0.0)])).ToArray();
        var ordered = binding.OrderByDescending(b => b.Order).ThenBy(b => b.Constraint.Name, StringComparer.Ordinal).Select(b => b.Constraint).ToList();
        return new DiversifyResult(kind, true, [], Mix(suppliers, mix, limits, today, alone), evaluate(today), evaluate(mix), ordered, notes);
    }

    /// <summary>Among the optimal mixes, the one nearest today's (least total change Σ |sᵢ − todayᵢ|): when suppliers tie (equal losses in
    /// every draw, say), the LP would otherwise return an arbitrary corner. Keeps the objective within a relative 1e-9 of its optimum.
    /// Null when the second solve fails.</summary>
    private static double[]? ClosestToToday(Solver solver, Variable[] shares, double[] today)
    {
        var objective = solver.Objective();
        var best = objective.Value();
        var keep = solver.MakeConstraint(double.NegativeInfinity, best + 1e-9 * Math.Max(1, Math.Abs(best)), "keep_optimum");
        foreach (var v in solver.variables())
        {
            var c = objective.GetCoefficient(v);
            if (c != 0)
            {
                keep.SetCoefficient(v, c);
            }
        }
        objective.Clear();
        for (var i = 0; i < shares.Length; i++)
        {
            // dᵢ ≥ |sᵢ − todayᵢ|
            var d = solver.MakeNumVar(0, double.PositiveInfinity, $"change:{i}");
            var up = solver.MakeConstraint(-today[i], double.PositiveInfinity, $"change_up:{i}");
            up.SetCoefficient(d, 1);
            up.SetCoefficient(shares[i], -1);
            var down = solver.MakeConstraint(today[i], double.PositiveInfinity, $"change_down:{i}");
            down.SetCoefficient(d, 1);
            down.SetCoefficient(shares[i], 1);
            objective.SetCoefficient(d, 1);
        }
        objective.SetMinimization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? [.. shares.Select(v => Math.Clamp(v.SolutionValue(), 0, 1))] : null;
    }

    /// <summary>A shadow price in words: what moving the limit by one point would do to the objective.</summary>
    private static string Words(bool raising, string description, double effect, string what, IPhrasebook say)
    {
        var key = Math.Abs(effect) < 1e-12 ? (raising ? "Div_RaiseNoChange" : "Div_LowerNoChange")
            : effect < 0 ? (raising ? "Div_RaiseLowers" : "Div_LowerLowers")
            : raising ? "Div_RaiseRaises" : "Div_LowerRaises";
        return say.Format(key, description, what, Math.Abs(effect));
    }

    private static List<Limit> Limits(IReadOnlyList<Supplier> suppliers, DiversifyConstraints c,
        Func<Supplier, (string Name, string Description, double Bound)?>? extraUpper, IPhrasebook say)
    {
        var limits = new List<Limit>();
        for (var i = 0; i < suppliers.Count; i++)
        {
            var s = suppliers[i];
            limits.Add(new Limit($"cap:{s.Iso3}", say.Format("Div_LimitCap", s.Iso3, c.Cap * 100), i, c.Cap, true));
            if (s.ExportLimit is { } e && e < 1)
            {
                limits.Add(new Limit($"export:{s.Iso3}", say.Format("Div_LimitExport", s.Iso3, e * 100, s.ExportBasis), i, e, true)
                {
                    Short = say.Format("Div_LimitExportShort", s.Iso3, e * 100),
                });
            }
            if (c.MaxChange is { } d)
            {
                if (s.Today + d < 1)
                {
                    limits.Add(new Limit($"change_up:{s.Iso3}", say.Format("Div_LimitChangeUp", s.Iso3, (s.Today + d) * 100, s.Today * 100, d * 100), i, s.Today + d, true));
                }
                if (s.Today - d > 0)
                {
                    limits.Add(new Limit($"change_down:{s.Iso3}", say.Format("Div_LimitChangeDown", s.Iso3, (s.Today - d) * 100, s.Today * 100, d * 100), i, s.Today - d, false));
                }
            }
            if (c.Excluded.Contains(s.Iso3, StringComparer.OrdinalIgnoreCase))
            {
                limits.Add(new Limit($"exclude:{s.Iso3}", say.Format("Div_LimitExcluded", s.Iso3), i, 0, true));
            }
            if (extraUpper?.Invoke(s) is { } x)
            {
                limits.Add(new Limit($"{x.Name}:{s.Iso3}", x.Description, i, x.Bound, true));
            }
        }
        return limits;
    }

    /// <summary>For box limits, Σ = 1 and one partner floor, the set is empty exactly when one of these checks fails, so each failure
    /// names the constraints in conflict.</summary>
    private static List<string> Conflicts(IReadOnlyList<Supplier> suppliers, DiversifyConstraints c, List<Limit> limits, IPhrasebook say)
    {
        var conflicts = new List<string>();
        if (suppliers.Count == 0)
        {
            conflicts.Add(say.Format("Div_NoSuppliers"));
            return conflicts;
        }
        var upper = new Limit[suppliers.Count];
        var lower = new Limit?[suppliers.Count];
        for (var i = 0; i < suppliers.Count; i++)
        {
            upper[i] = limits.Where(l => l.Supplier == i && l.IsUpper).MinBy(l => l.Bound)!;
            lower[i] = limits.Where(l => l.Supplier == i && !l.IsUpper).MaxBy(l => l.Bound);
            if (lower[i] is { } lo && lo.Bound > upper[i].Bound + Tolerance)
            {
                conflicts.Add(say.Format("Div_ConflictPair", suppliers[i].Iso3, lo.Description, upper[i].Description));
            }
        }
        var maxTotal = upper.Sum(u => u.Bound);
        if (maxTotal < 1 - Tolerance)
        {
            conflicts.Add(say.Format("Div_ConflictUpper", maxTotal * 100,
                string.Join("; ", upper.Where(u => u.Bound < 1).Select(u => u.Description))));
        }
        var minTotal = lower.Sum(l => l?.Bound ?? 0);
        if (minTotal > 1 + Tolerance)
        {
            conflicts.Add(say.Format("Div_ConflictLower", minTotal * 100, string.Join("; ", lower.OfType<Limit>().Select(l => l.Description))));
        }
        if (c.MinPartnerShare is { } m && m > 0)
        {
            var partnerMax = Enumerable.Range(0, suppliers.Count).Where(i => suppliers[i].IsPartner).Sum(i => upper[i].Bound);
            var othersMin = Enumerable.Range(0, suppliers.Count).Where(i => !suppliers[i].IsPartner).Sum(i => lower[i]?.Bound ?? 0);
            if (partnerMax < m - Tolerance)
            {
                var partnerLimits = Enumerable.Range(0, suppliers.Count).Where(i => suppliers[i].IsPartner).Select(i => upper[i].Description).ToList();
                conflicts.Add(say.Format("Div_ConflictPartnerMax", m * 100, partnerMax * 100,
                    partnerLimits.Count == 0 ? say.Format("Div_NoPartnerSupplier") : string.Join("; ", partnerLimits)));
            }
            else if (othersMin + m > 1 + Tolerance)
            {
                conflicts.Add(say.Format("Div_ConflictPartnerSum", m * 100, othersMin * 100));
            }
        }
        return conflicts;
    }

    private static List<SupplierShare> Mix(IReadOnlyList<Supplier> suppliers, IReadOnlyList<double> recommended, List<Limit> limits,
        IReadOnlyList<double>? today = null, IReadOnlyList<double?>? alone = null) =>
        [.. suppliers.Select((s, i) => new SupplierShare(s.Iso3, today?[i] ?? s.Today, recommended[i], s.IsPartner,
                limits.Where(l => l.Supplier == i && l.IsUpper).MinBy(l => l.Bound)!.Description, alone?[i]))
            .OrderByDescending(x => x.Recommended).ThenByDescending(x => x.Today).ThenBy(x => x.Iso3, StringComparer.Ordinal)];
}
