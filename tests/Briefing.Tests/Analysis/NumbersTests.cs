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
    public void Numbers_are_what_a_quote_counts(string quote, string expected)
    {
        Assert.Equal(expected, string.Join(" ", Planner.Numbers(quote)));
    }
}
