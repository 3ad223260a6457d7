using Briefing.Diagnostics;
using Briefing.Rendering;

namespace Briefing.Tests.Templates;

/// <summary>
/// The theme's Scriban templates as the renderer runs them: values escaped, trusted HTML and partials as they are,
/// strict names with "did you mean", every syntax error at once.
/// </summary>
public sealed class ThemeTemplateTests : IDisposable
{
    private readonly TempTheme _theme = new();

    public void Dispose() => _theme.Dispose();

    private sealed record Model(string Title, string Text, string Empty, IReadOnlyList<string> Items, HtmlBody Html, string SourceName = "S");

    private static Model Some(string title = "T", string text = "x") => new(title, text, "", ["a", "b"], new HtmlBody("<em>ok</em>"));

    [Fact]
    public void Every_printed_value_is_escaped_quotes_included_and_trusted_html_and_literal_text_are_not()
    {
        var html = _theme.Html("<i>{{ page.text }}</i>|{{ page.html }}|<a title='{{ page.text }}' href=\"{{ page.text }}\">",
            Some(text: "<b>\"Tom\" & 'Jerry'</b> a=`b`"));
        const string escaped = "&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt; a&#x3D;&#x60;b&#x60;";
        Assert.Equal($"<i>{escaped}</i>|<em>ok</em>|<a title='{escaped}' href=\"{escaped}\">", html);
    }

    [Fact]
    public void A_theme_authors_page_title_holding_a_closing_title_tag_and_a_script_comes_out_escaped()
    {
        _theme.Write("layouts/base.sbn-html", "<title>{{ page.title }}</title><meta content=\"{{ page.title }}\">{{ layout.body_html }}");
        var (html, diags) = _theme.Render("<h1>{{ page.title }}</h1>", Some(title: "</title><script>alert(1)</script>\" onload=\"alert(2)"));
        Assert.True(html is not null, string.Join("\n", diags));
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("\" onload", html);
        Assert.Equal(3, html.Split("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload&#x3D;&quot;alert(2)").Length - 1);
        Assert.Empty(Hostile.HtmlSafety.Problems(html));
    }

    [Fact]
    public void Values_made_by_expressions_and_helpers_are_escaped_too()
    {
        var html = _theme.Html("{{ page.text + '<i>' }}|{{ quoted page.text }}|{{ page.items | array.join '<&>' }}", Some(text: "a “b” <c>"));
        Assert.Equal("a “b” &lt;c&gt;&lt;i&gt;|“a ‘b’ &lt;c&gt;”|a&lt;&amp;&gt;b", html);
    }

    [Fact]
    public void Comments_print_nothing_and_a_list_knows_its_size()
    {
        Assert.Equal("a2b", _theme.Html("a{{# a note for the theme's next author }}{{ page.items.size }}b", Some()));
    }

    [Fact]
    public void An_include_writes_its_partial_as_it_is_and_escapes_the_partials_values()
    {
        _theme.Write("partials/card.sbn-html", "<b class=\"{{ kind }}\">{{ item }}</b>");
        var html = _theme.Html("<ul>{{ for item in page.items }}<li>{{ include 'card' item: (item + '<x>') kind: page.title }}</li>{{ end }}</ul>", Some(title: "a\"b"));
        Assert.Equal("<ul><li><b class=\"a&quot;b\">a&lt;x&gt;</b></li><li><b class=\"a&quot;b\">b&lt;x&gt;</b></li></ul>", html);
    }

    [Fact]
    public void A_partials_variables_are_its_own_and_what_it_assigns_stays_in_it()
    {
        _theme.Write("partials/date.sbn-html", "{{ seen = date }}[{{ date }}]");
        var html = _theme.Html("{{ include 'date' date: page.title }}{{ include 'date' date: page.text }}", Some(title: "T", text: "x"));
        Assert.Equal("[T][x]", html);
        var (failed, diags) = _theme.Render("{{ include 'date' date: page.title }}{{ seen }}", Some());
        Assert.Null(failed);
        Assert.Contains("'seen' is not a variable here", Assert.Single(diags).Message);
    }

