using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>Every page of the real briefing in Chromium: loads cleanly, links resolve, quotes are where they point.</summary>
[Collection("site")]
public sealed partial class PageTests(SiteFixture site)
{
    [Fact]
    public async Task Every_page_loads_with_no_console_error_failed_request_or_csp_violation()
    {
        var problems = new List<string>();
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"{page.Url}: console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"{page.Url}: page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"{page.Url}: request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/404.html", StringComparison.Ordinal)) problems.Add($"{page.Url}: HTTP {r.Status} for {r.Url}"); };
        foreach (var path in site.HtmlPages)
        {
            var response = await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.NotNull(response);
            var expected = path == "/404.html" ? 200 : 200;
            Assert.Equal(expected, response!.Status);
        }
        await context.CloseAsync();
        Assert.True(site.HtmlPages.Count >= 10, $"only {site.HtmlPages.Count} pages");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Csp_header_from_netlify_toml_is_applied_to_the_pages_under_test()
    {
        Assert.Contains(SiteFixture.Headers, h => h.Key == "Content-Security-Policy" && h.Value.Contains("script-src 'self'", StringComparison.Ordinal));
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.Url("/"));
        Assert.Contains("default-src 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
        await context.CloseAsync();
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Links();

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [Fact]
    public void Every_internal_link_and_paragraph_anchor_resolves()
    {
        var files = site.Build!.Files.ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content));
        var ids = files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => Ids().Matches(f.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet());
        var broken = new List<string>();
        var checkedAnchors = 0;
        foreach (var (file, html) in files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            foreach (Match m in Links().Matches(html))
            {
                var href = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var hashAt = href.IndexOf('#');
                var path = hashAt >= 0 ? href[..hashAt] : href;
                var fragment = hashAt >= 0 ? href[(hashAt + 1)..] : "";
                var directive = fragment.IndexOf(":~:", StringComparison.Ordinal);
                if (directive >= 0) fragment = fragment[..directive];
                string target;
                if (path.Length == 0) target = file;
                else
                {
                    if (!path.StartsWith('/')) { broken.Add($"{file}: relative link {href}"); continue; }
                    var rel = path[1..];
                    target = rel.Length == 0 || rel.EndsWith('/') ? rel + "index.html" : rel;
                }
                if (!files.ContainsKey(target)) { broken.Add($"{file}: {href} → no file {target}"); continue; }
                if (fragment.Length > 0)
                {
                    checkedAnchors++;
                    if (!ids.TryGetValue(target, out var targetIds) || !targetIds.Contains(Uri.UnescapeDataString(fragment)))
                        broken.Add($"{file}: {href} → no id '{fragment}' in {target}");
                }
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(50)));
        Assert.True(checkedAnchors > 20, $"only {checkedAnchors} anchors checked");
    }

    [Fact]
    public async Task The_paragraph_a_quote_links_to_contains_that_quote()
    {
        var links = site.Build!.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
            .SelectMany(f => Links().Matches(System.Text.Encoding.UTF8.GetString(f.Content)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            .Where(h => h.Contains(":~:text=", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(links.Count >= 15, $"only {links.Count} quote links");
        var context = await site.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        string? loaded = null;
        foreach (var href in links)
        {
            var hashAt = href.IndexOf('#');
            var path = href[..hashAt];
            var fragment = href[(hashAt + 1)..];
            var id = fragment[..fragment.IndexOf(":~:", StringComparison.Ordinal)];
            var text = fragment[(fragment.IndexOf("text=", StringComparison.Ordinal) + 5)..];
            if (loaded != path) { await page.GotoAsync(site.Url(path)); loaded = path; }
            var paragraph = await page.Locator("#" + id).TextContentAsync() ?? "";
            var normalized = Collapse(paragraph);
            foreach (var part in text.Split(',').Select(Uri.UnescapeDataString))
                if (!normalized.Contains(Collapse(part), StringComparison.Ordinal))
                    failures.Add($"{href}: paragraph #{id} does not contain “{part}”");
        }
        await context.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Collapse(string s) => Regex.Replace(s, "\\s+", " ").Trim();

    [Fact]
    public async Task Pages_work_with_javascript_off()
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        foreach (var (kind, path) in site.PageTypes)
        {
            await page.GotoAsync(site.Url(path));
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.True(await page.Locator("main").IsVisibleAsync(), kind);
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task Screenshots_of_each_page_type_at_laptop_and_phone_width()
    {
        var written = 0;
        foreach (var width in new[] { 1280, 390 })
        {
            var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            foreach (var (kind, path) in site.PageTypes)
            {
                await page.GotoAsync(site.Url(path));
                var file = Path.Combine(SiteFixture.ArtifactsDir, "screenshots", $"{kind}-{width}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 5_000, file);
                var overflow = await page.EvaluateAsync<string>(@"() => {
                    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return '';
                    // the page itself scrolls sideways: name the culprits (content inside a scroll region is fine on its own)
                    const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1);
                    const outside = wide.filter(e => !e.closest('.table-scroll'));
                    return 'page is ' + document.documentElement.scrollWidth + 'px wide: ' + (outside.length ? outside : wide).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40)).join(' | ');
                }");
                Assert.True(overflow.Length == 0, $"{kind} at {width}px scrolls sideways: {overflow}");
                written++;
            }
            await context.CloseAsync();
        }
        Assert.Equal(site.PageTypes.Count * 2, written);
    }

    [Fact]
    public async Task Print_drops_navigation_and_keeps_the_claims_matrix_a_compact_table_of_marks()
    {
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 800, Height = 1100 } });
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(site.Url("/compare/"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-nav')).display"));
        Assert.Equal("table-header-group", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.matrix thead')).display"));
        Assert.Equal("table-cell", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.matrix td')).display"));
        // marks, not quotes: a row is a line or a few, not a card of quotations
        Assert.False(await page.Locator(".matrix .cell-quote").First.IsVisibleAsync());
        var row = await page.Locator(".matrix tbody tr").First.BoundingBoxAsync();
        Assert.True(row!.Height < 120, $"a printed matrix row is {row.Height}px tall");
        // internal links are not underlined on paper
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main a[href^=\"/\"]')).textDecorationLine"));
        // nothing runs off the page's right edge
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"print layout is {overflow}px too wide");
        await context.CloseAsync();
    }
}
