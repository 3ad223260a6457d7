using System.Security.Cryptography;
using Briefing.Tests.Support;

namespace Briefing.Tests;

public sealed class BuildTests
{
    [Fact]
    public void Minimal_site_builds_every_page_without_diagnostics()
    {
        using var site = new TestSite();
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Empty(r.Diagnostics);
        foreach (var page in new[] { "index.html", "topics/security-cooperation/index.html", "topics/maritime-disputes/index.html",
                     "articles/2023-12-13-alpha/index.html", "articles/2023-12-14-beta/index.html", "compare/index.html",
                     "timeline/index.html", "glossary/index.html", "sources/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt" })
            Assert.True(File.Exists(Path.Combine(site.Output, page)), page + " is missing");
        Assert.Single(Directory.GetFiles(Path.Combine(site.Output, "assets"), "site.*.css"));
    }

    [Fact]
    public void Article_paragraphs_get_stable_anchors_and_pilcrow_links()
    {
        using var site = new TestSite();
        site.Build();
        var html = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("<p id=\"p-1\">China and Vietnam agreed to set up more hotlines", html);
        Assert.Contains("<p id=\"p-2\">The two sides vowed", html);
        Assert.Contains("href=\"#p-2\"", html);
        Assert.Contains("¶</a>", html);
    }

