using Briefing.Diagnostics;
using Briefing.Rendering;

namespace Briefing.Tests.Templates;

/// <summary>
/// The compiled templates against Scriban's interpreter, construct by construct: <see cref="TempTheme.Render"/> renders
/// each template both ways and requires the same page or the same errors; these tests also require that the compiled
/// code rendered it alone, where it covers the construct, and that what it leaves to Scriban still renders the same.
/// </summary>
public sealed class CompiledTemplateTests : IDisposable
{
    private readonly TempTheme _theme = new();

    public void Dispose() => _theme.Dispose();

    private sealed record Item(string Name, int Count, IReadOnlyList<string> Tags);

    private sealed record Model(string Title, string Text, IReadOnlyList<Item> Items, IReadOnlyList<string> Words, IReadOnlyList<int> Empty, string? Missing = null, int Number = 3, bool Flag = true);

    private static Model Some() => new("Title “T”", "a <b> & c", [new("one", 1, ["x", "y"]), new("two", 2, []), new("three", 3, ["z"])], ["alpha", "beta", "gamma", "delta"], []);

    private string Compiled(string template, object? model = null)
    {
        var html = _theme.Html(template, model ?? Some());
        Assert.True(_theme.RanCompiled, "the compiled templates left this page to Scriban");
        return html;
    }

    [Fact]
    public void Every_template_of_the_repository_theme_is_compiled()
    {
        var engine = TemplateEngine.Load(Support.Repo.Theme, "theme", new DiagnosticBag());
        Assert.NotNull(engine);
        Assert.Empty(engine.NotCompiled);
    }

    [Fact]
    public void A_loop_knows_its_index_first_last_length_rindex_even_and_odd()
    {
        Assert.Equal("0:alpha:first:4:3:even|1:beta:2:odd|2:gamma:1:even|3:delta:last:4:0:odd|",
            Compiled("{{ for w in page.words }}{{ for.index }}:{{ w }}{{ if for.first }}:first:{{ for.length }}{{ end }}{{ if for.last }}:last:{{ for.length }}{{ end }}:{{ for.rindex }}:{{ if for.even }}even{{ end }}{{ if for.odd }}odd{{ end }}|{{ end }}"));
    }

    [Fact]
    public void A_loop_over_an_enumeration_that_is_not_a_list_knows_its_last_item_and_leaves_its_length_to_scriban()
    {
        var model = new { Words = Enumerable.Range(1, 3).Select(i => "w" + i) };
        Assert.Equal("w1,w2,w3.", Compiled("{{ for w in page.words }}{{ w }}{{ if for.last }}.{{ else }},{{ end }}{{ end }}", model));
        Assert.Equal("w1/3", _theme.Html("{{ for w in page.words }}{{ if for.first }}{{ w }}/{{ for.length }}{{ end }}{{ end }}", model));
        Assert.False(_theme.RanCompiled);
    }

    [Fact]
    public void An_empty_list_runs_the_else_branch_where_for_reads_as_a_loop_that_never_began_and_a_null_list_runs_nothing()
    {
        Assert.Equal("[none 0 true]", Compiled("[{{ for n in page.empty }}{{ n }}{{ else }}none {{ for.index }} {{ for.last }}{{ end }}]"));
        Assert.Equal("[]", Compiled("[{{ for n in page.missing }}{{ n }}{{ else }}none{{ end }}]"));
    }

    [Fact]
    public void Nested_loops_each_keep_their_own_place_and_variable_and_a_name_comes_back_after_its_loop()
    {
        Assert.Equal("one(0:x,1:y)1 two()2 three(0:z)3 |Title “T”",
            Compiled("{{ for page in page.items }}{{ page.name }}({{ for t in page.tags }}{{ for.index }}:{{ t }}{{ if !for.last }},{{ end }}{{ end }}){{ page.count }} {{ end }}|{{ page.title }}"));
    }

    [Fact]
    public void A_partial_sees_its_arguments_first_then_what_its_caller_sees_its_loops_and_for_included()
    {
        _theme.Write("partials/row.sbn-html", "<{{ item.name }}@{{ for.index }}/{{ page.number }}/{{ date }}/{{ w }}>");
        Assert.Equal("<one@0/3/d/W1><two@1/3/d/W1><three@2/3/d/W1>",
            Compiled("{{ for w in ['W1'] }}{{ for item in page.items }}{{ include 'row' item: item date: 'd' }}{{ end }}{{ end }}"));
    }

    [Fact]
    public void A_partials_argument_shadows_a_built_in_and_the_callers_variable_of_that_name()
    {
        _theme.Write("partials/d.sbn-html", "[{{ date }}|{{ string }}]");
        Assert.Equal("[x|Title “T”][y|1]", Compiled("{{ include 'd' date: 'x' string: page.title }}{{ for date in ['y'] }}{{ include 'd' string: 1 }}{{ end }}"));
    }

