using System.Net;
using System.Net.Sockets;
using System.Text;
using Briefing.Diagnostics;
using Briefing.Preview;
using Briefing.Tests.Support;

namespace Briefing.Tests.Preview;

/// <summary>The preview server in-process on an ephemeral port with real Kestrel.</summary>
public sealed class PreviewTests
{
    private static PreviewSession Session(TestSite site, StringWriter log, int debounceMs = 100) =>
        new(new BuildOptions { InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output }, 0, log, new ConsoleReporter(log, false, false))
        { Debounce = TimeSpan.FromMilliseconds(debounceMs) };

    private static Task<BuildResult> NextRebuild(PreviewSession s)
    {
        var tcs = new TaskCompletionSource<BuildResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(BuildResult r) { s.Rebuilt -= Handler; tcs.TrySetResult(r); }
        s.Rebuilt += Handler;
        return tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Serves_pages_on_loopback_with_the_live_reload_script_injected()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        Assert.Equal("127.0.0.1", s.Host.Address.Host);
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        var home = await http.GetStringAsync("/");
        Assert.Contains("<h1>Test briefing</h1>", home);
        Assert.Contains("/__briefing/livereload.js", home);
        var article = await http.GetAsync("/articles/2023-12-13-alpha/");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        var css = await http.GetAsync("/assets/" + Path.GetFileName(Directory.GetFiles(Path.Combine(site.Output, "assets"), "*.css")[0]));
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        var missing = await http.GetAsync("/no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
        // the built site on disk never contains the live-reload script
        Assert.DoesNotContain("livereload", File.ReadAllText(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public async Task The_site_is_served_under_the_path_of_site_yml_s_base_url_as_it_is_published()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml").Replace("base_url: https://example.org/", "base_url: https://user.github.io/repo/"));
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = s.Host.Address };

        var home = await http.GetAsync("/repo/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/repo/assets/[^\"]+\\.css)\"").Groups[1].Value;
        Assert.NotEqual("", css);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(css)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/repo/articles/2023-12-13-alpha/")).StatusCode);
        // the server's root points to the site; a path outside it is not the site
        var root = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, root.StatusCode);
        Assert.Equal("/repo/", root.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync("/articles/2023-12-13-alpha/")).StatusCode);
    }

    [Fact]
    public async Task A_file_change_rebuilds_and_sends_a_reload_event_to_connected_pages()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        using var http = new HttpClient { BaseAddress = s.Host.Address, Timeout = TimeSpan.FromSeconds(60) };
        using var events = await http.GetAsync(SiteHost.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        var rebuilt = NextRebuild(s);
        var path = Path.Combine(site.Input, "articles", "2023-12-14-beta.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Beta report on the visit", "Beta report, corrected") + "\nA corrected paragraph.\n");
        var result = await rebuilt;
        Assert.True(result.Success);

