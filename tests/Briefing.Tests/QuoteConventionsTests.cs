using System.Net;
using Briefing.Tests.Support;

namespace Briefing.Tests;

/// <summary>
/// Quotes as journalists write them (issue 24, part 1): an ellipsis for omitted words, brackets for an insertion or
/// [sic], a first letter in the other case, double quotes made single; a quote across paragraphs is written as a list.
/// </summary>
public sealed class QuoteConventionsTests
{
    private const string Gamma = "articles/2023-12-15-gamma.md";
    private const string GammaSummary = "summaries/2023-12-15-gamma.yml";

    private static TestSite Site(string quote)
    {
        var site = new TestSite();
        site.Write(Gamma, """
            ---
            title: Gamma
            source: beta-wire
            published: 2023-12-15
            topics: [security-cooperation]
            ---
            Chinese President Xi Jinping wrapped up a two-day visit to the neighbouring country on Wednesday after striking a deal with Hanoi.

            Both sides should oppose "colour revolution" by hostile forces, said Chinse President Xi Jinping in Hanoi.

            The third paragraph starts here and ends there.
            """);
        site.Write(GammaSummary, $"summary: s\nangle: a\nkey_points:\n  - text: t\n    topic: security-cooperation\n    quote: {quote}\n");
        return site;
    }

    private static BuildResult Build(TestSite site) => site.Build();

