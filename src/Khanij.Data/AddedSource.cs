using System.Globalization;
using System.Text;
using Khanij.Core.Text;

namespace Khanij.Data;

/// <summary>A file in a publisher's own layout that a user added to the store with <c>khanij data add</c>.</summary>
/// <param name="File">File name inside the store's added-sources directory.</param>
/// <param name="Format">Layout: <c>usgs-mcs</c>, <c>comtrade</c> or <c>baci</c>.</param>
/// <param name="Dataset">Source id its rows are stored under (e.g. <c>usgs_mcs2025</c>, <c>comtrade_2024</c>, <c>baci</c>).</param>
/// <param name="Edition">Edition as given or read from the file.</param>
/// <param name="MineralId">The mineral of a USGS file (empty for trade files, whose HS codes name the mineral).</param>
/// <param name="AddedUtc">When it was added.</param>
public sealed record AddedSource(string File, string Format, string Dataset, string Edition, string MineralId, string AddedUtc)
{
    /// <summary>The layouts <c>data add</c> reads.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["usgs-mcs", "comtrade", "baci"];

    /// <summary>The directory beside a store that holds its added files and their manifest: <c>khanij.duckdb</c> → <c>khanij.sources/</c>.</summary>
    public static string DirectoryFor(string dbPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbPath)) ?? ".", Path.GetFileNameWithoutExtension(dbPath) + ".sources");

    private const string Header = "file,format,dataset,edition,mineral,added_utc";

    /// <summary>The manifest of a store's added sources (empty when none was added).</summary>
    public static IReadOnlyList<AddedSource> ReadManifest(string directory)
    {
        var path = Path.Combine(directory, "manifest.csv");
        if (!System.IO.File.Exists(path))
        {
            return [];
        }
        var table = Csv.Parse(System.IO.File.ReadAllText(path), path);
        string F(CsvRow r, string c) => table.IndexOf(c) is var i and >= 0 && i < r.Fields.Count ? r[i] : "";
        return [.. table.Rows.Select(r => new AddedSource(F(r, "file"), F(r, "format"), F(r, "dataset"), F(r, "edition"), F(r, "mineral"), F(r, "added_utc")))];
    }

    /// <summary>Writes the manifest (atomically: a temporary file renamed over the old one).</summary>
    public static void WriteManifest(string directory, IReadOnlyList<AddedSource> sources)
    {
        Directory.CreateDirectory(directory);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var s in sources)
        {
            text.AppendJoin(',', new[] { s.File, s.Format, s.Dataset, s.Edition, s.MineralId, s.AddedUtc }.Select(Quote)).Append('\n');
        }
        var path = Path.Combine(directory, "manifest.csv");
        var temp = path + ".tmp";
        System.IO.File.WriteAllText(temp, text.ToString());
        System.IO.File.Move(temp, path, overwrite: true);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Now, as the manifest writes it.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
