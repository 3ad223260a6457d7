using System.Text.RegularExpressions;
using System.Xml.Linq;
using Briefing.Diagnostics;
using Briefing.Tests.Support;

namespace Briefing.Tests.Hostile;

/// <summary>
/// Injection: script, javascript:/data: URLs, event handlers, a title that closes &lt;title&gt; and template code
/// in content never reach a page as executable markup. Every assertion is made on the built HTML.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>Markdown payloads, each on its own block. Keep the count in <see cref="MarkdownPayloads_are_counted"/>.</summary>
    public static readonly string[] MarkdownPayloads =
    [
        "<script>alert('block')</script>",
        "Inline <script>alert('inline')</script> script.",
        "An image <img src=x onerror=\"alert('img')\"> with a handler.",
        "<a href=\"javascript:alert('raw')\" onclick=\"alert('raw')\">raw link</a>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<svg onload=\"alert('svg')\"><script>alert('svg')</script></svg>",
        "<style>body{background:url(javascript:alert('css'))}</style>",
        "</p></div></main><script>alert('breakout')</script>",
        "<!-- --><script>alert('comment')</script>",
        "[plain](javascript:alert('link'))",
        "[mixed case](JaVaScRiPt:alert('case'))",
        "[entity tab](java&#x09;script:alert('tab'))",
        "[entity j](&#106;avascript:alert('entity'))",
        "[named colon](javascript&colon;alert('colon'))",
        "[pointy](<javascript:alert('pointy')>)",
        "[leading space]( javascript:alert('space'))",
        "<javascript:alert('autolink')>",
        "[vb](vbscript:msgbox('vb'))",
        "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[data link](data:text/html,%3Cscript%3Ealert('data')%3C/script%3E)",
        "[file](file:///etc/passwd)",
        "[ref link][evil]\n\n[evil]: javascript:alert('ref')",
        "![ref image][evil-img]\n\n[evil-img]: data:text/html,<script>alert('refimg')</script>",
        "[title breakout](https://example.org/ \"\\\" onmouseover=\\\"alert('title')\")",
        "[url breakout](https://example.org/\"onmouseover=\"alert('url'))",
        "## <img src=x onerror=alert('heading')>",
        "| <script>alert('table')</script> | x |\n| --- | --- |\n| <b onmouseover=alert('cell')>b</b> | y |",
        "`<script>alert('code')</script>` and\n\n    <script>alert('indented')</script>",
        "{{site.title}} {{{bodyHtml}}} {{#each pages}}loop{{/each}} {{> layout}} {{/if}}",
    ];

    [Fact]
    public void MarkdownPayloads_are_counted() => Assert.Equal(29, MarkdownPayloads.Length);

    private static readonly string Scripty = "</title><script>alert('yaml')</script><img src=x onerror=alert('yaml')> {{site.title}} {{{bodyHtml}}}";

    private static TestSite InjectedSite()
    {
        var site = new TestSite();
        var payloads = string.Join("\n\n", MarkdownPayloads);
        var y = "\"" + Scripty.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        site.Write("site.yml", $"title: {y}\ndescription: {y}\nbase_url: https://example.org/\nlanguage: en\nlede: {y}\ntakeaways:\n  - text: {y}\n    articles: [2023-12-13-alpha]\n");
        site.Write("articles/2023-12-13-alpha.md", $"""
            ---
            title: {y}
            source: alpha-news
            published: 2023-12-13
            author: {y}
            dek: {y}
            topics: [security-cooperation, maritime-disputes]
            ---
            China and Vietnam agreed to set up more hotlines for incidents at sea.

            ## Security

            The two sides vowed to work more closely on “intelligence exchanges” and defence.

            {payloads}
            """);
        site.Write("articles/2023-12-14-beta.md", $"""
            ---
            title: Beta {y}
            source: beta-wire
            topics: [security-cooperation]
            derived_from: 2023-12-13-alpha
            ---
            In their 16-page joint statement, the two vowed to work more closely.

            China and Vietnam agreed to set up more hotlines for incidents at sea.

            {payloads}
            """);
        site.Write("summaries/2023-12-14-beta.yml", $"summary: {y}\nangle: {y}\nkey_points:\n  - text: {y}\n    topic: security-cooperation\n    quote: \"their 16-page joint statement\"\nclaims:\n  - claim: statement-length\n    quote: \"their 16-page joint statement\"\n");
        site.Write("topics/security-cooperation.md", $"---\ntitle: {y}\norder: 1\nquestion: {y}\n---\nOverview.\n\n{payloads}\n");
        site.Write("sources/beta-wire.yml", $"name: {y}\nkind: news-site\ncountry: {y}\nnote: {y}\n");
        site.Write("claims.yml", $"- id: hotlines\n  topic: maritime-disputes\n  text: {y}\n- id: statement-length\n  topic: security-cooperation\n  text: {y}\n");
        site.Write("timeline.yml", $"- date: 2023-12-13\n  title: {y}\n  text: {y}\n  articles: [2023-12-13-alpha]\n");
        site.Write("glossary.yml", $"- id: x\n  name: {y}\n  kind: term\n  text: {y}\n");
        return site;
    }

    [Fact]
    public void The_checker_finds_executable_markup_in_every_disguise()
    {
        string[] bad =
        [
            "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
            "<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a href='  JAVASCRIPT:alert(1)'>x</a>", "<a href=javascript:alert(1)>x</a>",
            "<img src=\"data:image/svg+xml,x\">", "<iframe src=x></iframe>", "<svg/onload=alert(1)>", "<body onload=alert(1)>",
            "<title>a</title></title>", "<script type=\"application/ld+json\">{\"a\":\"</script><script>alert(1)\"}</script>",
            "<div style=\"background:url(javascript:alert(1))\">", "<a href=\"java%73cript:alert(1)\">",
        ];
        foreach (var b in bad) Assert.True(HtmlSafety.Problems(b).Count > 0, b);
        Assert.Empty(HtmlSafety.Problems("<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://example.org/?onload=1\" title=\"onclick\">on</a></p>"));
    }

    [Fact]
    public void The_clean_theme_passes_the_checker()
    {
        using var site = Hostile.BuiltSite();
        HtmlSafety.AssertSafe(site.Output);
    }

    [Fact]
    public void No_payload_in_markdown_or_yaml_reaches_a_page_as_executable_markup()
    {
        using var site = InjectedSite();
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        Hostile.NoCrash(err);
        HtmlSafety.AssertSafe(site.Output);

        // each unsafe URL was reported and removed, raw HTML was reported once per file
        var unsafeLinks = Regex.Matches(err, @"articles/2023-12-13-alpha\.md\(\d+,\d+\): warning BRF070").Count;
        Assert.Equal(14, unsafeLinks);
        Assert.Contains("2023-12-13-alpha.md", err[err.IndexOf("warning BRF071", StringComparison.Ordinal)..].Split('\n')[0] + err);
        Assert.Matches(@"topics/security-cooperation\.md\(\d+,\d+\): warning BRF070", err);
    }

    [Fact]
    public void Payloads_are_shown_as_text_on_every_page_that_carries_them()
    {
        using var site = InjectedSite();
        Assert.Equal(0, Hostile.Build(site).Code);
        var article = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("&lt;script&gt;alert('block')&lt;/script&gt;", article);
        Assert.Contains("&lt;img src=x onerror=&quot;alert('img')&quot;&gt;", article);
        // the title closes nothing: exactly one <title> element, holding the escaped text
        var title = Regex.Match(article, "<title>(.*?)</title>", RegexOptions.Singleline);
        Assert.True(title.Success);
        Assert.StartsWith("&lt;/title&gt;&lt;script&gt;", title.Groups[1].Value);
        // template code in content is text, never evaluated: the site title did not replace it
        Assert.Contains("{{site.title}} {{{bodyHtml}}} {{#each pages}}loop{{/each}} {{&gt; layout}} {{/if}}", article);
        Assert.Contains("{{site.title}} {{{bodyHtml}}}", site.Page("glossary/index.html"));
        Assert.Contains("{{site.title}} {{{bodyHtml}}}", site.Page("timeline/index.html"));
        // neutralised links keep their text, lose their href
        Assert.Contains("plain", article);
        Assert.DoesNotMatch(@"href=""[^""]*(script|data):", article);
        Assert.Matches(@"<a href=""https://example.org/[^""<>]*onmouseover[^""<>]*"">url breakout</a>", article); // the quote stays inside the URL
    }

    [Fact]
    public void The_side_by_side_page_of_two_texts_with_payloads_is_safe()
    {
        using var site = InjectedSite();
        Assert.Equal(0, Hostile.Build(site).Code);
        var pairs = Directory.GetFiles(Path.Combine(site.Output, "compare"), "index.html", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Path.Combine(site.Output, "compare")).ToList();
        Assert.NotEmpty(pairs);
        Assert.Contains(pairs, p => File.ReadAllText(p).Contains("&lt;script&gt;alert(", StringComparison.Ordinal));
    }

    [Fact]
    public void Feeds_stay_well_formed_xml_with_the_payload_as_text()
    {
        using var site = InjectedSite();
        Assert.Equal(0, Hostile.Build(site).Code);
        var feed = XDocument.Load(Path.Combine(site.Output, "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Descendants(atom + "title"), t => t.Value == Scripty);
        Assert.DoesNotContain(feed.Descendants(), e => e.Name.LocalName is "script" or "img");
        XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
    }

    [Fact]
    public void Json_ld_never_holds_a_raw_angle_bracket()
    {
        using var site = InjectedSite();
        Assert.Equal(0, Hostile.Build(site).Code);
        var html = site.Page("articles/2023-12-13-alpha/index.html");
        var ld = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(ld.Success);
        Assert.DoesNotContain("<", ld.Groups[1].Value);
        var parsed = System.Text.Json.JsonDocument.Parse(ld.Groups[1].Value);
        Assert.Equal(Scripty, parsed.RootElement.GetProperty("headline").GetString());
    }

    [Theory]
    [InlineData("url: javascript:alert(1)")]
    [InlineData("url: \"data:text/html,<script>alert(1)</script>\"")]
    [InlineData("url: \"  javascript:alert(1)\"")]
    [InlineData("url: //evil.example/")]
    public void An_original_url_that_is_not_http_is_an_error(string line)
    {
        using var site = Hostile.BuiltSite();
        var path = Path.Combine(site.Input, "articles/2023-12-13-alpha.md");
        site.Write("articles/2023-12-13-alpha.md", File.ReadAllText(path).Replace("author: Jane Writer", "author: Jane Writer\n" + line));
        Hostile.FailsCleanly(site, Codes.InvalidValue, "articles/2023-12-13-alpha.md");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("\"JavaScript:alert(document.cookie)\"")]
    [InlineData("\"data:text/html,<script>alert(1)</script>\"")]
    [InlineData("vbscript:msgbox(1)")]
    public void A_source_website_that_is_not_http_is_an_error_and_never_a_link(string url)
    {
        using var site = Hostile.BuiltSite();
        site.Write("sources/beta-wire.yml", $"name: Beta Wire\nkind: news-site\nurl: {url}\nnote: x\n");
        Hostile.FailsCleanly(site, Codes.InvalidValue, "sources/beta-wire.yml", line: 3);
    }

    [Theory]
    [InlineData("\"/old path/ /evil 200\"")]
    [InlineData("\"/old\\n/admin/* /articles/2023-12-13-alpha/ 200!\"")]
    [InlineData("\"/old\\t/x\"")]
    public void A_redirect_from_path_cannot_inject_redirect_rules(string path)
    {
        using var site = Hostile.BuiltSite();
        var file = Path.Combine(site.Input, "articles/2023-12-13-alpha.md");
        site.Write("articles/2023-12-13-alpha.md", File.ReadAllText(file).Replace("author: Jane Writer", $"author: Jane Writer\nredirect_from: [{path}]"));
        Hostile.FailsCleanly(site, Codes.InvalidValue, "articles/2023-12-13-alpha.md", line: 6);
    }

    [Theory]
    [InlineData("base_url", "javascript:alert(1)//")]
    [InlineData("base_url", "https://example.org/\\\"><script>alert(1)</script>")]
    [InlineData("base_url", "//evil.example/")]
    [InlineData("base_url", "data:text/html,<script>alert(1)</script>")]
    [InlineData("language", "en\\\" onload=\\\"alert(1)")]
    [InlineData("description", "</title></head><body onload=alert(1)>")]
    public void Hostile_site_settings_never_become_executable_markup(string key, string value)
    {
        using var site = new TestSite();
        var yml = File.ReadAllLines(Path.Combine(site.Input, "site.yml")).Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal));
        site.Write("site.yml", string.Join("\n", yml) + $"\n{key}: \"{value}\"\n");
        var (code, _, err) = Hostile.Build(site);
        Hostile.NoCrash(err);
        Assert.True(code is 0 or 1, err);
        if (code == 1) return;
        HtmlSafety.AssertSafe(site.Output);
        XDocument.Load(Path.Combine(site.Output, "feed.xml"));
        XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
    }

    [Fact]
    public void Raw_html_is_kept_only_when_the_site_allows_it_and_unsafe_urls_are_still_removed()
    {
        using var site = new TestSite();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Input, "site.yml")) + "\nallow_html: true\n");
        site.Write("articles/2023-12-14-beta.md", File.ReadAllText(Path.Combine(site.Input, "articles/2023-12-14-beta.md")) + "\n[x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) <kbd>Ctrl</kbd>\n");
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        var html = site.Page("articles/2023-12-14-beta/index.html");
        Assert.Contains("<kbd>Ctrl</kbd>", html);
        Assert.Empty(HtmlSafety.Problems(html));
    }
}

