using Briefing.Tests.Support;

namespace Briefing.Tests.Reader;

public sealed class BriefTests
{
    [Fact]
    public void A_topic_brief_has_its_question_key_points_with_sources_events_and_a_link_back_without_navigation()
    {
        using var site = new TestSite();
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var brief = site.Page("topics/maritime-disputes/brief/index.html");
        Assert.Contains("How will they manage the sea?", brief);
        Assert.Contains("They agreed to set up hotlines for incidents at sea. <span class=\"brief-sources\">(Alpha News)</span>", brief);
        Assert.Contains("Xi ends visit", brief);
        Assert.Contains("href=\"/topics/maritime-disputes/\"", brief);
        Assert.DoesNotContain("<nav", brief);
        Assert.Contains("<footer class=\"brief-footer\"><p>Test briefing · https://example.org/topics/maritime-disputes/brief/</p></footer>", brief);
        Assert.Contains("<a href=\"/topics/maritime-disputes/brief/\">One-page brief</a>", site.Page("topics/maritime-disputes/index.html"));
    }

    [Fact]
    public void A_brief_lists_the_rows_where_independent_sources_give_different_numbers()
    {
        using var site = new TestSite();
        site.Write("summaries/2023-12-13-alpha.yml", site.Read("summaries/2023-12-13-alpha.yml") + "\n  - claim: statement-length\n    quote: \"The two sides vowed\"\n");
        site.Write("articles/2023-12-13-alpha.md", site.Read("articles/2023-12-13-alpha.md").Replace("The two sides vowed", "In a 12-page text, the two sides vowed", StringComparison.Ordinal));
        site.Write("summaries/2023-12-13-alpha.yml", site.Read("summaries/2023-12-13-alpha.yml").Replace("quote: \"The two sides vowed\"", "quote: \"In a 12-page text\"", StringComparison.Ordinal));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var brief = site.Page("topics/security-cooperation/brief/index.html");
        Assert.Contains("<strong>Numbers differ:</strong> The joint statement&#x27;s length.", brief);
        Assert.Contains("Alpha News: “In a 12-page text”", brief);
        Assert.Contains("Beta Wire: “their 16-page joint statement”", brief);
        Assert.DoesNotContain("Where sources disagree", site.Page("topics/maritime-disputes/brief/index.html"));
    }

    [Fact]
    public void At_most_five_key_points_the_most_reported_first()
    {
        using var site = new TestSite();
        var claims = string.Concat(Enumerable.Range(1, 7).Select(i => $"- id: extra-{i}\n  topic: maritime-disputes\n  text: Extra claim {i}.\n"));
        site.Write("claims.yml", site.Read("claims.yml") + "\n" + claims);
        var refs = string.Concat(Enumerable.Range(1, 7).Select(i => $"  - claim: extra-{i}\n    quote: \"agreed to set up more hotlines\"\n"));
        site.Write("summaries/2023-12-13-alpha.yml", site.Read("summaries/2023-12-13-alpha.yml") + "\n" + refs);
        site.Write("summaries/2023-12-14-beta.yml", site.Read("summaries/2023-12-14-beta.yml").Replace("claims:\n", "claims:\n  - claim: extra-7\n    quote: \"the two vowed to work\"\n", StringComparison.Ordinal));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var brief = site.Page("topics/maritime-disputes/brief/index.html");
        var start = brief.IndexOf("<ul class=\"brief-points\">", StringComparison.Ordinal);
        var points = brief[start..brief.IndexOf("</ul>", start, StringComparison.Ordinal)];
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(points, "<li>").Count);
        Assert.StartsWith("<ul class=\"brief-points\">\n    <li>Extra claim 7.", points); // reported by two articles
    }
}
