using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>The pager of a paginated list (issue 23) at laptop and phone widths, on screen and on paper.</summary>
[Collection("site")]
public sealed class PaginationTests(SiteFixture site)
{
    /// <summary>The page types that are one page of several (with page_size: 1, the real briefing's shared wording fits on one).</summary>
    private static readonly string[] WithPager = ["topic-paged", "topic-paged-2", "source-articles", "compare-claims", "compare-exclusive", "compare-angles", "timeline-paged"];

    private IEnumerable<string> PagedPages
    {
        get
        {
            var pages = site.PageTypes.Where(p => WithPager.Contains(p.Kind)).Select(p => p.Path).ToList();
            Assert.Equal(WithPager.Length, pages.Count);
            return pages;
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_pager_says_where_the_page_stands_and_its_links_are_large_enough_to_tap(int width)
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        foreach (var path in PagedPages)
        {
            await page.GotoAsync(site.Url(path));
            var pager = page.Locator("nav.pager");
            Assert.True(await pager.CountAsync() == 1, $"{path} has no pager");
            Assert.Matches(@"^Page \d+ of \d+$", (await pager.Locator(".pager-position").InnerTextAsync()).Trim());
            foreach (var link in await pager.Locator("a").AllAsync())
            {
                var box = await link.BoundingBoxAsync();
                Assert.True(box is { Width: >= 24, Height: >= 24 }, $"{path} @{width}px: a pager link is {box?.Width}×{box?.Height} px");
            }
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task On_paper_the_pager_keeps_its_position_and_drops_its_links()
    {
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var path in PagedPages)
        {
            await page.GotoAsync(site.Url(path));
            Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.pager ul')).display"));
            Assert.True(await page.Locator(".pager-position").IsVisibleAsync(), path);
        }
        await context.CloseAsync();
    }
}
