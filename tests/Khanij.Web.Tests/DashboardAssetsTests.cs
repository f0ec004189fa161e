using System.Reflection;
using System.Xml.Linq;
using Khanij.Testing;
using Khanij.Web;

namespace Khanij.Web.Tests;

/// <summary>The dashboard's npm libraries: the list `serve` checks is the project file's list, and a build without them says how to get them.</summary>
public sealed class DashboardAssetsTests
{
    /// <summary>The file names the project file copies from node_modules (read from the project file itself).</summary>
    private static List<string> ProjectList()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Khanij.Web", "Khanij.Web.csproj"));
        return [.. project.Descendants("KhanijClientFile").Select(e => Path.GetFileName(e.Attribute("Include")!.Value))];
    }

    [Fact]
    public void Missing_ThisBuild_ChecksTheProjectFilesListAndHasThemAll()
    {
        var listed = ProjectList();
        listed.ShouldContain("echarts.min.js");
        var assembly = typeof(DashboardAssets).Assembly;
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KhanijDashboardLibraries").Value;
        metadata!.Split(';').ShouldBe(listed);
        var resources = assembly.GetManifestResourceNames();
        // The web tests are built with npm (.ci/install-deps installs it), so every listed library is embedded…
        foreach (var name in listed)
        {
            resources.ShouldContain("Khanij.Web.Dashboard.lib." + name, $"{name} is listed in Khanij.Web.csproj but not embedded");
        }
        DashboardAssets.Missing().ShouldBeEmpty();
    }

    [Fact]
    public void Missing_AssemblyWithoutTheList_LacksNothing() =>
        DashboardAssets.Missing(typeof(DashboardAssetsTests).Assembly).ShouldBeEmpty();

    [Fact]
    public void Problem_SomethingMissing_NamesItAndSaysHowToGetIt()
    {
        DashboardAssets.Problem([]).ShouldBeNull();
        var message = DashboardAssets.Problem(["echarts.min.js", "countries-110m.json"]);
        message.ShouldNotBeNull();
        message.ShouldContain("echarts.min.js, countries-110m.json");
        message.ShouldContain("apt-get install nodejs npm");
        message.ShouldContain("build again");
    }
}