    /// <summary>The quote links of the article's page.</summary>
    private static IReadOnlyList<string> Links(TestSite site) => System.Text.RegularExpressions.Regex
        .Matches(WebUtility.HtmlDecode(site.Page("articles/2023-12-15-gamma/index.html")), "href=\"([^\"]*:~:text=[^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

    [Theory]
    [InlineData("\"Xi Jinping wrapped up … visit to the neighbouring country\"")]
    [InlineData("\"Xi Jinping wrapped up ... visit to the neighbouring country\"")]
    [InlineData("\"Xi Jinping wrapped up [...] visit to the neighbouring country\"")]
    [InlineData("\"Chinse [sic] President Xi Jinping in Hanoi\"")]
    [InlineData("\"[China and Vietnam] should oppose 'colour revolution'\"")]
    [InlineData("\"should oppose 'colour revolution' by hostile forces\"")]
    [InlineData("\"the third paragraph starts here\"")]
    [InlineData("\"[T]he third paragraph starts here\"")]
    public void Usual_quoting_conventions_are_accepted(string quote)
    {
        using var site = Site(quote);
        var r = Build(site);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }

    [Theory]
    [InlineData("\"visit to the neighbouring country … Xi Jinping wrapped up\"", "fragments out of order")]
    [InlineData("\"Xi Jinping wrapped up … should oppose colour revolution\"", "fragments in two paragraphs")]
    [InlineData("\"Chinse [sic] Xi Jinping in Hanoi\"", "[sic] where a word is left out")]
    [InlineData("\"Xi Jinping [visited] striking a deal with Hanoi\"", "an insertion that stands for too many words")]
    public void A_quote_whose_fragments_do_not_fit_the_conventions_is_not_found(string quote, string why)
    {
        using var site = Site(quote);
        Assert.True(site.Build().Diagnostics.Any(d => d.Code == "BRF060"), why);
    }

    [Fact]
    public void Fragments_far_apart_in_one_paragraph_are_not_one_quote()
    {
        using var site = Site("\"It begins here … and it ends\"");
        site.Write(Gamma, site.Read(Gamma).Replace("The third paragraph starts here and ends there.",
            "It begins here " + string.Join(' ', Enumerable.Repeat("word", 70)) + " and it ends."));
        DiagnosticAssert.Has(site.Build(), "BRF060", GammaSummary);
    }

    [Fact]
    public void The_page_shows_the_quote_as_written_and_links_from_the_first_fragment_to_the_last()
    {
        using var site = Site("\"Xi Jinping wrapped up … on Wednesday after striking a deal with Hanoi\"");
        Assert.True(site.Build().Success);
        // a key point's quote is printed in full on its topic's page (each quote in full once)
        var page = WebUtility.HtmlDecode(site.Page("topics/security-cooperation/index.html"));
        Assert.Contains("“Xi Jinping wrapped up … on Wednesday after striking a deal with Hanoi”", page);
        Assert.Contains("/articles/2023-12-15-gamma/#p-1:~:text=Xi%20Jinping%20wrapped%20up,a%20deal%20with%20Hanoi.", Links(site));
    }

    [Fact]
    public void A_short_passage_with_an_ellipsis_links_to_the_whole_passage()
    {
        using var site = Site("\"Xi Jinping wrapped up … visit\"");
        Assert.True(site.Build().Success);
        Assert.Contains("/articles/2023-12-15-gamma/#p-1:~:text=Xi%20Jinping%20wrapped%20up%20a%20two%2Dday%20visit", Links(site));
    }

    [Fact]
    public void A_quote_across_paragraphs_is_an_error_naming_both_and_giving_the_list_to_paste()
    {
        using var site = Site("\"after striking a deal with Hanoi. Both sides should oppose\"");
        var d = DiagnosticAssert.Has(site.Build(strict: true), "BRF062", GammaSummary, line: 6);
        Assert.Contains("runs from paragraph 1 into paragraph 2 of article '2023-12-15-gamma'", d.Message);
        Assert.EndsWith("quote: [\"after striking a deal with Hanoi.\", \"Both sides should oppose\"]", d.Message);
        Assert.DoesNotContain(site.Build().Diagnostics, x => x.Code == "BRF060");
    }

    [Fact]
    public void A_quote_written_as_a_list_runs_across_consecutive_paragraphs_and_links_from_its_start_to_its_end()
    {
        using var site = Site("[\"after striking a deal with Hanoi.\", \"Both sides should oppose\"]");
        var r = site.Build(strict: true);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var page = site.Page("topics/security-cooperation/index.html");
        Assert.Contains("“after striking a deal with Hanoi. … Both sides should oppose”", WebUtility.HtmlDecode(page));
        Assert.Contains("/articles/2023-12-15-gamma/#p-1:~:text=after%20striking%20a%20deal,Both%20sides%20should%20oppose", Links(site));
    }

    [Fact]
    public void A_list_whose_parts_are_not_in_consecutive_paragraphs_is_not_found()
    {
        using var site = Site("[\"after striking a deal with Hanoi.\", \"The third paragraph starts\"]");
        DiagnosticAssert.Has(site.Build(), "BRF060", GammaSummary);
    }

    [Fact]
    public void The_closest_passage_is_printed_so_that_it_can_be_pasted_into_yaml()
    {
        using var site = Site("\"should oppose colour revolution by hostile forces\"");
        var d = DiagnosticAssert.Has(site.Build(), "BRF060", GammaSummary);
        var pasted = d.Message[(d.Message.IndexOf("Closest passage: ", StringComparison.Ordinal) + "Closest passage: ".Length)..d.Message.IndexOf(". The quote", StringComparison.Ordinal)];
        site.Write(GammaSummary, $"summary: s\nangle: a\nkey_points:\n  - text: t\n    topic: security-cooperation\n    quote: {pasted}\n");
        var r = site.Build();
        Assert.True(r.Success, pasted + "\n" + string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void A_quote_counts_only_the_words_of_its_fragments_towards_the_minimum()
    {
        using var site = Site("\"[China and Vietnam] should oppose\"");
        Assert.Contains("This quote has 2 words", DiagnosticAssert.Has(site.Build(), "BRF061", GammaSummary).Message);
    }

    [Fact]
    public void A_streamed_build_whose_finders_are_sealed_gives_the_same_answers()
    {
        using var across = Site("\"after striking a deal with Hanoi. Both sides should oppose\"");
        Assert.Contains("runs from paragraph 1 into paragraph 2", DiagnosticAssert.Has(across.Build(streamed: true), "BRF062", GammaSummary).Message);
        using var list = Site("[\"after striking a deal with Hanoi.\", \"Both sides should oppose\"]");
        Assert.True(list.Build(streamed: true).Success);
        Assert.Contains("/articles/2023-12-15-gamma/#p-1:~:text=after%20striking%20a%20deal,Both%20sides%20should%20oppose", Links(list));
        using var ellipsis = Site("\"Xi Jinping wrapped up … on Wednesday after striking a deal with Hanoi\"");
        Assert.True(ellipsis.Build(streamed: true).Success);
        Assert.Contains("/articles/2023-12-15-gamma/#p-1:~:text=Xi%20Jinping%20wrapped%20up,a%20deal%20with%20Hanoi.", Links(ellipsis));
    }
}
