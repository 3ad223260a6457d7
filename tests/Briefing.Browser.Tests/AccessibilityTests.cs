using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>axe-core on every page type at laptop and phone widths: zero violations.</summary>
[Collection("site")]
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Every_page_type_has_no_axe_violations(int width)
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        var report = new List<string>();
        foreach (var (kind, path) in site.PageTypes)
        {
            await page.GotoAsync(site.Url(path));
            var result = await page.RunAxe();
            foreach (var v in result.Violations)
                report.Add($"{kind} {path} @{width}px: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        }
        await context.CloseAsync();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    [Fact]
    public async Task Dark_mode_pages_have_no_contrast_violations()
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        var report = new List<string>();
        foreach (var (kind, path) in site.PageTypes)
        {
            await page.GotoAsync(site.Url(path));
            var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions { RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });
            foreach (var v in result.Violations) report.Add($"{kind} dark: {v.Id}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        }
        await context.CloseAsync();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }
}
