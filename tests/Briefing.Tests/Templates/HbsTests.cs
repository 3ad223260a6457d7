using Briefing.Rendering;

namespace Briefing.Tests.Templates;

/// <summary>The theme's template language (a Handlebars subset): output, whitespace rules, and errors with lines.</summary>
public sealed class HbsTests
{
    private static string Render(string template, object? model, Dictionary<string, string>? partials = null)
    {
        var env = new Hbs.Environment();
        env.Helpers["quoted"] = args => TemplateEngine.Quoted(args[0]?.ToString());
        env.Helpers["join"] = args => string.Join("+", args.Select(a => a?.ToString()));
        foreach (var (name, text) in partials ?? []) env.Partials[name] = Hbs.Parse(name + ".hbs", text);
        return Hbs.Render(Hbs.Parse("t.hbs", template), model, env);
    }

    [Fact]
    public void Values_are_html_escaped_as_handlebars_does_and_triple_braces_are_raw()
    {
        var model = new { v = "<b>\"Tom\" & 'Jerry'</b> a=`b`", html = "<em>ok</em>" };
        Assert.Equal("&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt; a&#x3D;&#x60;b&#x60;|<em>ok</em>|<em>ok</em>",
            Render("{{v}}|{{{html}}}|{{& html}}", model));
    }

    [Fact]
    public void Members_resolve_in_camel_case_through_dots_this_and_parents()
    {
        var model = new Dictionary<string, object?>
        {
            ["Title"] = "T",
            ["items"] = new[] { new { Name = "a", Date = new { Iso = "2023" } }, new { Name = "b", Date = new { Iso = "2024" } } },
        };
        Assert.Equal("[T:a 2023 0 first][T:b 2024 1 last]",
            Render("{{#each items}}[{{../Title}}:{{name}} {{this.date.iso}} {{@index}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}]{{/each}}", model));
    }

    [Fact]
    public void An_html_body_is_false_when_empty_and_has_a_length_as_a_string_does_however_it_is_kept()
    {
        foreach (var empty in new[] { new HtmlBody(""), new HtmlBody(Array.Empty<byte>()) })
            Assert.Equal("none 0", Render("{{#if bodyHtml}}some{{else}}none{{/if}} {{bodyHtml.length}}", new { bodyHtml = empty }));
        foreach (var full in new[] { new HtmlBody("<p>Hà Nội 😀</p>"), new HtmlBody(System.Text.Encoding.UTF8.GetBytes("<p>Hà Nội 😀</p>")) })
            Assert.Equal("some 16 <p>Hà Nội 😀</p>", Render("{{#if bodyHtml}}some{{else}}none{{/if}} {{bodyHtml.length}} {{{bodyHtml}}}", new { bodyHtml = full }));
    }

    [Fact]
    public void Falsy_values_are_false_null_empty_zero_and_empty_lists()
    {
        var model = new { f = false, n = (string?)null, e = "", z = 0, l = Array.Empty<int>(), t = "x", one = 1, full = new[] { 1 } };
        Assert.Equal("------", Render("{{#if f}}+{{else}}-{{/if}}{{#if n}}+{{else}}-{{/if}}{{#if e}}+{{else}}-{{/if}}{{#if z}}+{{else}}-{{/if}}{{#if l}}+{{else}}-{{/if}}{{#unless t}}+{{else}}-{{/unless}}", model));
        Assert.Equal("+++", Render("{{#if t}}+{{/if}}{{#if one}}+{{/if}}{{#if full}}+{{/if}}", model));
        Assert.Equal("", Render("{{n}}", model));
    }

    [Fact]
    public void Else_if_chains_and_each_else_for_an_empty_list()
    {
        Assert.Equal("b", Render("{{#if a}}a{{else if b}}b{{else}}c{{/if}}", new { a = false, b = true }));
        Assert.Equal("c", Render("{{#if a}}a{{else if b}}b{{else}}c{{/if}}", new { a = false, b = false }));
        Assert.Equal("none", Render("{{#each xs}}{{this}}{{else}}none{{/each}}", new { xs = new List<string>() }));
    }

