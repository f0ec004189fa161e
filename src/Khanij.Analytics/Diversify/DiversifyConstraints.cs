namespace Khanij.Analytics.Diversify;

/// <summary>Limits on the recommended mix.</summary>
/// <param name="Cap">Largest share any one supplier may have (default 0.65), in (0, 1].</param>
/// <param name="MaxChange">Largest change of any supplier's share from today's, in share points (0–1); null for no limit.</param>
/// <param name="Excluded">Suppliers that must get nothing.</param>
/// <param name="MinPartnerShare">Smallest total share from partners (0–1); null for none.</param>
public sealed record DiversifyConstraints(double Cap, double? MaxChange, IReadOnlyList<string> Excluded, double? MinPartnerShare)
{
    /// <summary>The default: 65 % cap, nothing else.</summary>
    public static DiversifyConstraints Default { get; } = new(0.65, null, [], null);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value outside its range.</summary>
    public DiversifyConstraints Validate()
    {
        if (!(Cap is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Cap), Cap, "The cap must be a share in (0, 1].");
        }
        if (MaxChange is { } m && !(m is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChange), m, "The largest change must be a share from 0 to 1.");
        }
        if (MinPartnerShare is { } p && !(p is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinPartnerShare), p, "The minimum partner share must be from 0 to 1.");
        }
        return this;
    }
}