public sealed class TemplateEscapingTests
{
    [Theory]
    [InlineData("<div>\n  {{~ include 'p' t: page.t ~}}\n</div>")]
    [InlineData("<div>\n\t{{~ include 'p' t: page.t ~}}\n</div>")]
    [InlineData("<div>\n{{ include 'p' t: page.t }}\n</div>")]
    [InlineData("<div>{{ include 'p' t: page.t }}</div>")]
    [InlineData("<ul>\n  {{~ for item in page.items ~}}\n    {{ include 'p' t: item.t }}\n  {{~ end ~}}\n</ul>")]
    public void A_partial_escapes_its_values_however_it_is_indented(string page)
    {
        // Handlebars.Net 2.4 dropped HTML escaping inside an indented standalone partial; the home and
        // compare pages' coverage table let a topic title or source name in as raw markup that way.
        var theme = Path.Combine(Path.GetTempPath(), "briefing-theme-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(Path.Combine(theme, "pages"));
            Directory.CreateDirectory(Path.Combine(theme, "partials"));
            Directory.CreateDirectory(Path.Combine(theme, "layouts"));
            File.WriteAllText(Path.Combine(theme, "pages", "x.sbn-html"), page);
            File.WriteAllText(Path.Combine(theme, "partials", "p.sbn-html"), "<b>{{ t }}</b>");
            File.WriteAllText(Path.Combine(theme, "layouts", "base.sbn-html"), "{{ layout.body_html }}");
            var diags = new DiagnosticBag();
            var engine = Rendering.TemplateEngine.Load(theme, "theme", diags);
            Assert.NotNull(engine);
            var model = new { t = "<script>alert(1)</script>", items = new[] { new { t = "<img src=x onerror=alert(2)>" } } };
            var html = engine.Render("x", model, body => new { bodyHtml = body }, diags);
            Assert.NotNull(html);
            Assert.Empty(HtmlSafety.Problems(html));
            Assert.Contains("&lt;", html);
        }
        finally { Directory.Delete(theme, recursive: true); }
    }
}
