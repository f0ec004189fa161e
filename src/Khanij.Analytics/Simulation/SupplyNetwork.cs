using Khanij.Core;

namespace Khanij.Analytics.Simulation;

/// <summary>
/// The supply chain of one mineral as the simulation sees it: producing countries at one or two stages (mining, then refining),
/// who sources from whom between stages, and the final consumers of the last stage. Immutable once built; safe to share
/// between threads. If an instance exists it is valid (capacities finite and non-negative, sourcing shares in [0, 1] with
/// each receiver's shares summing to at most 1).
/// </summary>
/// <remarks>
/// Countries are indexed 0..<see cref="CountryCount"/>−1 and the same index is used at every stage. The receivers of stage
/// <c>s</c> are the producers of stage <c>s + 1</c> (a refinery receives ore), and the receivers of the last stage are the
/// consuming countries with <see cref="Consumption"/>. A receiver's shares that sum to less than 1 mean part of its supply
/// comes from sources the data do not attribute to a country; no shock reaches that part.
/// </remarks>
public sealed class SupplyNetwork
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a network and checks it.</summary>
    /// <param name="mineralId">Catalogue mineral id.</param>
    /// <param name="countries">ISO3 codes (or a pseudo-code such as <c>ROW</c> for an aggregate), unique.</param>
    /// <param name="layers">One layer per stage in chain order (mining first); at least one, at most three.</param>
    /// <param name="consumption">Tonnes per year of the last stage's product used by each country, same order as
    /// <paramref name="countries"/>; 0 means none or unknown (fractions are still computed from shares, tonnes are then 0).</param>
    /// <param name="sectors">End-use sectors of the mineral with their share of use (may be empty).</param>
    /// <param name="batteryChemistries">Battery chemistries with their share of battery GWh and kg per kWh (may be empty).</param>
    /// <param name="notes">Where each part came from and what was assumed, for display.</param>
    /// <exception cref="ArgumentException">A size does not match, a value is negative or not finite, or shares exceed 1.</exception>
    public SupplyNetwork(
        string mineralId,
        IReadOnlyList<string> countries,
        IReadOnlyList<StageLayer> layers,
        IReadOnlyList<double> consumption,
        IReadOnlyList<EndUseSector> sectors,
        IReadOnlyList<BatteryChemistryShare> batteryChemistries,
        IReadOnlyList<string> notes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mineralId);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(consumption);
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(batteryChemistries);
        ArgumentNullException.ThrowIfNull(notes);
        if (layers.Count is < 1 or > 3)
        {
            throw new ArgumentException($"A network needs 1 to 3 stage layers; got {layers.Count}.", nameof(layers));
        }
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < countries.Count; i++)
        {
            if (!_index.TryAdd(countries[i], i))
            {
                throw new ArgumentException($"Country '{countries[i]}' appears twice in the network for {mineralId}.", nameof(countries));
            }
        }
        var n = countries.Count;
        for (var s = 0; s < layers.Count; s++)
        {
            if (layers[s].CountryCount != n)
            {
                throw new ArgumentException($"Layer {layers[s].Stage.ToId()} has {layers[s].CountryCount} countries; the network has {n}.",
                    nameof(layers));
            }
            if (s > 0 && layers[s].Stage <= layers[s - 1].Stage)
            {
                throw new ArgumentException("Layers must be in chain order (mining, refining, cathode) without repeats.", nameof(layers));
            }
        }
        if (consumption.Count != n)
        {
            throw new ArgumentException($"Consumption has {consumption.Count} entries; the network has {n} countries.", nameof(consumption));
        }
        foreach (var q in consumption)
        {
            if (!double.IsFinite(q) || q < 0)
            {
                throw new ArgumentException($"Consumption must be finite and non-negative; got {q}.", nameof(consumption));
            }
        }
        var sectorSum = sectors.Sum(x => x.Share);
        if (sectorSum > 1 + 1e-9)
        {
            throw new ArgumentException($"Sector shares sum to {sectorSum}; at most 1 expected.", nameof(sectors));
        }
        MineralId = mineralId;
        Countries = [.. countries];
        Layers = [.. layers];
        Consumption = [.. consumption];
        Sectors = [.. sectors];
        BatteryChemistries = [.. batteryChemistries];
        Notes = [.. notes];
    }

    /// <summary>Catalogue mineral id.</summary>
    public string MineralId { get; }

    /// <summary>Country codes by index.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>Number of countries (the size of every per-country array).</summary>
    public int CountryCount => Countries.Count;

    /// <summary>Stage layers in chain order.</summary>
    public IReadOnlyList<StageLayer> Layers { get; }

    /// <summary>Tonnes per year of the last stage's product used by each country (0 = none or unknown).</summary>
    public IReadOnlyList<double> Consumption { get; }

    /// <summary>End-use sectors and their shares of use.</summary>
    public IReadOnlyList<EndUseSector> Sectors { get; }

    /// <summary>Battery chemistries for the GWh-not-made output.</summary>
    public IReadOnlyList<BatteryChemistryShare> BatteryChemistries { get; }

    /// <summary>Provenance and assumption notes.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The index of a country, or −1 when it is not in the network.</summary>
    public int IndexOf(string iso3) => _index.GetValueOrDefault(iso3, -1);

    /// <summary>The position of a stage among <see cref="Layers"/>, or −1 when the network has no data for it.</summary>
    public int LayerIndexOf(Stage stage)
    {
        for (var s = 0; s < Layers.Count; s++)
        {
            if (Layers[s].Stage == stage)
            {
                return s;
            }
        }
        return -1;
    }

    /// <summary>Tonnes per year received by country <paramref name="receiver"/> from layer <paramref name="layer"/>: the next
    /// layer's capacity, or consumption after the last layer.</summary>
    public double ReceiverVolume(int layer, int receiver) =>
        layer + 1 < Layers.Count ? Layers[layer + 1].Capacity[receiver] : Consumption[receiver];

    /// <summary>World share of a country at a layer (capacity over total capacity; 0 when the total is 0).</summary>
    public double Share(int layer, int country)
    {
        var total = Layers[layer].TotalCapacity;
        return total > 0 ? Layers[layer].Capacity[country] / total : 0;
    }
}
