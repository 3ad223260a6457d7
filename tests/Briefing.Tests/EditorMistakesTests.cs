using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>
/// An editor's usual mistakes (issue 24, part 2): a file that cannot be parsed gives its own errors and none about what
/// refers to it; YAML mistakes are told in an editor's words at the character that causes them.
/// </summary>
public sealed class EditorMistakesTests
{
    private const string Alpha = "articles/2023-12-13-alpha.md";
    private const string AlphaSummary = "summaries/2023-12-13-alpha.yml";

    private static IReadOnlyList<Briefing.Diagnostics.Diagnostic> Errors(BuildResult r) =>
        r.Diagnostics.Where(d => d.Severity == Briefing.Diagnostics.Severity.Error).ToList();

    [Fact]
    public void An_article_that_fails_to_parse_gives_its_own_error_and_none_about_its_summary_or_the_links_to_it()
    {
        using var site = new TestSite();
        site.Write(Alpha, site.Read(Alpha).Replace("title: \"Alpha: ties enter a new stage\"", "title: Alpha: ties enter a new stage"));
        var r = site.Build();
        var only = Assert.Single(Errors(r));
        Assert.Equal("BRF010", only.Code);
        Assert.EndsWith(Alpha, only.File);
        Assert.Equal((2, 13), (only.Line, only.Column));
        Assert.Contains("Put the title in quotes: title: \"Alpha: ties enter a new stage\"", only.Message);
        Assert.DoesNotContain(r.Diagnostics, d => d.Message.Contains("has no article", StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_that_is_not_utf8_gives_its_own_error_only()
    {
        using var site = new TestSite();
        site.WriteBytes(Alpha, [.. System.Text.Encoding.UTF8.GetBytes(site.Read(Alpha)), 0xFF, 0xFE]);
        var only = Assert.Single(Errors(site.Build()));
        Assert.Equal("BRF003", only.Code);
    }

    [Fact]
    public void A_summary_that_fails_to_parse_gives_its_own_error_and_no_warning_that_the_article_has_no_summary()
    {
        using var site = new TestSite();
        site.Write(AlphaSummary, site.Read(AlphaSummary).Replace("summary: Alpha reports hotlines and intelligence exchanges.", "summary: \"Alpha reports \"hotlines\".\""));
        var r = site.Build();
        var only = Assert.Single(Errors(r));
        Assert.Equal((1, 25), (only.Line, only.Column)); // the quote before "hotlines"
        Assert.Contains("The double quote here ends the summary early", only.Message);
        Assert.Contains("summary: 'Alpha reports \"hotlines\".'", only.Message);
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == "BRF051");
    }

    [Fact]
    public void An_empty_summary_says_what_it_lacks_rather_than_that_the_article_has_none()
    {
        using var site = new TestSite();
        site.Write(AlphaSummary, "");
        var r = site.Build();
        DiagnosticAssert.Has(r, "BRF020", AlphaSummary);
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == "BRF051");
    }

    [Fact]
    public void One_tab_in_claims_yml_gives_one_error_at_the_tab_and_none_about_the_claim_ids()
    {
        using var site = new TestSite();
        site.Write("claims.yml", site.Read("claims.yml").Replace("\n  topic: maritime-disputes", "\n\ttopic: maritime-disputes"));
        var only = Assert.Single(Errors(site.Build()));
        Assert.EndsWith("claims.yml", only.File);
        Assert.Equal((2, 1), (only.Line, only.Column));
        Assert.Contains("indent with spaces, not a tab", only.Message);
    }

    [Fact]
    public void A_topic_or_source_that_fails_to_parse_gives_no_error_about_the_articles_that_name_it()
    {
        using var site = new TestSite();
        site.Write("topics/security-cooperation.md", "---\ntitle: Security: cooperation\n---\nText.\n");
        site.Write("sources/alpha-news.yml", "name: Alpha News\n\tkind: newspaper\n");
        var errors = Errors(site.Build());
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("BRF010", e.Code));
    }

    [Fact]
    public void An_unclosed_list_is_told_at_its_bracket_with_the_line_closed()
    {
        using var site = new TestSite();
        site.Write(Alpha, site.Read(Alpha).Replace("topics: [security-cooperation, maritime-disputes]", "topics: [security-cooperation, maritime-disputes"));
        var only = Assert.Single(Errors(site.Build()));
        Assert.Equal((6, 9), (only.Line, only.Column));
        Assert.Contains("never closed. Add ']' at its end: topics: [security-cooperation, maritime-disputes].", only.Message);
    }

    [Fact]
    public void An_apostrophe_inside_single_quotes_is_told_with_the_value_in_double_quotes()
    {
        using var site = new TestSite();
        site.Write("claims.yml", site.Read("claims.yml").Replace("text: The joint statement's length.", "text: 'The joint statement's length.'"));
        var only = Assert.Single(Errors(site.Build()));
        Assert.Contains("inside single quotes write it twice (''), or put the value in double quotes: text: \"The joint statement's length.\"", only.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_told_where_it_opens()
    {
        using var site = new TestSite();
        site.Write("claims.yml", "- id: hotlines\n  topic: maritime-disputes\n  text: \"unclosed\n- id: b\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF010", "claims.yml", line: 3);
        Assert.Equal(9, d.Column);
        Assert.Contains("never closed", d.Message);
    }

    [Fact]
    public void A_colon_inside_a_block_of_text_is_not_taken_for_a_mistake()
    {
        using var site = new TestSite();
        site.Write(AlphaSummary, site.Read(AlphaSummary).Replace("angle: The sea.", "angle: >\n  The sea: hotlines.\n  More: text."));
        Assert.True(site.Build().Success);
    }

    [Theory]
    [InlineData("2023-02-30", "February 2023 has 28 days")]
    [InlineData("2024-04-31", "April 2024 has 30 days")]
    [InlineData("2023-13", "there is no month 13")]
    public void A_date_that_does_not_exist_says_so(string date, string why)
    {
        using var site = new TestSite();
        site.Write(Alpha, site.Read(Alpha).Replace("published: 2023-12-13", "published: " + date));
        var d = DiagnosticAssert.Has(site.Build(), "BRF023", Alpha, line: 4);
        Assert.Contains($"'published' is {date}, a date that does not exist ({why}).", d.Message);
        Assert.DoesNotContain("written YYYY-MM-DD", d.Message);
    }
}
