using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>Issue 25's layout rules that the DOM can check: the navigation's rows, its menu, the icon.</summary>
[Collection("site")]
public sealed class ReaderLayoutTests(SiteFixture site)
{
    /// <summary>How many rows the navigation's top-level entries take (distinct tops of the visible entries).</summary>
    private const string NavRows = "() => new Set([...document.querySelectorAll('.site-nav .nav-row > li')].filter(li => li.offsetParent !== null).map(li => Math.round(li.getBoundingClientRect().top))).size";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Navigation_takes_one_row_on_every_page_type(int width)
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        // a topic's one-page brief is made for print and has no navigation
        foreach (var (kind, path) in site.PageTypes.Where(p => p.Kind != "brief"))
        {
            await page.GotoAsync(site.Url(path));
            Assert.True(await page.EvaluateAsync<int>(NavRows) == 1, $"{kind} at {width}px: the navigation wraps");
            var nav = await page.Locator(".site-nav").BoundingBoxAsync();
            Assert.True(nav!.Height <= 48, $"{kind} at {width}px: the navigation is {nav.Height}px tall");
            var header = await page.Locator(".site-header").BoundingBoxAsync();
            // on a phone the search box takes a row of its own under the title and the navigation
            Assert.True(header!.Height <= (width < 600 ? 130 : 70), $"{kind} at {width}px: the header is {header.Height}px tall");
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task Topics_menu_opens_from_the_keyboard_and_lists_every_topic()
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/"));
        var first = page.Locator(".nav-menu details > ul a").First;
        Assert.False(await first.IsVisibleAsync());
        // Tab from the skip link and the title to the menu's summary, then open it with Enter
        await page.Locator(".nav-menu summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await first.IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(await first.GetAttributeAsync("href"), await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        // topics/<id>/index.html, not a topic's brief or later pages
        var topics = site.Build!.Files.Count(f => f.Path.StartsWith("topics/", StringComparison.Ordinal) && f.Path.Split('/').Length == 3 && f.Path.EndsWith("/index.html", StringComparison.Ordinal));
        Assert.Equal(topics, await page.Locator(".nav-menu details > ul a").CountAsync());
        // the menu is drawn over the page, not pushing it down: the header keeps its height
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 130, $"the open menu grows the header to {header.Height}px");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Site_icon_is_linked_as_svg_and_favicon_ico_is_served()
    {
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/"));
        var svg = await page.Locator("link[rel=icon][type='image/svg+xml']").GetAttributeAsync("href");
        Assert.NotNull(svg);
        foreach (var path in new[] { svg!, "/favicon.ico" })
        {
            var response = await page.APIRequest.GetAsync(site.Url(path));
            Assert.True(response.Status == 200, $"{path}: HTTP {response.Status}");
            Assert.True((await response.BodyAsync()).Length > 100, path);
        }
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Article_and_topic_pages_have_a_side_column_on_a_wide_screen_and_fold_it_into_the_flow_on_a_phone(int width)
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        foreach (var (kind, path) in site.PageTypes.Where(p => p.Kind is "article" or "topic"))
        {
            await page.GotoAsync(site.Url(path));
            var side = (await page.Locator(".side").BoundingBoxAsync())!;
            var main = (await page.Locator(".main-col").BoundingBoxAsync())!;
            Assert.Equal(1, await page.Locator(".side #glance").CountAsync());
            Assert.True(await page.Locator(".side .on-this-page a").CountAsync() >= 3, kind);
            if (width >= 1024)
            {
                Assert.True(side.X >= main.X + main.Width, $"{kind}: the side column is not beside the text");
                Assert.True(side.Y < main.Y + 200, $"{kind}: the side column starts {side.Y - main.Y}px below the text");
            }
            else
            {
                Assert.True(side.Y + side.Height <= main.Y + 1, $"{kind}: on a phone the side column comes before the text");
                Assert.True(side.Width > width - 60, $"{kind}: on a phone the side column is {side.Width}px wide");
            }
            // every link of "On this page" has its target
            foreach (var href in await page.Locator(".on-this-page a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
                Assert.Equal(1, await page.Locator(href).CountAsync());
        }
        await context.CloseAsync();
    }
}
