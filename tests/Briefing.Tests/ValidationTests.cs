using System.Text;
using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>One test per validation rule: the code, the file and the line an editor is pointed to.</summary>
public sealed class ValidationTests
{
    private const string Alpha = "articles/2023-12-13-alpha.md";

    private static string AlphaWith(string frontMatterLines) =>
        "---\ntitle: Alpha\nsource: alpha-news\npublished: 2023-12-13\ntopics: [security-cooperation]\n" + frontMatterLines + "---\nChina and Vietnam agreed to set up more hotlines for incidents at sea.\n\nThe two sides vowed to work more closely on “intelligence exchanges” and defence.\n";

    [Fact]
    public void Missing_required_field_is_an_error_naming_the_field()
    {
        using var site = new TestSite();
        site.Write(Alpha, "---\nsource: alpha-news\ntopics: [security-cooperation]\n---\nChina and Vietnam agreed to set up more hotlines for incidents at sea.\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF020", Alpha, line: 2);
        Assert.Contains("'title'", d.Message);
    }

    [Fact]
    public void Value_of_the_wrong_type_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("topics/security-cooperation.md", "---\ntitle: Security\norder: first\n---\nText.\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF021", "topics/security-cooperation.md", line: 3);
        Assert.Contains("whole number", d.Message);
    }

    [Fact]
    public void List_where_text_is_expected_is_a_type_error()
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaWith("author: [a, b]\n"));
        DiagnosticAssert.Has(site.Build(), "BRF021", Alpha, line: 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_control_character_in_a_title_is_an_error_not_a_crash(bool streamed)
    {
        // a YAML escape can put a character in the title that the feed (XML) cannot hold
        using var site = new TestSite();
        site.Write(Alpha, AlphaWith("").Replace("title: Alpha", "title: \"Alpha\\x01 draft\""));
        var d = DiagnosticAssert.Has(site.Build(streamed: streamed), "BRF023", Alpha, line: 2);
        Assert.Contains("U+0001", d.Message);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_known_key()
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaWith("auther: Jane\n"));
        var d = DiagnosticAssert.Has(site.Build(), "BRF022", Alpha, line: 6);
        Assert.Contains("Did you mean 'author'?", d.Message);
    }

    [Fact]
    public void Unknown_key_in_a_summary_suggests_the_closest_key()
    {
        using var site = new TestSite();
        site.Write("summaries/2023-12-14-beta.yml", "summary: x\nkey_point:\n  - text: a\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF022", "summaries/2023-12-14-beta.yml", line: 2);
        Assert.Contains("'key_points'", d.Message);
    }

    [Theory]
    [InlineData("source: alpha-newz\n", "source", "alpha-news")]
    [InlineData("", "topic", "security-cooperation")]
    public void Reference_that_names_nothing_lists_the_ids_that_exist(string extra, string kind, string suggestion)
    {
        using var site = new TestSite();
        var text = kind == "source"
            ? AlphaWith("").Replace("source: alpha-news\n", extra)
            : AlphaWith("").Replace("topics: [security-cooperation]", "topics: [security-cooperatoin]");
        site.Write(Alpha, text);
        var d = DiagnosticAssert.Has(site.Build(), "BRF040", Alpha);
        Assert.Contains($"No {kind} has the id", d.Message);
        Assert.Contains(suggestion, d.Message);
    }

    [Fact]
    public void Claim_reference_that_names_nothing_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("summaries/2023-12-14-beta.yml", "summary: x\nclaims:\n  - claim: statement-lenght\n    quote: \"their 16-page joint statement\"\nkey_points:\n  - text: t\n    topic: security-cooperation\n    quote: \"their 16-page joint statement\"\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF040", "summaries/2023-12-14-beta.yml", line: 3);
        Assert.Contains("Did you mean 'statement-length'?", d.Message);
    }

    [Fact]
    public void Timeline_article_reference_that_names_nothing_is_an_error()
    {
        using var site = new TestSite();
        site.Write("timeline.yml", "- date: 2023-12-13\n  title: X\n  articles: [no-such-article]\n");
        DiagnosticAssert.Has(site.Build(), "BRF040", "timeline.yml", line: 3);
    }

    [Fact]
    public void Duplicate_claim_ids_are_an_error()
    {
        using var site = new TestSite();
        site.Write("claims.yml", "- id: hotlines\n  topic: maritime-disputes\n  text: a\n- id: hotlines\n  topic: maritime-disputes\n  text: b\n- id: statement-length\n  topic: security-cooperation\n  text: c\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF031", "claims.yml", line: 4);
        Assert.Contains("already used", d.Message);
    }

    [Fact]
    public void Duplicate_key_in_yaml_is_an_error()
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaWith("title: Again\n"));
        DiagnosticAssert.Has(site.Build(), "BRF024", Alpha, line: 6);
    }

    [Theory]
    [InlineData("articles/alpha.story.md")]
    [InlineData("articles/\u0430lpha-story.md")]
    public void Slug_that_is_not_lower_case_letters_digits_and_hyphens_is_an_error(string file)
    {
        using var site = new TestSite();
        site.Write(file, AlphaWith(""));
        var d = DiagnosticAssert.Has(site.Build(), "BRF030", file);
        Assert.Contains("lower-case", d.Message);
    }

    [Fact]
    public void Claim_id_with_capitals_is_an_error_suggesting_a_fixed_id()
    {
        using var site = new TestSite();
        site.Write("claims.yml", "- id: Hot Lines\n  topic: maritime-disputes\n  text: a\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF030", "claims.yml", line: 1);
        Assert.Contains("'hot-lines'", d.Message);
    }

    [Fact]
    public void Summary_without_an_article_is_an_error()
    {
        using var site = new TestSite();
        site.Write("summaries/2023-12-13-alpah.yml", "summary: x\n");
        var r = site.Build();
        var d = DiagnosticAssert.Has(r, "BRF050", "summaries/2023-12-13-alpah.yml");
        Assert.Contains("2023-12-13-alpha", d.Message);
        Assert.False(r.Success);
    }

    [Fact]
    public void Article_without_a_summary_is_a_warning_only()
    {
        using var site = new TestSite();
        site.Delete("summaries/2023-12-14-beta.yml");
        var r = site.Build();
        Assert.True(r.Success);
        var d = DiagnosticAssert.Has(r, "BRF051", "articles/2023-12-14-beta.md");
        Assert.Equal(Diagnostics.Severity.Warning, d.Severity);
    }

    [Fact]
    public void Quote_missing_from_article_is_an_error_showing_the_closest_passage()
    {
        using var site = new TestSite();
        site.Write("summaries/2023-12-14-beta.yml", "summary: x\nkey_points:\n  - text: t\n    topic: security-cooperation\n    quote: \"the two vowed to work closely\"\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF060", "summaries/2023-12-14-beta.yml", line: 5);
        Assert.Contains("Closest passage: \"the two vowed to work more", d.Message);
    }

    [Fact]
    public void Quote_matches_despite_typographic_quotes_dashes_and_white_space()
    {
        using var site = new TestSite();
        site.Write("articles/2023-12-14-beta.md", "---\ntitle: Beta\nsource: beta-wire\ntopics: [security-cooperation]\n---\nIn their 16‑page joint statement — the “longest” yet — they   vowed\nto work more closely.\n");
        site.Write("summaries/2023-12-14-beta.yml", "summary: x\nclaims:\n  - claim: statement-length\n    quote: '16-page joint statement - the \"longest\" yet - they vowed to work'\nkey_points:\n  - text: t\n    topic: security-cooperation\n    quote: \"to work more closely\"\n");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void Malformed_front_matter_reports_the_line_in_the_file()
    {
        using var site = new TestSite();
        site.Write(Alpha, "---\ntitle: Alpha\nsource: alpha-news\ntopics: [security-cooperation\nauthor: x\n---\nText.\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF010", Alpha);
        Assert.InRange(d.Line, 4, 6);
    }

    [Fact]
    public void Malformed_yaml_in_a_data_file_reports_its_line()
    {
        using var site = new TestSite();
        site.Write("claims.yml", "- id: hotlines\n  topic: maritime-disputes\n  text: \"unclosed\n- id: b\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF010", "claims.yml");
        Assert.InRange(d.Line, 3, 5);
    }

    [Fact]
    public void Bad_indentation_in_front_matter_is_reported_at_the_file_line()
    {
        using var site = new TestSite();
        site.Write(Alpha, "---\ntitle: Alpha\nsource: alpha-news\n  topics: x\n---\nText.\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF010", Alpha);
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void Front_matter_never_closed_is_an_error()
    {
        using var site = new TestSite();
        site.Write(Alpha, "---\ntitle: Alpha\nsource: alpha-news\n\nText without a closing line.\n");
        var d = DiagnosticAssert.Has(site.Build(), "BRF011", Alpha, line: 1);
        Assert.Contains("never closed", d.Message);
    }

    [Fact]
    public void Article_without_front_matter_is_an_error()
    {
        using var site = new TestSite();
        site.Write(Alpha, "Just text.\n");
        DiagnosticAssert.Has(site.Build(), "BRF012", Alpha, line: 1);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_with_its_line_not_a_crash()
    {
        using var site = new TestSite();
        var bytes = Encoding.UTF8.GetBytes(AlphaWith("")).ToList();
        bytes.InsertRange(bytes.Count - 5, new byte[] { 0xC3, 0x28 });
        site.WriteBytes(Alpha, bytes.ToArray());
        var d = DiagnosticAssert.Has(site.Build(), "BRF003", Alpha);
        Assert.Equal(9, d.Line);
    }

    [Fact]
    public void Nul_bytes_are_an_error()
    {
        using var site = new TestSite();
        site.WriteBytes(Alpha, Encoding.UTF8.GetBytes(AlphaWith("") + "\0"));
        DiagnosticAssert.Has(site.Build(), "BRF003", Alpha);
    }

    [Fact]
    public void Bom_and_crlf_line_endings_are_accepted()
    {
        using var site = new TestSite();
        var text = AlphaWith("").Replace("\n", "\r\n");
        site.WriteBytes(Alpha, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void Missing_input_folder_is_a_message_not_a_stack_trace()
    {
        using var site = new TestSite(valid: false);
        Directory.Delete(site.Input);
        var r = site.Build();
        Assert.False(r.Success);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("BRF001", d.Code);
        Assert.Contains("does not exist", d.Message);
    }

    [Fact]
    public void Empty_input_folder_is_a_message()
    {
        using var site = new TestSite(valid: false);
        var r = site.Build();
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("BRF001", d.Code);
    }

    [Fact]
    public void Symlink_out_of_the_input_folder_is_refused_with_a_message()
    {
        using var site = new TestSite();
        var link = Path.Combine(site.Input, "articles", "2023-12-15-gamma.md");
        File.CreateSymbolicLink(link, "/etc/hostname");
        var r = site.Build();
        var d = DiagnosticAssert.Has(r, "BRF002", "articles/2023-12-15-gamma.md");
        Assert.Contains("outside the input folder", d.Message);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaWith("auther: x\n").Replace("alpha-news", "nope"));
        site.Write("claims.yml", "- id: Bad Id\n  topic: nowhere\n  text: x\n");
        var r = site.Build();
        Assert.Contains(r.Diagnostics, d => d.Code == "BRF022");
        Assert.Contains(r.Diagnostics, d => d.Code == "BRF040" && d.File.EndsWith(Alpha, StringComparison.Ordinal));
        Assert.Contains(r.Diagnostics, d => d.Code == "BRF030");
        Assert.Contains(r.Diagnostics, d => d.Code == "BRF040" && d.File.EndsWith("claims.yml", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_date_is_an_error_with_the_expected_format()
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaWith("").Replace("published: 2023-12-13", "published: December 13, 2023"));
        var d = DiagnosticAssert.Has(site.Build(), "BRF023", Alpha, line: 4);
        Assert.Contains("YYYY-MM-DD", d.Message);
    }

    [Fact]
    public void Diagnostics_print_in_the_msbuild_format()
    {
        var d = new Diagnostics.Diagnostic(Diagnostics.Severity.Error, "BRF060", "input/summaries/x.yml", 12, 5, "Quote not found.");
        Assert.Equal("input/summaries/x.yml(12,5): error BRF060: Quote not found.", d.ToString());
        Assert.Equal("::error file=input/summaries/x.yml,line=12,col=5,title=BRF060::Quote not found.", Diagnostics.ConsoleReporter.Annotation(d));
    }
}