    [Fact]
    public void Block_tags_alone_on_their_line_take_the_line_with_them()
    {
        const string template = "<ul>\n  {{#each items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n{{! a comment }}\nend";
        Assert.Equal("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\nend", Render(template, new { items = new[] { "a", "b" } }));
        // a tag that shares its line with text or another tag keeps the line
        Assert.Equal("<p>a</p>\n", Render("<p>{{#if x}}a{{/if}}</p>\n", new { x = true }));
        Assert.Equal("  x\n", Render("  {{#if x}}{{/if}}x\n", new { x = true }));
    }

    [Fact]
    public void A_standalone_partial_line_renders_the_partial_without_the_lines_own_break_and_indentation()
    {
        var partials = new Dictionary<string, string> { ["p"] = "<b>{{t}}</b>\n" };
        Assert.Equal("<div>\n<b>&lt;x&gt;</b>\n</div>", Render("<div>\n    {{> p this}}\n</div>", new { t = "<x>" }, partials));
        Assert.Equal("<i><b>c</b>\n</i>", Render("<i>{{> p inner}}</i>", new { inner = new { t = "c" } }, partials));
    }

    [Fact]
    public void Tilde_trims_whitespace_on_its_side()
    {
        Assert.Equal("a|b", Render("a  \n {{~#if x~}}  \n |  {{~/if~}} \n b", new { x = true }).Replace(" ", ""));
        Assert.Equal("ab", Render("a   {{~x~}}   b", new { x = "" }));
    }

    [Fact]
    public void Helpers_take_paths_and_literals_and_are_escaped()
    {
        Assert.Equal("“a ‘b’ &lt;c&gt;”", Render("{{quoted q}}", new { q = "a “b” <c>" }));
        Assert.Equal("x+lit+3+True", Render("{{join v \"lit\" 3 true}}", new { v = "x" }));
    }

    [Theory]
    [InlineData("<p>\n{{nope}}</p>", 2, 1, "'nope' is undefined")]
    [InlineData("<p>{{a.missing}}</p>", 1, 4, "'a.missing' is undefined")]
    [InlineData("{{#each a}}{{/each}}", 1, 1, "needs a list")]
    [InlineData("x\n {{> nothere}}", 2, 2, "partial 'nothere' does not exist")]
    [InlineData("{{shout a}}", 1, 1, "Unknown helper 'shout'")]
    public void Render_errors_name_the_template_line_and_what_is_wrong(string template, int line, int column, string message)
    {
        var ex = Assert.Throws<Hbs.RenderError>(() => Render(template, new { a = new { b = 1 } }));
        Assert.Equal("t.hbs", ex.Template);
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("a\n<p>{{year}</p>\n", 2, 4, "never closed")]
    [InlineData("a\n{{#each xs}}\nb\n", 2, 1, "'{{#each}}' is never closed")]
    [InlineData("{{#if x}}\n{{/each}}", 2, 1, "does not match '{{#if}}' opened at line 1")]
    [InlineData("{{/if}}", 1, 1, "closes no block")]
    [InlineData("\n\n{{#with x}}{{/with}}", 3, 1, "Unknown block '{{#with}}'")]
    [InlineData("{{#if x}}a{{else}}b{{else}}c{{/if}}", 1, 20, "second '{{else}}'")]
    [InlineData("{{!-- open", 1, 1, "never closed")]
    [InlineData("{{@nope}}", 1, 1, "Unknown data variable")]
    [InlineData("{{^x}}{{/x}}", 1, 1, "#unless x")]
    public void Syntax_errors_name_the_line_and_column(string template, int line, int column, string message)
    {
        var ex = Assert.Throws<Hbs.SyntaxError>(() => Hbs.Parse("t.hbs", template));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_partial_that_includes_itself_is_stopped_with_an_error()
    {
        var ex = Assert.Throws<Hbs.RenderError>(() => Render("{{> loop}}", new { }, new() { ["loop"] = "x{{> loop}}" }));
        Assert.Contains("nested more than 64", ex.Message);
    }
}