        var sawReload = false;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!sawReload)
        {
            var line = await reader.ReadLineAsync(cts.Token);
            if (line is null) break;
            sawReload = line == "event: reload";
        }
        Assert.True(sawReload, "no reload event");
        Assert.Contains("Beta report, corrected", await http.GetStringAsync("/articles/2023-12-14-beta/"));
        Assert.Contains("Beta report, corrected", File.ReadAllText(Path.Combine(site.Output, "articles/2023-12-14-beta/index.html")));
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(log.ToString(), @"rebuilt \d+ pages in \d+ ms \(1 article\(s\) parsed, 1 rendered\)"), log.ToString());
    }

    [Fact]
    public async Task Bad_input_keeps_serving_the_last_good_pages_under_a_banner_that_links_to_the_errors_and_a_fix_recovers()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        var goodOnDisk = File.ReadAllText(Path.Combine(site.Output, "index.html"));
        var claims = Path.Combine(site.Input, "claims.yml");
        var original = File.ReadAllText(claims);

        var failed = NextRebuild(s);
        File.WriteAllText(claims, original.Replace("id: hotlines", "id: Hot Lines"));
        Assert.False((await failed).Success);
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Test briefing</h1>", html);
        Assert.Matches("<body[^>]*><div role=\"alert\"[^>]*>The newest build has \\d+ errors?: this page is from the last good build. <a href=\"/__briefing/errors\"", html);
        Assert.Contains("/__briefing/livereload.js", html);
        var errors = await http.GetAsync("/__briefing/errors");
        var list = await errors.Content.ReadAsStringAsync();
        Assert.Contains("The build failed", list);
        Assert.Contains("claims.yml(1,", list);
        Assert.Contains("BRF030", list);
        Assert.Contains("/__briefing/livereload.js", list);
        Assert.Equal(goodOnDisk, File.ReadAllText(Path.Combine(site.Output, "index.html")));

        var fixedBuild = NextRebuild(s);
        File.WriteAllText(claims, original);
        Assert.True((await fixedBuild).Success);
        var recovered = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var again = await recovered.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Test briefing</h1>", again);
        Assert.DoesNotContain("role=\"alert\"", again);
    }

    [Fact]
    public async Task After_new_article_its_page_shows_its_errors_then_its_text_while_the_other_pages_stay_served()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        var goodOnDisk = Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Order().ToList();

        var failed = NextRebuild(s);
        Assert.Equal(0, Briefing.Cli.Scaffold.NewArticle(site.Input, "2024-01-05-gamma", "alpha-news", ["security-cooperation"], TextWriter.Null, TextWriter.Null));
        var article = Path.Combine(site.Input, "articles", "2024-01-05-gamma.md");
        File.WriteAllText(article, File.ReadAllText(article)
            .Replace("FILL IN: the headline as published", "Gamma reports the talks")
            .Replace("FILL IN: the article's first paragraph, in its original wording.", "The talks in Hanoi ended on Wednesday with a statement.")
            .Replace("FILL IN: the next paragraph. One blank line between paragraphs; \"## Subhead\" for subheads.", "Both sides agreed to meet again next year."));
        var result = await failed;
        for (var i = 0; i < 5 && result.Errors != result.Diagnostics.Count(d => d.File.Contains("gamma", StringComparison.Ordinal) && d.Severity == Severity.Error); i++)
            result = await NextRebuild(s); // the two writes may come as two rebuilds
        Assert.False(result.Success);

        var draft = await http.GetAsync("/articles/2024-01-05-gamma/");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var html = WebUtility.HtmlDecode(await draft.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Gamma reports the talks</h1>", html);
        var errorsAt = html.IndexOf("errors in this article's files", StringComparison.Ordinal);
        var textAt = html.IndexOf("The talks in Hanoi ended on Wednesday", StringComparison.Ordinal);
        Assert.True(errorsAt > 0 && textAt > errorsAt, html);
        Assert.Contains("summaries/2024-01-05-gamma.yml(", html);
        Assert.Contains("BRF025", html);
        Assert.Contains("id=\"p-2\"", html);
        Assert.Contains("/__briefing/livereload.js", html);

        var other = await http.GetAsync("/articles/2023-12-13-alpha/");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("href=\"/__briefing/errors\"", await other.Content.ReadAsStringAsync());
        Assert.Equal(goodOnDisk, Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.False(Directory.Exists(Path.Combine(site.Output, "articles", "2024-01-05-gamma")));
    }

    [Fact]
    public async Task With_no_good_build_yet_every_page_is_the_list_of_errors()
    {
        using var site = new TestSite();
        site.Write("claims.yml", site.Read("claims.yml").Replace("id: hotlines", "id: Hot Lines"));
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("There is no good build to show yet.", html);
        Assert.Contains("BRF030", html);
    }

    [Fact]
    public async Task A_save_through_a_temporary_file_and_rename_and_a_double_save_cause_one_rebuild()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        // the product's 150 ms, and more: the watcher's events for the three writes must arrive within one quiet
        // period even when the test run keeps both cores busy
        await using var s = Session(site, log, debounceMs: 400);
        await s.StartAsync();
        var before = s.Rebuilds;
        var rebuilt = NextRebuild(s);
        var path = Path.Combine(site.Input, "articles", "2023-12-14-beta.md");
        var text = File.ReadAllText(path);
        var temp = Path.Combine(site.Input, "articles", ".2023-12-14-beta.md.tmp");
        File.WriteAllText(temp, text.Replace("Beta report", "Beta story"));
        File.Move(temp, path, overwrite: true);
        File.WriteAllText(path, text.Replace("Beta report", "Beta story!"));
        Assert.True((await rebuilt).Success);
        await Task.Delay(1000);
        Assert.Equal(before + 1, s.Rebuilds);
    }

    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/%2E%2E/secret")]
    [InlineData("/articles/%2e%2e%2f%2e%2e%2fetc/passwd")]
    [InlineData("/..%5c..%5cetc%5cpasswd")]
    [InlineData("/articles\\..\\..\\x")]
    [InlineData("/%252e%252e/x")]
    public async Task Path_traversal_is_refused(string path)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "secret"), "TOP SECRET");
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        var (status, body) = await RawGet(s.Host.Address, path);
        Assert.True(status is 400 or 404, $"{path} → {status}");
        Assert.DoesNotContain("TOP SECRET", body);
        Assert.DoesNotContain("root:", body);
    }

    [Fact]
    public async Task Only_files_of_the_built_site_are_served()
    {
        using var site = new TestSite();
        var log = new StringWriter();
        await using var s = Session(site, log);
        await s.StartAsync();
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        File.WriteAllText(Path.Combine(site.Output, "added-by-hand.html"), "<p>not from the build</p>");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/added-by-hand.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/input/site.yml")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync("/", new StringContent("x"))).StatusCode);
    }

    /// <summary>A GET with the path sent exactly as given (HttpClient would normalise it).</summary>
    private static async Task<(int Status, string Body)> RawGet(Uri address, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
