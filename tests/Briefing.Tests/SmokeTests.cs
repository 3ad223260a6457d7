using Briefing.Tests.Support;

namespace Briefing.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Minimal_site_builds_without_diagnostics()
    {
        using var site = new TestSite();
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Empty(r.Diagnostics);
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }
}
