using Briefing.Content;
using Briefing.Tests.Support;

namespace Briefing.Tests.Preview;

/// <summary>
/// The preview's incremental rebuild (one builder with a cache, reusing unchanged pages) must write exactly what a
/// clean build of the same input writes, whatever was edited.
/// </summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "briefing-incremental-" + Guid.NewGuid().ToString("N")[..12]);
    private string Input => Path.Combine(_root, "input");
    private string Preview => Path.Combine(_root, "preview");
    private string Clean => Path.Combine(_root, "clean");

    private const string Article = "articles/2023-12-13-scmp-new-stage.md";
    private const string Other = "articles/2023-12-14-security-cooperation-xi-visit.md";

    public IncrementalRebuildTests() => Folders.Copy(Repo.Input, Input);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private void Edit(string relative, Func<string, string> change)
    {
        var path = Path.Combine(Input, relative);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    /// <summary>Inserts a paragraph as the body's first: every paragraph after it moves, and so does every quote's link.</summary>
    private static string InsertFirstParagraph(string text, string paragraph)
    {
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        return text[..end] + "\n" + paragraph + "\n\n" + text[end..];
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        return text[..at] + to + text[(at + from.Length)..];
    }

    public static TheoryData<string> Edits() =>
    [
        "body", "body-end", "summary", "title", "claim", "source", "topic", "site", "derived-from", "key-point-quote", "delete-summary",
        "new-article", "draft", "correction", "claim-checked", "variant", "brief-quote",
        "source-kind", "source-country", "timeline", "glossary", "takeaways", "lede", "site-base-url",
    ];

    private void Apply(string edit)
    {
        switch (edit)
        {
            case "body": Edit(Article, t => InsertFirstParagraph(t, "An added first paragraph moves every other one down.")); break;
            case "body-end": Edit(Other, t => t.TrimEnd() + "\n\nA paragraph added at the end.\n"); break;
            case "summary": Edit("summaries/2023-12-13-scmp-new-stage.yml", t => ReplaceFirst(t, "reports that", "writes that")); break;
            case "title": Edit(Article, t => ReplaceFirst(t, "title: \"China-Vietnam relations", "title: \"China–Vietnam ties")); break;
            case "claim": Edit("claims.yml", t => ReplaceFirst(t, "made a two-day visit to Vietnam", "paid a two-day visit to Vietnam")); break;
            case "source": Edit("sources/scmp.yml", t => ReplaceFirst(t, "name: South China Morning Post", "name: The South China Morning Post")); break;
            case "topic": Edit("topics/us-ties.md", t => ReplaceFirst(t, "title: US ties", "title: Ties with the US")); break;
            case "site": Edit("site.yml", t => ReplaceFirst(t, "description: ", "description: Changed. ")); break;
            case "derived-from": Edit(Other, t => ReplaceFirst(t, "\ntopics:", "\nderived_from: 2023-12-13-scmp-new-stage\ntopics:")); break;
            case "key-point-quote":
                Edit("summaries/2023-12-13-scmp-new-stage.yml", t =>
                {
                    // the summary's first key point now quotes the article's first body paragraph
                    var q = t.IndexOf("quote: ", t.IndexOf("key_points:", StringComparison.Ordinal), StringComparison.Ordinal);
                    var end = t.IndexOf('\n', q);
                    return t[..q] + "quote: \"to step up cooperation and build\"" + t[end..];
                });
                break;
            case "delete-summary": File.Delete(Path.Combine(Input, "summaries/2023-12-14-security-cooperation-xi-visit.yml")); break;
            case "new-article":
                var copy = File.ReadAllText(Path.Combine(Input, Other));
                File.WriteAllText(Path.Combine(Input, "articles/2023-12-15-copy.md"), ReplaceFirst(copy, "title: \"", "title: \"A copy of "));
                break;
            case "draft": Edit(Other, t => ReplaceFirst(t, "\ntopics:", "\ndraft: true\ntopics:")); break; // its page and folder go
            case "variant": Edit("glossary.yml", t => ReplaceFirst(t, "    - color revolution\n", "")); break;
            case "brief-quote": Edit("summaries/2023-12-14-security-cooperation-xi-visit.yml", t => t.Replace("claims:\n", "claims:\n  - claim: xi-two-day-visit\n    quote: \"wrapped up his two-day visit\"\n", StringComparison.Ordinal)); break;
            case "correction": Edit("corrections.yml", t => t + "- date: 2026-12-04\n  claim: xi-two-day-visit\n  wrong: A test.\n  now: Another.\n"); break;
            case "claim-checked": Edit("claims.yml", t => ReplaceFirst(t, "text: Chinese President Xi Jinping made a two-day visit to Vietnam.", "text: Chinese President Xi Jinping made a two-day visit to Vietnam.\n  checked: 2026-12-01")); break;
            case "source-kind": Edit("sources/scmp.yml", t => ReplaceFirst(t, "kind: newspaper", "kind: news-site")); break;
            case "source-country": Edit("sources/scmp.yml", t => ReplaceFirst(t, "country: unknown", "country: Hong Kong")); break;
            case "timeline": Edit("timeline.yml", t => ReplaceFirst(t, "title: US and Vietnam establish", "title: The US and Vietnam establish")); break;
            case "glossary": Edit("glossary.yml", t => ReplaceFirst(t, "role: President of China", "role: The President of China")); break;
            case "takeaways": Edit("site.yml", t => ReplaceFirst(t, "Security moved to the centre", "Security moved to the very centre")); break;
            case "lede": Edit("site.yml", t => ReplaceFirst(t, "In December 2023 China's Xi Jinping", "In December 2023 China's President Xi Jinping")); break;
            case "site-base-url": Edit("site.yml", t => ReplaceFirst(t, "base_url: https://example.org/", "base_url: https://example.org/briefing/")); break;
            default: throw new ArgumentException(edit);
        }
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_incremental_rebuild_writes_what_a_clean_build_writes(string edit)
    {
        var builder = new SiteBuilder(new ArticleCache());
        var options = new BuildOptions { InputDir = Input, ThemeDir = Repo.Theme, OutputDir = Preview };
        var first = builder.Build(options);
        Assert.True(first.Success, string.Join("\n", first.Diagnostics));
        // a rebuild with nothing changed keeps every page
        var again = builder.Build(options);
        Assert.True(again.Success);
        Assert.Equal(again.PagesWritten, builder.LastReusedPages);
        AssertSameOutput(first, again);

        Apply(edit);
        var incremental = builder.Build(options);
        Assert.True(incremental.Success, string.Join("\n", incremental.Diagnostics));
        var clean = new SiteBuilder().Build(options with { OutputDir = Clean });
        Assert.True(clean.Success, string.Join("\n", clean.Diagnostics));
        Assert.NotEqual(first.Files.Select(f => Convert.ToHexString(f.Content)), clean.Files.Select(f => Convert.ToHexString(f.Content)));
        AssertSameOutput(clean, incremental);
        Folders.AssertSame(Clean, Preview);

        // and a second edit on top of the first
        Edit(Article, t => t.TrimEnd() + "\n\nOne more paragraph.\n");
        incremental = builder.Build(options);
        clean = new SiteBuilder().Build(options with { OutputDir = Clean });
        Assert.True(incremental.Success && clean.Success);
        AssertSameOutput(clean, incremental);
        Folders.AssertSame(Clean, Preview);
    }

    /// <summary>The same with one item per page: every list of the briefing is paginated (issue 23).</summary>
    [Theory]
    [MemberData(nameof(Edits))]
    public void With_every_list_paginated_the_incremental_rebuild_writes_what_a_clean_build_writes(string edit)
    {
        File.AppendAllText(Path.Combine(Input, "site.yml"), "\npage_size: 1\n");
        After_an_edit_the_incremental_rebuild_writes_what_a_clean_build_writes(edit);
    }

    [Theory]
    [InlineData("pages/article.sbn-html", "articles/2023-12-13-scmp-new-stage/index.html", "index.html")]
    [InlineData("partials/quote.sbn-html", "topics/security-cooperation/index.html", "timeline/index.html")]
    [InlineData("layouts/base.sbn-html", "index.html", null)]
    public void After_a_template_edit_the_pages_that_use_it_are_rendered_again_as_a_clean_build_renders_them(string template, string uses, string? doesNotUse)
    {
        var theme = Path.Combine(_root, "theme");
        Folders.Copy(Repo.Theme, theme);
        var builder = new SiteBuilder(new ArticleCache());
        var options = new BuildOptions { InputDir = Input, ThemeDir = theme, OutputDir = Preview };
        Assert.True(builder.Build(options).Success);

        var path = Path.Combine(theme, template);
        File.WriteAllText(path, "<!--edited-->" + File.ReadAllText(path));
        var incremental = builder.Build(options);
        Assert.True(incremental.Success, string.Join("\n", incremental.Diagnostics));
        Assert.Contains("<!--edited-->", File.ReadAllText(Path.Combine(Preview, uses)));
        if (doesNotUse is not null) Assert.DoesNotContain("<!--edited-->", File.ReadAllText(Path.Combine(Preview, doesNotUse)));
        var clean = new SiteBuilder().Build(options with { OutputDir = Clean });
        AssertSameOutput(clean, incremental);
        Folders.AssertSame(Clean, Preview);

        // a mistake in the template fails the rebuild, naming the place; fixed, the next rebuild succeeds
        File.WriteAllText(path, File.ReadAllText(path) + "{{ page.no_such_field }}{{ if }}");
        var broken = builder.Build(options);
        Assert.False(broken.Success);
        Assert.Contains(broken.Diagnostics, d => d.Code == "BRF080" && d.File.EndsWith(template, StringComparison.Ordinal));
        File.WriteAllText(path, File.ReadAllText(path).Replace("{{ page.no_such_field }}{{ if }}", "", StringComparison.Ordinal));
        incremental = builder.Build(options);
        Assert.True(incremental.Success, string.Join("\n", incremental.Diagnostics));
        AssertSameOutput(clean, incremental);
    }

    [Fact]
    public void After_a_stylesheet_edit_every_page_links_the_new_stylesheet_as_a_clean_build_does()
    {
        var theme = Path.Combine(_root, "theme");
        Folders.Copy(Repo.Theme, theme);
        var builder = new SiteBuilder(new ArticleCache());
        var options = new BuildOptions { InputDir = Input, ThemeDir = theme, OutputDir = Preview };
        var first = builder.Build(options);
        Assert.True(first.Success, string.Join("\n", first.Diagnostics));

        File.AppendAllText(Path.Combine(theme, "assets", "site.css"), "\n/* edited */\n");
        var incremental = builder.Build(options);
        Assert.True(incremental.Success, string.Join("\n", incremental.Diagnostics));
        Assert.Equal(0, builder.LastReusedPages); // the stylesheet's name is in every page
        var clean = new SiteBuilder().Build(options with { OutputDir = Clean });
        Assert.True(clean.Success);
        Assert.NotEqual(first.Files.Select(f => f.Path), clean.Files.Select(f => f.Path));
        AssertSameOutput(clean, incremental);
        Folders.AssertSame(Clean, Preview);
    }

    [Fact]
    public void A_different_base_url_replans_every_page()
    {
        var builder = new SiteBuilder(new ArticleCache());
        var options = new BuildOptions { InputDir = Input, ThemeDir = Repo.Theme, OutputDir = Preview };
        Assert.True(builder.Build(options).Success);
        var incremental = builder.Build(options with { BaseUrl = "https://example.net/sub/" });
        var clean = new SiteBuilder().Build(options with { OutputDir = Clean, BaseUrl = "https://example.net/sub/" });
        Assert.True(incremental.Success && clean.Success);
        AssertSameOutput(clean, incremental);
        Folders.AssertSame(Clean, Preview);
    }

    private static void AssertSameOutput(BuildResult expected, BuildResult actual)
    {
        Assert.Equal(expected.Files.Select(f => f.Path), actual.Files.Select(f => f.Path));
        foreach (var (e, a) in expected.Files.Zip(actual.Files))
            Assert.True(e.Content.AsSpan().SequenceEqual(a.Content), $"{e.Path} differs");
    }
}
