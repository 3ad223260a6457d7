using Briefing.Import;

namespace Briefing.Tests.Import;

/// <summary>Title, dek, date, author, subheads, lists and paragraphs read from plain text.</summary>
public sealed class StructureTests
{
    [Theory]
    [InlineData("December 14, 2023", "2023-12-14")]
    [InlineData("November 8, 2022", "2022-11-08")]
    [InlineData("14 December 2023", "2023-12-14")]
    [InlineData("Dec. 3, 2023", "2023-12-03")]
    [InlineData("Published: 8:30pm, 13 Dec 2023", "2023-12-13")]
    [InlineData("Wednesday, December 13, 2023, 10:45 AM HKT", "2023-12-13")]
    [InlineData("2023-12-13", "2023-12-13")]
    public void A_date_line_becomes_the_iso_published_date(string dateLine, string iso)
    {
        var result = Importing.Run($"A headline\n\n{dateLine}\n\nThe first paragraph of the story.\n\nThe second paragraph.\n");
        var article = ImportedArticle.From(result);
        Assert.Equal(iso, article.Field("published"));
        Assert.DoesNotContain(dateLine, article.BodyText);
        Assert.Contains(new RemovedLine(3, dateLine, "dateline"), result.Removed);
    }

    [Fact]
    public void A_sentence_with_a_date_in_it_is_a_paragraph_not_a_date_line()
    {
        const string sentence = "On December 13, 2023, the two sides signed 36 agreements.";
        var article = Importing.Article($"A headline\n\n{sentence}\n\nMore text.\n");
        Assert.False(article.Has("published"));
        Assert.Contains(sentence, article.BodyText);
    }

    [Fact]
    public void Without_a_date_line_published_is_left_out_and_the_editor_is_warned()
    {
        var result = Importing.Run("A headline\n\nThe first paragraph.\n", fileName: "capture.txt");
        Assert.False(ImportedArticle.From(result).Has("published"));
        Assert.Contains(result.Warnings, w => w.StartsWith("capture.txt: no date found", StringComparison.Ordinal));
    }

    [Fact]
    public void By_line_becomes_the_author()
    {
        var result = Importing.Run("A headline\n\nBy Jane Doe\n\nDecember 14, 2023\n\nThe first paragraph.\n\nThe second.\n");
        var article = ImportedArticle.From(result);
        Assert.Equal("Jane Doe", article.Field("author"));
        Assert.DoesNotContain("By Jane Doe", article.BodyText);
        Assert.Contains(new RemovedLine(3, "By Jane Doe", "byline"), result.Removed);
    }