    [Fact]
    public void Quote_links_point_to_the_paragraph_that_holds_the_quote()
    {
        using var site = new TestSite();
        site.Build();
        var topic = System.Net.WebUtility.HtmlDecode(site.Page("topics/security-cooperation/index.html"));
        // the text fragment uses the article's own typographic quotes, so the browser can match it
        Assert.Contains("/articles/2023-12-13-alpha/#p-2:~:text=work%20more%20closely%20on%20%E2%80%9Cintelligence%20exchanges%E2%80%9D\"", topic);
        Assert.Contains("/articles/2023-12-14-beta/#p-1:~:text=their%2016%2Dpage%20joint%20statement\"", topic);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_untouched()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        var before = Snapshot(site.Output);
        site.Write("summaries/2023-12-14-beta.yml", "summary: x\nclaims:\n  - claim: nope\n    quote: not in the text\n");
        var r = site.Build();
        Assert.False(r.Success);
        Assert.Equal(before, Snapshot(site.Output));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_output_untouched()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        var before = Snapshot(site.Output);
        site.Write("articles/2023-12-14-beta.md", File.ReadAllText(Path.Combine(site.Input, "articles/2023-12-14-beta.md")) + "\nA new paragraph.\n");
        var r = site.Build(beforeEachFile: n => { if (n == 5) throw new IOException("disk full (injected)"); });
        Assert.False(r.Success);
        DiagnosticAssert.Has(r, "BRF090", "output");
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".output.*"));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        var first = Snapshot(site.Output);
        Assert.True(site.Build().Success);
        Assert.Equal(first, Snapshot(site.Output));
    }

    [Fact]
    public void Files_no_longer_produced_do_not_survive_a_build()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "old");
        site.Delete("articles/2023-12-14-beta.md").Delete("summaries/2023-12-14-beta.yml");
        site.Write("timeline.yml", "- date: 2023-12-13\n  title: Xi ends visit\n  articles: [2023-12-13-alpha]\n");
        site.Write("summaries/2023-12-13-alpha.yml", File.ReadAllText(Path.Combine(site.Input, "summaries/2023-12-13-alpha.yml")));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.False(File.Exists(Path.Combine(site.Output, "stale.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "articles", "2023-12-14-beta")));
    }

    [Fact]
    public void A_topic_added_as_data_gets_its_page_and_nav_entry()
    {
        using var site = new TestSite();
        site.Write("topics/economy.md", "---\ntitle: Economy\norder: 3\nquestion: What about trade?\n---\nTrade overview.\n");
        site.Write("articles/2023-12-14-beta.md", File.ReadAllText(Path.Combine(site.Input, "articles/2023-12-14-beta.md")).Replace("topics: [security-cooperation]", "topics: [security-cooperation, economy]"));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var page = site.Page("topics/economy/index.html");
        Assert.Contains("<h1>Economy</h1>", page);
        Assert.Contains("Beta report on the visit", page);
        Assert.Contains("href=\"/topics/economy/\"", site.Page("index.html"));
    }

    [Fact]
    public void Check_validates_without_writing()
    {
        using var site = new TestSite();
        var r = site.Build(write: false);
        Assert.True(r.Success);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        using var site = new TestSite();
        site.Write("articles/2023-12-14-beta.md", File.ReadAllText(Path.Combine(site.Input, "articles/2023-12-14-beta.md")).Replace("topics:", "draft: true\ntopics:"));
        Assert.True(site.Build().Success);
        Assert.False(File.Exists(Path.Combine(site.Output, "articles/2023-12-14-beta/index.html")));
        Assert.True(site.Build(drafts: true).Success);
        Assert.True(File.Exists(Path.Combine(site.Output, "articles/2023-12-14-beta/index.html")));
    }

    [Fact]
    public void Strict_turns_warnings_into_a_failed_build()
    {
        using var site = new TestSite();
        site.Delete("summaries/2023-12-14-beta.yml");
        Assert.True(site.Build().Success);
        Assert.False(site.Build(strict: true).Success);
    }

    [Fact]
    public void Nothing_is_written_outside_the_output_folder()
    {
        using var site = new TestSite();
        var r = site.Build();
        Assert.True(r.Success);
        var outside = Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Order().ToArray();
        Assert.Equal(new[] { "input", "output" }, outside);
        Assert.All(r.Files, f => Assert.DoesNotContain("..", f.Path));
        Assert.Throws<IOException>(() => Output.AtomicWriter.SafePath(site.Output, "../escape.html"));
        Assert.Throws<IOException>(() => Output.AtomicWriter.SafePath(site.Output, "/etc/passwd"));
        Assert.Throws<IOException>(() => Output.AtomicWriter.SafePath(site.Output, "a\\..\\..\\b"));
    }

    [Fact]
    public void Ids_that_try_to_escape_the_output_folder_are_rejected_and_nothing_is_written()
    {
        using var site = new TestSite();
        site.Write("articles/..evil.md", "---\ntitle: x\nsource: alpha-news\ntopics: [security-cooperation]\n---\nText.\n");
        var r = site.Build();
        Assert.False(r.Success);
        DiagnosticAssert.Has(r, "BRF030", "articles/..evil.md");
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Base_url_with_a_path_prefix_prefixes_every_internal_link()
    {
        using var site = new TestSite();
        Assert.True(site.Build(baseUrl: "https://user.github.io/repo/").Success);
        var html = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("href=\"/repo/assets/site.", html);
        Assert.Contains("<link rel=\"canonical\" href=\"https://user.github.io/repo/articles/2023-12-13-alpha/\">", html);
        Assert.DoesNotMatch("(href|src)=\"/(?!repo/)", html);
    }

    [Fact]
    public void Article_page_carries_open_graph_and_news_article_json_ld()
    {
        using var site = new TestSite();
        site.Build();
        var html = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("<meta property=\"article:published_time\" content=\"2023-12-13\">", html);
        Assert.Contains("\"@type\":\"NewsArticle\"", html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public void Unknown_date_and_author_are_shown_as_unknown()
    {
        using var site = new TestSite();
        site.Build();
        var html = site.Page("articles/2023-12-14-beta/index.html");
        Assert.Contains("date unknown", html);
        Assert.Contains("not named in the captured text", html);
        Assert.Contains("link unknown", html);
    }

    internal static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}

public sealed class TemplateErrorTests
{
    private static string CopyTheme(string root)
    {
        var theme = Path.Combine(root, "theme");
        Folders.Copy(Repo.Theme, theme);
        return theme;
    }

    [Fact]
    public void A_template_syntax_error_names_the_template_file_and_line()
    {
        using var site = new TestSite();
        site.Theme = CopyTheme(site.Root);
        var path = Path.Combine(site.Theme, "pages", "timeline.sbn-html");
        File.WriteAllText(path, "<div>\n<h1>Timeline</h1>\n{{ for year in page.years }}\n<p>{{ year.year }</p>\n");
        var r = site.Build();
        Assert.False(r.Success);
        var d = Assert.Single(r.Diagnostics, x => x.Code == "BRF080");
        Assert.EndsWith("pages/timeline.sbn-html", d.File);
        Assert.True(d.Line is >= 3 and <= 5, d.ToString());
    }

    [Fact]
    public void A_binding_that_names_nothing_fails_the_build_naming_the_template_and_line()
    {
        using var site = new TestSite();
        site.Theme = CopyTheme(site.Root);
        var path = Path.Combine(site.Theme, "pages", "glossary.sbn-html");
        File.WriteAllText(path, "<div>\n<h1>Glossary</h1>\n<p>{{ page.peopel }}</p>\n</div>\n");
        var r = site.Build();
        Assert.False(r.Success);
        var d = Assert.Single(r.Diagnostics, x => x.Code == "BRF080");
        Assert.EndsWith("pages/glossary.sbn-html", d.File);
        Assert.Equal((3, 12), (d.Line, d.Column)); // at the member
        Assert.Contains("'peopel'", d.Message);
        Assert.Contains("did you mean 'people'", d.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Template_values_are_html_escaped()
    {
        using var site = new TestSite();
        site.Write("glossary.yml", "- id: x\n  name: \"<script>alert(1)</script> & co\"\n  kind: term\n  text: \"{{site.title}} stays text\"\n");
        Assert.True(site.Build().Success);
        var html = site.Page("glossary/index.html");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.Contains("{{site.title}} stays text", html);
    }

    [Fact]
    public void A_quote_that_itself_holds_double_quotes_is_printed_nested_not_doubled()
    {
        using var site = new TestSite();
        site.Write("summaries/2023-12-13-alpha.yml", site.Read("summaries/2023-12-13-alpha.yml")
            .Replace("quote: \"work more closely on \\\"intelligence exchanges\\\"\"", "quote: \"“intelligence exchanges” and defence\""));
        Assert.True(site.Build().Success);
        // a key point's quote is printed in full on its topic's page (the article page links to the passage)
        var html = site.Page("topics/security-cooperation/index.html");
        Assert.Contains("“‘intelligence exchanges’ and defence”", html);
        Assert.DoesNotContain("““", html);
        Assert.Equal("“a ‘b’ <c>”", Rendering.TemplateEngine.Quoted("a “b” <c>"));
    }

    [Fact]
    public void An_inferred_outlet_and_date_are_marked_as_inferred_wherever_they_are_shown()
    {
        using var site = new TestSite();
        site.Write("articles/2023-12-13-alpha.md", site.Read("articles/2023-12-13-alpha.md")
            .Replace("published: 2023-12-13\n", "published: 2023-12-13\npublished_note: \"The text says Wednesday.\"\nsource_note: \"From house style.\"\n"));
        Assert.True(site.Build().Success);
        var article = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("(inferred)", article);
        Assert.Contains("The text says Wednesday.", article);
        Assert.Contains("Inferred: From house style.", article);
        Assert.Contains("(attribution inferred)", site.Page("compare/index.html"));
        Assert.Contains("(attribution inferred)", site.Page("topics/security-cooperation/index.html"));
        // the other article states its date: no marker
        Assert.DoesNotContain("inferred", site.Page("articles/2023-12-14-beta/index.html"));
    }

    [Fact]
    public void A_timeline_event_with_topics_is_listed_only_on_those_topic_pages()
    {
        using var site = new TestSite();
        site.Write("timeline.yml", """
            - date: 2023-12-13
              title: Xi ends visit
              articles: [2023-12-13-alpha]
              topics: [security-cooperation]
            - date: 2023-09
              title: Biden visits Hanoi
              articles: [2023-12-13-alpha]
            """);
        Assert.True(site.Build().Success);
        var security = site.Page("topics/security-cooperation/index.html");
        var maritime = site.Page("topics/maritime-disputes/index.html");
        Assert.Contains("Xi ends visit", security);
        Assert.DoesNotContain("Xi ends visit", maritime);
        // without topics, an event follows its articles (alpha is on both topics)
        Assert.Contains("Biden visits Hanoi", security);
        Assert.Contains("Biden visits Hanoi", maritime);
    }

    [Fact]
    public void A_timeline_topic_that_names_nothing_is_an_error_with_the_ids_that_exist()
    {
        using var site = new TestSite();
        site.Write("timeline.yml", "- date: 2023-12-13\n  title: Xi ends visit\n  topics: [maritime-dispute]\n");
        var r = site.Build();
        Assert.False(r.Success);
        var d = Assert.Single(r.Diagnostics, x => x.Severity == Diagnostics.Severity.Error);
        Assert.EndsWith("timeline.yml", d.File);
        Assert.Equal(3, d.Line);
        Assert.Contains("maritime-disputes", d.Message);
    }
}

/// <summary>
/// The command line streams (each article rendered as it is loaded, each page planned just before it is rendered,
/// nothing kept); the preview keeps everything. Both must write the same site and report the same problems.
/// </summary>
public sealed class StreamedBuildTests
{
    private static void AssertSameSite(string input, string theme, bool drafts = false)
    {
        var root = Directory.CreateTempSubdirectory("briefing-streamed-");
        try
        {
            BuildResult Build(string output, bool streamed) => new SiteBuilder().Build(new BuildOptions
            {
                InputDir = input, ThemeDir = theme, OutputDir = Path.Combine(root.FullName, output), Drafts = drafts, KeepFiles = !streamed,
            });
            var kept = Build("kept", streamed: false);
            var streamed = Build("streamed", streamed: true);
            Assert.True(kept.Success, string.Join("\n", kept.Diagnostics));
            Assert.True(streamed.Success, string.Join("\n", streamed.Diagnostics));
            Assert.Equal(kept.Diagnostics.Select(d => d.ToString()), streamed.Diagnostics.Select(d => d.ToString()));
            Assert.Equal(kept.Files.Select(f => f.Path), streamed.Files.Select(f => f.Path));
            var a = BuildTests.Snapshot(Path.Combine(root.FullName, "kept"));
            var b = BuildTests.Snapshot(Path.Combine(root.FullName, "streamed"));
            Assert.True(a.Count > 10, $"only {a.Count} files written");
            Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, content) in a) Assert.True(content == b[path], $"{path} differs between a kept and a streamed build");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_real_briefing_is_the_same_streamed_or_kept() => AssertSameSite(Repo.Input, Repo.Theme);

    [Fact]
    public void A_test_site_with_drafts_and_problems_is_the_same_streamed_or_kept()
    {
        using var site = new TestSite();
        // a warning (an unsafe link), a draft and a second article that reuses the first one's text
        site.Write("articles/2023-12-20-gamma.md", "---\ntitle: Gamma\nsource: alpha-news\ntopics: [security-cooperation]\ndraft: true\n---\nA [bad link](javascript:alert(1)) in a draft.\n");
        Assert.Contains(site.Build().Diagnostics, d => d.Code == "BRF041" || d.Message.Contains("unsafe scheme"));
        AssertSameSite(site.Input, site.Theme);
        AssertSameSite(site.Input, site.Theme, drafts: true);
    }

    [Fact]
    public void A_streamed_write_refuses_two_files_at_one_path_and_leaves_nothing_behind()
    {
        var root = Directory.CreateTempSubdirectory("briefing-writer-");
        try
        {
            var output = Path.Combine(root.FullName, "output");
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "old.html"), "previous");
            using (var session = new Output.AtomicWriter(output).Begin())
            {
                session.Write("a/b/index.html", "x"u8);
                var ex = Assert.Throws<IOException>(() => session.Write("a/b/index.html", "y"u8));
                Assert.Contains("a/b/index.html", ex.Message);
                Assert.Throws<IOException>(() => session.Write("../escape.html", "z"u8));
            }
            // not committed: the previous output is as it was, and no temporary folder is left
            Assert.Equal(["old.html"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            Assert.Equal(["output"], Directory.GetFileSystemEntries(root.FullName).Select(Path.GetFileName));

            using (var session = new Output.AtomicWriter(output).Begin())
            {
                session.Write("a/b/index.html", "x"u8);
                session.Write("c.html", "y"u8);
                session.Commit();
            }
            Assert.Equal("x", File.ReadAllText(Path.Combine(output, "a", "b", "index.html")));
            Assert.False(File.Exists(Path.Combine(output, "old.html")));
            Assert.Equal(["output"], Directory.GetFileSystemEntries(root.FullName).Select(Path.GetFileName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
