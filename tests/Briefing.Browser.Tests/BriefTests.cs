using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>Each real topic's one-page brief prints on exactly one page, A4 and Letter alike.</summary>
[Collection("site")]
public sealed class BriefTests(SiteFixture site)
{
    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task Each_topic_brief_prints_on_exactly_one_page(string format)
    {
        var briefs = site.HtmlPages.Where(p => p.StartsWith("/topics/", StringComparison.Ordinal) && p.EndsWith("/brief/", StringComparison.Ordinal)).ToList();
        var topics = site.HtmlPages.Count(p => p.StartsWith("/topics/", StringComparison.Ordinal) && !p.EndsWith("/brief/", StringComparison.Ordinal));
        Assert.Equal(topics, briefs.Count);
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var report = new List<string>();
        foreach (var path in briefs)
        {
            await page.GotoAsync(site.Url(path));
            Assert.Equal(0, await page.Locator("nav").CountAsync()); // no navigation
            Assert.Contains("https://briefing.example" + path, await page.Locator("footer").InnerTextAsync(), StringComparison.Ordinal);
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = false });
            var pages = PdfPages(pdf);
            if (pages != 1) report.Add($"{path} prints on {pages} {format} pages");
        }
        await context.CloseAsync();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    /// <summary>The number of page objects in a PDF (Chromium writes one "/Type /Page" per page, and "/Type /Pages" for the tree).</summary>
    private static int PdfPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return System.Text.RegularExpressions.Regex.Matches(text, @"/Type\s*/Page(?![s\w])").Count;
    }

    [Fact]
    public async Task A_topic_page_links_to_its_one_page_brief()
    {
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/topics/security-cooperation/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "One-page brief" }).ClickAsync();
        Assert.EndsWith("/topics/security-cooperation/brief/", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
