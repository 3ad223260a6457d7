using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>Pagefind's search on the real briefing, under the CSP of netlify.toml.</summary>
[Collection("site")]
public sealed class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task Searching_hotline_finds_the_articles_that_mention_it()
    {
        Assert.True(site.Build!.Search, "the real briefing has search: true");
        var mentioning = Directory.EnumerateFiles(Path.Combine(SiteFixture.RepoRoot, "input", "articles"), "*.md")
            .Where(f => File.ReadAllText(f).Split("\n---", 2)[1].Contains("hotline", StringComparison.OrdinalIgnoreCase))
            .Select(f => "/articles/" + Path.GetFileNameWithoutExtension(f) + "/").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(mentioning);
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add(m.Text); };
        await page.GotoAsync(site.Url("/"));
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the briefing" });
        await box.FillAsync("hotline");
        // Enter is pressed on the box itself (focused first), and the wait ends when the search page's URL commits:
        // its results load after the page does, and are waited for below
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(u => new Uri(u).PathAndQuery == "/search/?q=hotline", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(".pagefind-ui__result").First.WaitForAsync(new() { Timeout = 30000 });
        await page.WaitForTimeoutAsync(500); // the rest of the results
        var found = (await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mentioning, found.Where(u => u.StartsWith("/articles/", StringComparison.Ordinal)).ToList());
        Assert.True(await page.Locator(".pagefind-ui__result mark").CountAsync() > 0, "matching words are highlighted");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_search_box_is_a_link_to_the_topics()
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/glossary/"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Searchbox).CountAsync());
        var link = page.Locator(".site-search a");
        Assert.Equal("/#topics", await link.GetAttributeAsync("href"));
        await context.CloseAsync();
    }
}