    [Fact]
    public void If_takes_empty_text_empty_lists_and_empty_html_as_false()
    {
        var model = new { No = false, Nothing = (string?)null, Empty = "", List = Array.Empty<int>(), Html = HtmlBody.Empty, Text = "x", One = 1, Full = new[] { 1 }, Body = new HtmlBody("<p>") };
        Assert.Equal("-----|+++++", _theme.Html(
            "{{ for v in [page.no, page.nothing, page.empty, page.list, page.html] }}{{ if v }}+{{ else }}-{{ end }}{{ end }}|" +
            "{{ for v in [page.text, page.one, page.full, page.body, true] }}{{ if v }}+{{ else }}-{{ end }}{{ end }}", model));
        Assert.Equal("yes", _theme.Html("{{ if !page.empty }}yes{{ end }}", model));
    }

    [Fact]
    public void A_tag_alone_on_its_line_with_tildes_takes_the_line_with_it()
    {
        var html = _theme.Html("<ul>\n  {{~ for item in page.items ~}}\n  <li>{{ item }}</li>\n  {{~ end ~}}\n</ul>\n", Some());
        Assert.Equal("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", html);
    }

    [Fact]
    public void Members_are_snake_case_and_loops_know_their_place()
    {
        var model = new { SourceName = "S", PublishedDate = "2023", Items = new[] { "a", "b", "c" } };
        Assert.Equal("S 2023: a, b, c.", _theme.Html("{{ page.source_name }} {{ page.published_date }}: {{ for i in page.items }}{{ i }}{{ if !for.last }}, {{ else }}.{{ end }}{{ end }}", model));
    }

