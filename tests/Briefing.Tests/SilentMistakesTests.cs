using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>Mistakes that used to pass in silence (issue 24, part 3): each is an error, or a warning where the guide gives advice.</summary>
public sealed class SilentMistakesTests
{
    private const string AlphaSummary = "summaries/2023-12-13-alpha.yml";

    [Fact]
    public void The_placeholders_that_new_article_writes_are_errors_at_each_field_and_paragraph()
    {
        using var site = new TestSite();
        Assert.Equal(0, Briefing.Cli.Scaffold.NewArticle(site.Input, "2024-01-05-gamma", "alpha-news", ["security-cooperation"], TextWriter.Null, TextWriter.Null));
        var r = site.Build();
        Assert.False(r.Success);
        var placeholders = r.Diagnostics.Where(d => d.Code == "BRF025").ToList();
        Assert.Contains(placeholders, d => d.File.EndsWith("articles/2024-01-05-gamma.md", StringComparison.Ordinal) && d.Line == 2 && d.Message.Contains("'title'", StringComparison.Ordinal));
        Assert.Contains(placeholders, d => d.File.EndsWith("articles/2024-01-05-gamma.md", StringComparison.Ordinal) && d.Line == 10 && d.Column == 1);
        foreach (var key in new[] { "'summary'", "'angle'", "'text' in a key point", "'quote' in a key point" })
            Assert.Contains(placeholders, d => d.File.EndsWith("summaries/2024-01-05-gamma.yml", StringComparison.Ordinal) && d.Message.Contains(key, StringComparison.Ordinal));
        // the placeholder quote is told once, as a placeholder, not also as a quote missing from the article
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == "BRF060" && d.File.Contains("gamma", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_topics_list_is_an_error()
    {
        using var site = new TestSite();
        site.Write("articles/2023-12-14-beta.md", site.Read("articles/2023-12-14-beta.md").Replace("topics: [security-cooperation]", "topics: []"));
        var d = DiagnosticAssert.Has(site.Build(), "BRF020", "articles/2023-12-14-beta.md", line: 4);
        Assert.Contains("'topics' in the article's front matter is an empty list", d.Message);
    }

    [Fact]
    public void A_summary_with_no_key_points_is_an_error()
    {
        using var site = new TestSite();
        var text = site.Read(AlphaSummary);
        site.Write(AlphaSummary, text[..text.IndexOf("key_points:", StringComparison.Ordinal)] + "key_points: []\n" + text[text.IndexOf("claims:", StringComparison.Ordinal)..]);
        Assert.Contains("'key_points' in the summary is an empty list", DiagnosticAssert.Has(site.Build(), "BRF020", AlphaSummary, line: 3).Message);
        site.Write(AlphaSummary, text[..text.IndexOf("key_points:", StringComparison.Ordinal)] + text[text.IndexOf("claims:", StringComparison.Ordinal)..]);
        Assert.Contains("'key_points'", DiagnosticAssert.Has(site.Build(), "BRF020", AlphaSummary).Message);
    }

    [Theory]
    [InlineData("the", 1)]
    [InlineData("set up more", 3)]
    public void A_quote_of_fewer_than_four_words_is_an_error(string quote, int words)
    {
        using var site = new TestSite();
        site.Write(AlphaSummary, site.Read(AlphaSummary).Replace("quote: \"agreed to set up more hotlines\"", $"quote: \"{quote}\""));
        var d = DiagnosticAssert.Has(site.Build(), "BRF061", AlphaSummary, line: 6);
        Assert.Contains($"This quote has {words} word", d.Message);
        Assert.Contains("at least 4 words", d.Message);
    }

    [Fact]
    public void A_quote_of_four_words_is_enough()
    {
        using var site = new TestSite();
        site.Write(AlphaSummary, site.Read(AlphaSummary).Replace("quote: \"agreed to set up more hotlines\"", "quote: \"set up more hotlines\""));
        var r = site.Build(strict: true);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void No_takeaways_and_a_one_word_lede_are_warnings_that_strict_fails_on()
    {
        using var site = new TestSite();
        var yml = site.Read("site.yml");
        var lede = yml[yml.IndexOf("lede:", StringComparison.Ordinal)..];
        site.Write("site.yml", yml[..yml.IndexOf("lede:", StringComparison.Ordinal)] + "lede: Briefly.\ntakeaways: []\n");
        var r = site.Build();
        Assert.True(r.Success);
        Assert.Contains("the guide advises 3–5", DiagnosticAssert.Has(r, "BRF026", "site.yml", line: 6).Message);
        Assert.Contains("The lede has 1 word; the guide advises 60–120 words", DiagnosticAssert.Has(r, "BRF026", "site.yml", line: 5).Message);
        Assert.False(site.Build(strict: true).Success);
        Assert.True(lede.Length > 0);
    }

    [Fact]
    public void A_lede_over_120_words_is_a_warning_that_says_to_shorten_it()
    {
        using var site = new TestSite();
        var yml = site.Read("site.yml");
        var start = yml.IndexOf("lede:", StringComparison.Ordinal);
        var end = yml.IndexOf('\n', start);
        var words = string.Join(' ', Enumerable.Repeat("word", 121));
        site.Write("site.yml", yml[..start] + "lede: " + words + yml[end..]);
        var r = site.Build();
        Assert.True(r.Success);
        var lede = DiagnosticAssert.Has(r, "BRF026", "site.yml", line: 5);
        Assert.Contains("The lede has 121 words; the guide advises 60–120 words", lede.Message);
        Assert.Contains("Shorten it", lede.Message);
        site.Write("site.yml", yml[..start] + "lede: " + string.Join(' ', Enumerable.Repeat("word", 120)) + yml[end..]);
        Assert.DoesNotContain(site.Build().Diagnostics, x => x.Code == "BRF026");
    }

    [Fact]
    public void The_minimal_site_meets_the_advice_so_strict_passes()
    {
        using var site = new TestSite();
        var r = site.Build(strict: true);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }
}