    [Fact]
    public void Partials_nest_each_with_its_own_arguments()
    {
        _theme.Write("partials/outer.sbn-html", "({{ include 'inner' v: (v + '!') }}{{ v }})");
        _theme.Write("partials/inner.sbn-html", "[{{ v }}]");
        Assert.Equal("([a!]a)", _theme.Html("{{ include 'outer' v: 'a' }}", Some()));
        _theme.Write("partials/outer.sbn-html", "({{ include 'inner' v: w }}{{ v }})");
        Assert.Equal("([x]a)([x]b)", Compiled("{{ for w in ['x'] }}{{ for v in ['a', 'b'] }}{{ include 'outer' v: v }}{{ end }}{{ end }}"));
    }

    [Theory]
    [InlineData("{{ if page.number == 3 }}y{{ end }}", "y")]
    [InlineData("{{ if page.number != 3 }}y{{ else }}n{{ end }}", "n")]
    [InlineData("{{ if page.number > 1 && page.number <= 3 }}y{{ end }}", "y")]
    [InlineData("{{ if page.number < 1 || page.title == 'Title “T”' }}y{{ end }}", "y")]
    [InlineData("{{ if page.title != 'x' }}y{{ end }}", "y")]
    [InlineData("{{ if page.title > 'S' }}y{{ end }}{{ if 'a' < 'b' }}z{{ end }}", "yz")]
    [InlineData("{{ if page.number == '3' }}y{{ else }}n{{ end }}", null)]
    [InlineData("{{ if page.missing == null }}y{{ end }}{{ if page.missing != '' }}z{{ end }}", null)]
    [InlineData("{{ if !page.flag }}y{{ else if page.number >= 3 }}z{{ else }}w{{ end }}", "z")]
    [InlineData("{{ if false && page.nope }}y{{ else }}n{{ end }}{{ if true || page.nope }}t{{ end }}", "nt")]
    [InlineData("{{ page.flag }} {{ !page.flag }} {{ page.number == 3 }} {{ page.number }} {{ 2.5 }} {{ null }}|", null)]
    public void Conditions_and_comparisons_decide_as_scriban_decides(string template, string? expected)
    {
        var html = _theme.Html(template, Some());
        if (expected is not null) Assert.Equal(expected, html);
    }

    [Fact]
    public void Functions_and_pipes_give_what_scribans_functions_give_and_their_results_are_escaped()
    {
        Assert.Equal("“a &lt;b&gt; &amp; c”|title “t”|TITLE “T”|alpha,beta,gamma,delta|a&lt;b",
            Compiled("{{ quoted page.text }}|{{ page.title | string.downcase }}|{{ string.upcase page.title }}|{{ page.words | array.join ',' }}|{{ ['a', 'b'] | array.join '<' }}"));
    }

    [Fact]
    public void A_list_is_indexed_within_its_bounds_and_out_of_them_as_scriban_decides()
    {
        Assert.Equal("beta two", Compiled("{{ page.words[1] }} {{ page.items[1].name }}"));
        Assert.Equal("[]", _theme.Html("[{{ page.words[9] }}]", Some()));
    }

    [Fact]
    public void Lists_and_text_answer_their_size()
    {
        Assert.Equal("4 3 0", Compiled("{{ page.words.size }} {{ page.items.size }} {{ page.empty.size }}"));
    }

    [Fact]
    public void Literal_text_in_any_script_and_values_around_it_come_out_as_written_whitespace_control_included()
    {
        var text = "Nguyễn Phú Trọng 習近平 😀 \u0301";
        Assert.Equal($"<p>{text}</p>\n<i>a &lt;b&gt; &amp; c</i>x", Compiled($"<p>{text}</p>\n  {{{{~ if true ~}}}}\n<i>{{{{ page.text }}}}</i>{{{{- 'x' -}}}}  \n{{{{ end }}}}"));
    }

    [Fact]
    public void A_template_with_an_assignment_is_left_to_scriban_and_renders_the_same()
    {
        Assert.Equal("x=Title “T”", _theme.Html("{{ x = page.title }}x={{ x }}", Some()));
        Assert.False(_theme.RanCompiled);
    }

    [Theory]
    [InlineData("{{ page.nope }}")]
    [InlineData("{{ for i in page.items }}{{ i.nmae }}{{ end }}")]
    [InlineData("{{ page.missing.size }}")]
    [InlineData("{{ nothing_here }}")]
    [InlineData("{{ include 'absent' }}")]
    [InlineData("{{ for.index }}")]
    [InlineData("{{ quoted }}")]
    [InlineData("{{ for c in page.title }}{{ c }}{{ end }}")]
    public void An_error_or_what_only_scriban_decides_is_left_to_scriban_and_reported_in_its_words(string template)
    {
        // TempTheme.Render has compared the compiled page's errors with the interpreter's: here, that it was Scriban's call
        _theme.Render(template, Some());
        Assert.False(_theme.RanCompiled);
    }
}
