using System.Xml.Linq;
using Briefing.Tests.Support;

namespace Briefing.Tests.Publishing;

/// <summary>The Atom feed states a publication day only where a capture prints one.</summary>
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void An_entry_has_a_published_day_only_where_the_capture_prints_that_day()
    {
        var output = Path.Combine(Path.GetTempPath(), "briefing-feed-" + Guid.NewGuid().ToString("N")[..8]);
        var r = new SiteBuilder().Build(new BuildOptions { InputDir = Repo.Input, ThemeDir = Repo.Theme, OutputDir = output, Write = false });
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(r.Files.Single(f => f.Path == "feed.xml").Content));
        var entries = feed.Root!.Elements(Atom + "entry")
            .ToDictionary(e => e.Element(Atom + "link")!.Attribute("href")!.Value.TrimEnd('/').Split('/').Last(), e => e.Element(Atom + "published")?.Value);

        Assert.Equal("2022-11-08T00:00:00Z", entries["2022-11-08-asia-times-trong-beijing"]); // printed in the capture
        Assert.Null(entries["2023-12-13-scmp-new-stage"]);                                 // a month, by inference
        Assert.Null(entries["undated-security-cooperation-pacts"]);                        // unknown
        Assert.All(feed.Root.Elements(Atom + "entry"), e => Assert.NotNull(e.Element(Atom + "updated"))); // Atom requires it
    }
}
