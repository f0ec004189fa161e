using System.CommandLine;
using System.Data.Common;
using Khanij.Core.Registry;
using Khanij.Data;
using Khanij.Data.Registry;

namespace Khanij.Cli.Commands;

/// <summary>The registry opened for one command: a connection to the store and the registry on it. Dispose to close.</summary>
internal sealed class PartnersRegistry(KhanijStore khanij, DbConnection connection, RegistryStore store) : IAsyncDisposable
{
    public RegistryStore Store { get; } = store;

    /// <summary>The store the registry lives in, for the analytics (the impact of a decision is computed with the risk service).</summary>
    public KhanijStore Khanij { get; } = khanij;

    /// <summary>The perspective country whose figures a decision's impact is reported for.</summary>
    public static Option<string> Country { get; } = new("--country")
    {
        Description = "Country whose risk figures the impact is reported for (ISO3 or name; default IND).",
        DefaultValueFactory = _ => "IND",
    };

    /// <summary>The open connection, for other tables of the same store (the feed tables of 'ingest watch').</summary>
    public DbConnection Connection { get; } = connection;

    public static Option<string> By { get; } = new("--by")
    {
        Description = "Name recorded in the audit trail (default: your user name).",
        DefaultValueFactory = _ => Environment.UserName,
        Validators =
        {
            result =>
            {
                if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
                {
                    result.AddError("--by needs a name for the audit trail (e.g. --by asha).");
                }
            },
        },
    };

    /// <summary>Opens (and on first use creates) the store named by <c>--db</c>, then the registry tables in it; read-only unless the
    /// command changes the registry or the feeds (<paramref name="write"/>).</summary>
    public static async Task<PartnersRegistry> OpenAsync(CliContext context, ParseResult parse, CancellationToken ct, bool write = false)
    {
        var store = await context.OpenStoreAsync(parse, ct, write);
        DbConnection? connection = null;
        try
        {
            connection = await store.OpenConnectionAsync(ct);
            return new PartnersRegistry(store, connection, await RegistryStore.OpenAsync(connection, null, ct));
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Khanij.DisposeAsync();
    }

    /// <summary>An ISO3 code from a code or a country name in either script; <see cref="CliException"/> when unknown.</summary>
    public static string ResolveCountry(CliContext context, string text)
    {
        var country = context.Catalogue.CountryByIso3(text.Trim()) ?? context.Catalogue.FindCountry(text);
        return country?.Iso3 ?? throw new CliException(
            $"--country '{text}' is not a known country; expected an ISO3 code (IND, JPN) or a name (India, भारत). See 'khanij countries --search'."
            + context.Catalogue.DidYouMeanCountry(text));
    }

    /// <summary>A mineral id from an id or a name in either script (or <c>critical_minerals</c>); <see cref="CliException"/> when unknown.</summary>
    public static string ResolveMineral(CliContext context, string text)
    {
        if (string.Equals(text.Trim(), RegistryVocabulary.CriticalMinerals, StringComparison.OrdinalIgnoreCase))
        {
            return RegistryVocabulary.CriticalMinerals;
        }
        var mineral = context.Catalogue.MineralById(text.Trim()) ?? context.Catalogue.FindMineral(text);
        return mineral?.Id ?? throw new CliException(
            $"--mineral '{text}' is not a known mineral; expected a catalogue id (lithium, rare_earths) or a name (लिथियम). See 'khanij minerals'."
            + context.Catalogue.DidYouMeanMineral(text));
    }

    /// <summary>English name of a party: a country's short name or a framework's name; the code itself when unknown.</summary>
    public static string PartyName(CliContext context, string party) =>
        context.Catalogue.CountryByIso3(party)?.NameEn ?? context.Catalogue.FrameworkById(party)?.NameEn ?? party;

    /// <summary>Turns registry errors into bad-input errors with every problem listed.</summary>
    public static CliException BadInput(RegistryException e) => new(string.Join("\n", e.Problems));
}
