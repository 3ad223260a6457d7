using Briefing.Pages;
using Briefing.Rendering;
using Xunit;

namespace Briefing.Tests.Templates;

public class ModelPrintTests
{
    private static readonly DateVm Day = new(true, "2023-12-13", "13 December 2023", "day");

    private static ArticleCardVm Card(string title = "Xi visits Hanoi", string author = "") => new(title, "/articles/a/", "SCMP", Day, author, "", false);

    private static SourceVm Source(params ArticleCardVm[] cards) => new("scmp", "SCMP", "/sources/#scmp", "newspaper", "Hong Kong", "", "", false, cards, "1 article");

    private static string Hex(params object?[] values) => Convert.ToHexString(ModelPrint.Hash(values));

    [Fact]
    public void Equal_models_have_the_same_print_and_a_change_anywhere_changes_it()
    {
        var print = Hex("source", Source(Card(), Card("Second")));
        Assert.Equal(print, Hex("source", Source(Card(), Card("Second"))));
        Assert.NotEqual(print, Hex("source", Source(Card(), Card("Second!"))));                 // a string two levels down
        Assert.NotEqual(print, Hex("source", Source(Card(), Card("Second") with { SourceInferred = true })));  // a flag
        Assert.NotEqual(print, Hex("source", Source(Card(), Card("Second") with { Date = Day with { Inferred = true } })));  // an init-only property
        Assert.NotEqual(print, Hex("source", Source(Card())));                                   // a list item fewer
        Assert.NotEqual(print, Hex("sources", Source(Card(), Card("Second"))));                  // the template
    }

    [Fact]
    public void Boundaries_are_part_of_the_print()
    {
        Assert.NotEqual(Hex(new List<string> { "ab", "c" }), Hex(new List<string> { "a", "bc" }));
        Assert.NotEqual(Hex(new List<string> { "ab" }), Hex(new List<string> { "a", "b" }));
        Assert.NotEqual(Hex(null, "a"), Hex("", "a"));
        Assert.NotEqual(Hex(1, "a"), Hex("1", "a"));
        Assert.NotEqual(Hex(new Link("a", "b")), Hex(new NavItem("a", "b", false)));           // same values, other type
    }

    [Fact]
    public void Html_bodies_print_as_their_html_whatever_they_are_kept_as()
    {
        var html = "<p id=\"p-1\">Hanoi \u2014 \u201Cquoted\u201D</p>";
        Assert.Equal(Hex(new HtmlBody(html)), Hex(new HtmlBody(System.Text.Encoding.UTF8.GetBytes(html))));
        Assert.NotEqual(Hex(new HtmlBody(html)), Hex(new HtmlBody(html + " ")));
        // long text (more than one chunk), with a character outside the BMP across a chunk boundary
        var longText = new string('x', 1023) + "\U0001F600" + new string('y', 3000);
        Assert.Equal(Hex(longText), Hex(new string('x', 1023) + "\U0001F600" + new string('y', 3000)));
        Assert.NotEqual(Hex(longText), Hex(new string('x', 1023) + "\U0001F601" + new string('y', 3000)));
    }
}
