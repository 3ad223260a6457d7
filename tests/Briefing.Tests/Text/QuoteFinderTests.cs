using Briefing.Validation;
using Xunit;

namespace Briefing.Tests.Text;

public class QuoteFinderTests
{
    private static readonly string[] Paragraphs =
    [
        "Hanoi and Beijing signed 14 agreements on Tuesday.",
        "The ministers said the \u201Cmaritime issues\u201D would be \u2018handled well\u2019 \u2014 both sides agreed.",
        "Talks   resume\u00A0next year.",
    ];

    [Theory]
    [InlineData("signed 14 agreements", 0)]
    [InlineData("the \"maritime issues\" would be 'handled well' - both", 1)]
    [InlineData("Talks resume next year", 2)]
    [InlineData("on Tuesday. The ministers said", -1)]  // spans the first two paragraphs: not found (Across tells)
    [InlineData("agreed. Talks resume", -1)]
    [InlineData("agreed.\u2029Talks resume", 1)]        // written as a list, one part per paragraph
    [InlineData("signed 15 agreements", -1)]
    [InlineData("Tuesday. Talks", -1)]                  // words of two paragraphs that are not next to each other
    public void Find_gives_the_paragraph_a_quote_starts_in(string quote, int paragraph) =>
        Assert.Equal(paragraph, new QuoteFinder(Paragraphs).Find(quote));

    [Theory]
    [InlineData("on Tuesday. The ministers said", 0, 1, "on Tuesday.|The ministers said")]
    [InlineData("agreed. Talks resume", 1, 2, "agreed.|Talks resume")]
    public void Across_names_the_paragraphs_a_quote_runs_across_and_its_part_in_each(string quote, int first, int last, string parts)
    {
        var finder = new QuoteFinder(Paragraphs);
        var across = finder.Across(quote);
        Assert.NotNull(across);
        Assert.Equal((first, last, parts), (across.First, across.Last, string.Join('|', across.Parts)));
        Assert.Null(finder.Across("signed 14 agreements"));
        Assert.Null(finder.Across("Tuesday. Talks"));
    }

    [Theory]
    [InlineData("signed 14 agreements", 0, "signed 14 agreements")]
    [InlineData("the \"maritime issues\" would be 'handled well' - both", 1, "the \u201Cmaritime issues\u201D would be \u2018handled well\u2019 \u2014 both")]
    [InlineData("Talks resume next", 2, "Talks   resume\u00A0next")]
    [InlineData("on Tuesday. The ministers said", 0, "on Tuesday. The ministers said")]   // not within one paragraph: the quote itself
    public void Original_gives_the_article_s_own_characters(string quote, int paragraph, string expected) =>
        Assert.Equal(expected, new QuoteFinder(Paragraphs).Original(quote, paragraph));

    [Fact]
    public void A_quote_is_found_the_same_after_a_spanning_search_built_the_joined_text()
    {
        var finder = new QuoteFinder(Paragraphs);
        Assert.Equal(-1, finder.Find("no such words here"));
        Assert.Equal(1, finder.Find("both sides agreed"));
        Assert.Equal("\u2014 both", finder.Original("- both", 1));
    }

    [Fact]
    public void A_sealed_finder_answers_its_quotes_as_before_and_refuses_others()
    {
        string[] quotes = ["the \"maritime issues\" would be 'handled well' - both", "on Tuesday. The ministers said", "signed 15 agreements"];
        var open = new QuoteFinder(Paragraphs);
        var found = quotes.Select(q => (P: open.Find(q), Original: open.Original(q, Math.Max(0, open.Find(q))))).ToList();
        var sealedFinder = new QuoteFinder(Paragraphs);
        Assert.Null(sealedFinder.Fragment(quotes[0], 1)); // an open finder keeps no fragments
        sealedFinder.Seal([.. quotes, quotes[0]], original => "#" + original.Length);
        for (var i = 0; i < quotes.Length; i++)
        {
            Assert.Equal(found[i].P, sealedFinder.Find(quotes[i]));
            Assert.Equal(found[i].Original, sealedFinder.Original(quotes[i], Math.Max(0, found[i].P)));
            // the fragment was made from the original at the paragraph found
            Assert.Equal("#" + found[i].Original.Length, sealedFinder.Fragment(quotes[i], Math.Max(0, found[i].P)));
        }
        // an equal string that is another object is the same quote
        Assert.Equal(found[1].P, sealedFinder.Find(new string(quotes[1].AsSpan())));
        Assert.Null(sealedFinder.Fragment(quotes[0], 0));
        Assert.Equal(1, found[0].P);
        Assert.Equal(-1, found[2].P);
        Assert.Throws<InvalidOperationException>(() => sealedFinder.Find("signed 14 agreements"));
        Assert.Throws<InvalidOperationException>(() => sealedFinder.Original(quotes[0], 2));
        Assert.Throws<InvalidOperationException>(() => sealedFinder.Closest("signed 14 agreements"));
    }

    [Fact]
    public void A_finder_sealed_with_many_quotes_answers_each_of_them()
    {
        // past a few quotes the sealed answers are looked up by a dictionary, not a scan
        var quotes = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? $"absent words {i}" : "both sides agreed").Append("signed 14 agreements").ToList();
        var open = new QuoteFinder(Paragraphs);
        var sealedFinder = new QuoteFinder(Paragraphs);
        sealedFinder.Seal(quotes);
        foreach (var q in quotes)
        {
            Assert.Equal(open.Find(q), sealedFinder.Find(new string(q.AsSpan())));
            Assert.Equal(open.Original(q, Math.Max(0, open.Find(q))), sealedFinder.Original(q, Math.Max(0, open.Find(q))));
        }
        Assert.Throws<InvalidOperationException>(() => sealedFinder.Find("not sealed with this one"));
    }

    [Fact]
    public void A_finder_sealed_for_the_checks_gives_each_missing_quote_s_closest_passage_as_an_open_finder_does()
    {
        // the checks' order: a missing quote asked twice, an article's searches limited to MaxClosestSearches
        var quotes = new List<string> { "signed 15 agreements", "both sides agreed", "signed 15 agreements" };
        quotes.AddRange(Enumerable.Range(0, QuoteFinder.MaxClosestSearches).Select(i => $"missing words number {i}"));
        var open = new QuoteFinder(Paragraphs);
        var expected = quotes.Where(q => open.Find(q) < 0).Select(q => (q, open.Closest(q))).ToList();
        Assert.Contains(expected, e => e.Item2 is null); // past the limit
        Assert.NotNull(expected[0].Item2);
        var sealedFinder = new QuoteFinder(Paragraphs);
        sealedFinder.Seal(quotes, forChecks: true);
        foreach (var (q, closest) in expected) Assert.Equal(closest, sealedFinder.Closest(q));
        Assert.Throws<InvalidOperationException>(() => sealedFinder.Closest(quotes[0])); // asked once more than the checks ask
    }
}
