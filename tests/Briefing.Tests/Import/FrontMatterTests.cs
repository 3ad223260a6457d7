using Briefing.Import;

namespace Briefing.Tests.Import;

/// <summary>The front matter is valid YAML that says what the text said.</summary>
public sealed class FrontMatterTests
{
    [Theory]
    [InlineData("China-Vietnam deal points to common security worries about Western forces: analyst")]
    [InlineData("Xi says: \"We are comrades\" – and 'brothers'")]
    [InlineData("“Quoted” headline with ‘single’ quotes")]
    [InlineData("# Not a comment, - not a list, [not a flow], {nor a map}, & not an anchor, *nor an alias")]
    [InlineData("Back\\slash and a tab\tinside")]
    [InlineData("yes")]
    [InlineData("2023-12-14")]
    [InlineData("null")]
    [InlineData("@handle `tick` | pipe > fold % percent")]
    public void Titles_with_quotes_colons_and_yaml_syntax_round_trip(string title)
    {
        var article = Importing.Article($"{title}\n\nThe first paragraph.\n");
        Assert.Equal(title, article.Field("title"));
        Assert.StartsWith("title: \"", article.FrontMatterText);
    }

    [Fact]
    public void Author_and_dek_with_quotes_round_trip()
    {
        var article = Importing.Article("A headline\n\nThe “special bond”: comrades and \"brothers\" at last\n\nBy Jane O’Neil-Doe\n\nThe first paragraph.\n");
        Assert.Equal("The “special bond”: comrades and \"brothers\" at last", article.Field("dek"));
        Assert.Equal("Jane O’Neil-Doe", article.Field("author"));
    }

    [Fact]
    public void Front_matter_has_title_source_published_author_dek_and_empty_topics_in_that_order_and_no_url()
    {
        var result = Importing.Run("A headline\n\nA short standfirst line for the story\n\nBy Jane Doe\n\nDecember 14, 2023\n\nThe first paragraph.\n\nThe second paragraph.\n", "scmp");
        var article = ImportedArticle.From(result);
        Assert.Equal(["title", "source", "published", "author", "dek", "topics"], article.FrontMatter.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("scmp", article.Field("source"));
        Assert.Equal("2023-12-14", article.Field("published"));
        Assert.False(article.Has("url"));
        var topics = Assert.IsType<YamlDotNet.RepresentationModel.YamlSequenceNode>(article.FrontMatter.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("topics")]);
        Assert.Empty(topics.Children);
        Assert.Matches(@"(?m)^topics: \[\]\s+# .*input/topics/", article.FrontMatterText);
    }

    [Fact]
    public void Optional_fields_are_left_out_when_the_text_does_not_give_them()
    {
        var article = Importing.Article("A headline\n\nThe first paragraph.\n\nThe second paragraph.\n");
        Assert.Equal(["title", "source", "topics"], article.FrontMatter.Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void A_source_id_that_is_not_an_id_is_quoted_and_warned_about()
    {
        var result = Importing.Run("A headline\n\nText.\n", "South China: Morning Post");
        Assert.Equal("South China: Morning Post", ImportedArticle.From(result).Field("source"));
        Assert.Contains(result.Warnings, w => w.Contains("is not lower-case letters", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_is_front_matter_then_the_body_with_lf_line_endings()
    {
        var result = Importing.Run("A headline\r\n\r\nThe first paragraph.\r\n");
        Assert.DoesNotContain('\r', result.Markdown);
        Assert.EndsWith("---\nThe first paragraph.\n", result.Markdown);
    }
}
