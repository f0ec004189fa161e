using Khanij.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddKhanijWeb();
var app = builder.Build();
app.MapKhanijWeb();
app.Run();

/// <summary>The web host's entry point; public and partial so tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program { }
