using System.Net;
using Briefing.Diagnostics;
using Briefing.Preview;
using Briefing.Tests.Support;

namespace Briefing.Tests.Preview;

/// <summary>The preview serves the Pagefind index and makes it again after each rebuild, once the pages are live.</summary>
public sealed class PreviewSearchTests
{
    [Fact]
    public async Task The_preview_serves_the_search_index_and_refreshes_it_after_a_rebuild()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml") + "\nsearch: true\n");
        var log = new StringWriter();
        await using var s = new PreviewSession(new BuildOptions { InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output }, 0, log, new ConsoleReporter(log, false, false))
        { Debounce = TimeSpan.FromMilliseconds(100) };
        await s.StartAsync();
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/pagefind/pagefind.js")).StatusCode);
        // the index's entry file counts the pages indexed
        int PagesIndexed() => s.Host.Snapshot.Files.TryGetValue("pagefind/pagefind-entry.json", out var entry)
            ? System.Text.Json.JsonDocument.Parse(entry).RootElement.GetProperty("languages").EnumerateObject().Sum(l => l.Value.GetProperty("page_count").GetInt32())
            : 0;
        var before = PagesIndexed();
        Assert.True(before > 0, log.ToString());

        var rebuilt = new TaskCompletionSource<BuildResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Rebuilt += r => rebuilt.TrySetResult(r);
        site.Write("articles/2023-12-15-gamma.md", "---\ntitle: Gamma\nsource: beta-wire\ntopics: [security-cooperation]\n---\nA third report on the visit.\n");
        s.Touch();
        Assert.True((await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(60))).Success);
        // the new page is served as soon as the rebuild is done; the index follows
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/articles/2023-12-15-gamma/")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (PagesIndexed() <= before && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(before + 1, PagesIndexed());
    }
}
