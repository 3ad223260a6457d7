using Briefing.Pages;

namespace Briefing.Tests.Analysis;

public sealed class NumbersTests
{
    [Theory]
    [InlineData("In their 16-page joint statement", "16")]
    [InlineData("signed as many as 13 major agreements", "13")]
    [InlineData("signed dozens of co-operation pacts", "dozens")]
    [InlineData("only his fourth overseas this year", "fourth")]
    [InlineData("the two sides agreed", "")]
    [InlineData("one of its comprehensive strategic partners", "")]
    [InlineData("a two-day visit", "two")]
    [InlineData("comes a few months after", "few")]
    public void Numbers_are_what_a_quote_counts(string quote, string expected)
    {
        Assert.Equal(expected, string.Join(" ", Planner.Numbers(quote)));
    }

    [Theory]
    [InlineData("which came three months after US President Joe Biden", "three months")]
    [InlineData("comes a few months after a historic state visit", "a few months")]
    [InlineData("In their 16-page joint statement", "16-page")]
    [InlineData("signed as many as 13 major agreements", "13 major")]
    [InlineData("the two sides agreed", "")]
    public void Number_phrases_keep_the_word_counted(string quote, string expected)
    {
        Assert.Equal(expected, string.Join(" | ", Planner.NumberPhrases(quote)));
    }
}