    [Theory]
    [InlineData("<p>\n  {{ page.titel }}</p>", 2, 11, "'titel' is not a field of Model; did you mean 'title'?")]
    [InlineData("{{ page.sourceName }}", 1, 9, "did you mean 'source_name'?")]
    [InlineData("{{ for item in page.items }}{{ itme }}{{ end }}", 1, 32, "'itme' is not a variable here; did you mean 'item'?")]
    [InlineData("{{ pgae.title }}", 1, 4, "did you mean 'page'?")]
    [InlineData("{{ page.zzz_nothing_like_it }}", 1, 9, "its fields: title, text, empty, items, html, source_name")]
    [InlineData("x\n {{ include 'cards' }}", 2, 5, "There is no partial 'cards' (add partials/cards.sbn-html); did you mean 'card'?")]
    public void An_unknown_name_fails_naming_the_file_line_column_and_the_name_it_may_mean(string template, int line, int column, string message)
    {
        _theme.Write("partials/card.sbn-html", "c");
        var (html, diags) = _theme.Render(template, Some());
        Assert.Null(html);
        var d = Assert.Single(diags);
        Assert.Equal(("BRF080", "theme/pages/p.sbn-html"), (d.Code, d.File));
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Every_syntax_error_of_every_template_is_reported_at_once_and_nothing_renders()
    {
        _theme.Write("pages/a.sbn-html", "<p>\n{{ if page.x }}\n<b>{{ page.y </b>\n");
        _theme.Write("partials/b.sbn-html", "ok\n\n  {{ for }}");
        _theme.Write("pages/c.sbn-html", "fine {{ page.x }}");
        var diags = new DiagnosticBag();
        Assert.Null(_theme.Load(diags));
        var errors = diags.Sorted();
        Assert.All(errors, d => Assert.Equal("BRF080", d.Code));
        Assert.Contains(errors, d => d.File == "theme/pages/a.sbn-html" && d.Line == 3);
        Assert.Contains(errors, d => d.File == "theme/partials/b.sbn-html" && d.Line == 3);
        Assert.DoesNotContain(errors, d => d.File.EndsWith("c.sbn-html", StringComparison.Ordinal));
        Assert.All(errors, d => Assert.Matches(@"^theme/\S+\(\d+,\d+\): error BRF080: Template syntax error: ", d.ToString()));
    }

    [Fact]
    public void A_page_cannot_change_the_built_in_functions_that_every_page_shares()
    {
        var (html, diags) = _theme.Render("{{ date.format = '%Y' }}", Some());
        Assert.Null(html);
        Assert.Equal(("theme/pages/p.sbn-html", 1), (Assert.Single(diags).File, diags[0].Line));
        Assert.Equal("x", _theme.Html("{{ format = 'x' }}{{ format }}", Some())); // a variable of its own is fine
    }

    [Fact]
    public void An_include_statement_and_include_inside_an_expression_run_the_partial_alike_and_a_return_in_it_ends_only_the_partial()
    {
        _theme.Write("partials/box.sbn-html", "[{{ a }}|{{ flag }}]{{ ret }}never");
        var html = _theme.Html("{{ include 'box' a: page.title flag: true }}{{ if true }}{{ include 'box' a: 'b<' flag: false }}{{ end }}|{{ x = include 'box' a: page.text flag: 1 }}{{ x }}after", Some(title: "T\"", text: "y"));
        Assert.Equal("[T&quot;|true][b&lt;|false]|[y|1]after", html);
        var (failed, diags) = _theme.Render("{{ include 'box' a: nosuch }}", Some());
        Assert.Null(failed);
        Assert.Contains("'nosuch' is not a variable here", Assert.Single(diags).Message);
    }

    [Fact]
    public void A_partial_that_includes_itself_is_stopped_with_an_error()
    {
        _theme.Write("partials/loop.sbn-html", "x{{ include 'loop' }}");
        var (html, diags) = _theme.Render("{{ include 'loop' }}", Some());
        Assert.Null(html);
        Assert.EndsWith("partials/loop.sbn-html", Assert.Single(diags).File);
    }

    [Fact]
    public void A_theme_left_in_handlebars_is_told_where_the_templates_went()
    {
        File.Delete(Path.Combine(_theme.Dir, "layouts", "base.sbn-html"));
        _theme.Write("layouts/base.hbs", "{{{bodyHtml}}}");
        var diags = new DiagnosticBag();
        Assert.Null(_theme.Load(diags));
        Assert.Contains("Templates are Scriban now", Assert.Single(diags.Sorted()).Message);
    }

    [Fact]
    public void Reloading_an_unchanged_theme_gives_the_same_engine_and_a_changed_template_renders_anew()
    {
        _theme.Write("pages/p.sbn-html", "one {{ page.title }}");
        var diags = new DiagnosticBag();
        var first = _theme.Load(diags)!;
        Assert.Same(first, _theme.Load(diags, first));
        _theme.Write("pages/p.sbn-html", "two, longer: {{ page.title }}");
        var second = _theme.Load(diags, first)!;
        Assert.NotSame(first, second);
        Assert.Equal("two, longer: T", second.Render("p", Some(), body => new { BodyHtml = body }, diags));
        Assert.Equal("one T", first.Render("p", Some(), body => new { BodyHtml = body }, diags));
        Assert.Empty(diags.Sorted());
    }

    private sealed record Wide(int P0, int P1, int P2, int P3, int P4, int P5, int P6, int P7, int P8, int P9, int P10, int P11, int P12, int P13, int P14, int P15, int P16, int P17, int P18, int P19, int P20, int P21, int P22, int P23, int P24, int P25, int P26, int P27, int P28, int P29, int P30, int P31, int P32, int P33, int P34, int P35, int P36, int P37, int P38, int P39);

    [Fact]
    public void Every_member_of_a_wide_view_model_reads_its_own_value_in_any_template_and_numbers_print_as_scriban_prints_them()
    {
        var model = new Wide(-700, -663, -626, -589, -552, -515, -478, -441, -404, -367, -330, -293, -256, -219, -182, -145, -108, -71, -34, 3, 40, 77, 114, 151, 188, 225, 262, 299, 336, 373, 410, 447, 484, 521, 558, 595, 632, 669, 706, 743);
        var names = Enumerable.Range(0, 40).Select(i => $"{{{{ page.p{i} }}}}").ToList();
        var expected = string.Join(",", Enumerable.Range(0, 40).Select(i => (i * 37 - 700).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // each template is parsed apart, so each asks with strings of its own
        Assert.Equal(expected + "|" + expected, _theme.Html(string.Join(",", names) + "|" + string.Join(",", names), model));
        Assert.Equal(expected, _theme.Html(string.Join(",", names), model));
        Assert.Equal("p7 -441 " + int.MinValue, _theme.Html("p7 {{ page.p7 }} {{ -2147483647 - 1 }}", model));
    }
}