    [Fact]
    public void Byline_at_the_end_with_outlet_and_date_gives_author_and_date_and_names_the_outlet_in_a_warning()
    {
        var result = Importing.Run("A headline\n\nThe first paragraph.\n\nThe second paragraph.\n\nBy Richard Javad Heydarian – Asia Times – November 8, 2022\n");
        var article = ImportedArticle.From(result);
        Assert.Equal("Richard Javad Heydarian", article.Field("author"));
        Assert.Equal("2022-11-08", article.Field("published"));
        Assert.Equal(["The first paragraph.", "The second paragraph."], article.BodyText);
        Assert.Contains(result.Warnings, w => w.Contains("Asia Times", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_starting_with_by_is_not_a_byline()
    {
        const string paragraph = "By Wednesday Evening, Hanoi and Beijing had signed 36 agreements.";
        var article = Importing.Article($"A headline\n\n{paragraph}\n\nMore text here.\n");
        Assert.False(article.Has("author"));
        Assert.Contains(paragraph, article.BodyText);
    }

    [Fact]
    public void Standfirst_before_the_date_line_is_the_dek()
    {
        var article = Importing.Article("A headline\n\nThe countries also agreed to boost trade and investment.\n\nDecember 14, 2023\n\nThe first paragraph.\n\nThe second.\n");
        Assert.Equal("The countries also agreed to boost trade and investment.", article.Field("dek"));
        Assert.Equal(["The first paragraph.", "The second."], article.BodyText);
    }

    [Fact]
    public void Line_after_the_title_without_final_punctuation_is_the_dek_with_a_warning()
    {
        var result = Importing.Run("A headline\n\nTrong’s visit to Beijing put cooperation ahead of conflict\n\nThe first paragraph.\n\nThe second.\n");
        Assert.Equal("Trong’s visit to Beijing put cooperation ahead of conflict", ImportedArticle.From(result).Field("dek"));
        Assert.Contains(result.Warnings, w => w.Contains("(3): this line was taken as the dek", StringComparison.Ordinal));
    }

    [Fact]
    public void First_paragraph_ending_in_a_full_stop_is_not_the_dek()
    {
        var article = Importing.Article("A headline\n\nChina and Vietnam agreed to step up security cooperation.\n\nThe second paragraph.\n");
        Assert.False(article.Has("dek"));
        Assert.Equal(["China and Vietnam agreed to step up security cooperation.", "The second paragraph."], article.BodyText);
    }

    [Fact]
    public void Short_title_case_lines_between_paragraphs_become_subheads()
    {
        var article = Importing.Article("A headline\n\nThe first paragraph of the story.\n\nChina-Vietnam Ties\n\nThe second paragraph.\n\nVietnam-US Ties\n\nThe third paragraph.\n");
        Assert.Equal(["China-Vietnam Ties", "Vietnam-US Ties"], article.Subheads);
        Assert.Contains("## China-Vietnam Ties", article.Body.Split('\n'));
    }

    [Theory]
    [InlineData("Both sides vowed to manage differences")]  // sentence case
    [InlineData("What Comes Next?")]                        // final punctuation
    [InlineData("The Summit Ended With A Joint Statement Signed By Both Leaders In Hanoi On Wednesday")] // too long
    public void Lines_that_are_not_clearly_subheads_stay_paragraphs(string line)
    {
        var article = Importing.Article($"A headline\n\nThe first paragraph of the story.\n\n{line}\n\nThe second paragraph.\n");
        Assert.Empty(article.Subheads);
        Assert.Contains(line, article.BodyText);
    }

    [Fact]
    public void A_title_case_line_right_after_the_title_is_not_a_subhead()
    {
        var article = Importing.Article("A headline\n\nVietnam News Agency Report\n\nThe first paragraph.\n");
        Assert.Empty(article.Subheads);
    }

    [Fact]
    public void Bullets_become_a_markdown_list()
    {
        var article = Importing.Article("A headline\n\n  • Hanoi and Beijing will share intelligence\n  • Both countries have concerns\n\nThe first paragraph.\n");
        Assert.StartsWith("- Hanoi and Beijing will share intelligence\n- Both countries have concerns\n\nThe first paragraph.\n", article.Body);
    }

    [Fact]
    public void Every_line_is_its_own_paragraph_separated_by_a_blank_line()
    {
        var article = Importing.Article("A headline\nFirst paragraph, on its own line.\nSecond paragraph, right below it.\n\n\nThird paragraph.\n");
        Assert.Equal(["First paragraph, on its own line.", "Second paragraph, right below it.", "Third paragraph."], article.Blocks);
    }

    [Fact]
    public void A_hard_wrapped_paragraph_is_joined()
    {
        var article = Importing.Article("A headline\n\nThe two countries agreed to set up a hotline to communicate about\nunexpected incidents arising from fisheries activities at sea.\n\nNext.\n");
        Assert.Equal(["The two countries agreed to set up a hotline to communicate about unexpected incidents arising from fisheries activities at sea.", "Next."], article.Blocks);
    }

    [Fact]
    public void Original_wording_is_kept_exactly()
    {
        const string text = "“[Both countries should] boost … ‘peaceful evolution’ – and 5% of *everything*_,” They countries said\u00a0it.";
        var article = Importing.Article($"A headline\n\n{text}\n\nMore.\n");
        Assert.Contains(text, article.BodyText);
    }

    [Fact]
    public void Markdown_syntax_in_the_text_is_escaped_so_it_shows_as_written()
    {
        var article = Importing.Article("A headline\n\n# not a heading\n\n1. not a list\n\n<b>not html</b> and [not](a link) and `code`\n\nEnd.\n");
        Assert.Contains("\\# not a heading", article.Body.Split('\n'));
        Assert.Contains("1\\. not a list", article.Body.Split('\n'));
        Assert.Contains("\\<b>not html\\</b> and \\[not](a link) and \\`code\\`", article.Body.Split('\n'));
        Assert.Contains("<b>not html</b> and [not](a link) and `code`", article.BodyText);
    }

    [Theory]
    [InlineData("2023-12-14", "scmp", "China, Vietnam relations enter ‘new stage’ after Xi Jinping strikes deal with Hanoi", "2023-12-14-scmp-china-vietnam-relations-enter-new-stage")]
    [InlineData(null, "asia-times", "Xi’s visit: Hà Nội & Bắc Kinh đồng ý!", "undated-asia-times-xis-visit-ha-noi-bac-kinh-dong-y")]
    [InlineData(null, "x", "", "undated-x-untitled")]
    public void Suggested_slug_is_date_source_and_first_words_of_the_title(string? published, string source, string title, string slug)
    {
        var actual = ArticleImporter.Slug(published, source, title);
        Assert.Equal(slug, actual);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", actual);
        Assert.True(actual.Length <= ArticleImporter.MaxSlugLength);
    }

    [Fact]
    public void Import_suggests_the_slug_from_the_date_it_found()
    {
        var result = Importing.Run("Vietnam, China Agree to Step Up Security Cooperation During Xi Jinping’s Visit\n\nDecember 14, 2023\n\nText.\n", "vn-express");
        Assert.Equal("2023-12-14-vn-express-vietnam-china-agree-to-step-up", result.SuggestedSlug);
    }

    [Fact]
    public void Empty_input_gives_a_file_named_title_and_warnings_not_an_exception()
    {
        var result = Importing.Run("\n\n", fileName: "empty-capture.txt");
        Assert.Equal("empty-capture", ImportedArticle.From(result).Field("title"));
        Assert.Contains(result.Warnings, w => w.Contains("no title found", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("no paragraphs", StringComparison.Ordinal));
    }
}
