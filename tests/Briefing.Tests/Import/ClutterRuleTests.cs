using Briefing.Import;

namespace Briefing.Tests.Import;

/// <summary>Each kind of clutter in clutter.yml, on small inputs; and prose that only mentions such words is kept.</summary>
public sealed class ClutterRuleTests
{
    private static RemovedLine AssertRemoved(string clutter, string rule)
    {
        var result = Importing.Run(Importing.Around(clutter));
        var article = ImportedArticle.From(result);
        Assert.DoesNotContain(clutter.Trim(), article.BodyText);
        Assert.Contains("The first paragraph of the article says something about the visit.", article.BodyText);
        Assert.Contains("The last paragraph of the article ends the story here.", article.BodyText);
        var removed = Assert.Single(result.Removed, r => r.Text == clutter.Trim());
        Assert.Equal(rule, removed.Rule);
        return removed;
    }

    private static void AssertKept(string prose)
    {
        var result = Importing.Run(Importing.Around(prose));
        Assert.Contains(prose, ImportedArticle.From(result).BodyText);
        Assert.DoesNotContain(result.Removed, r => r.Text == prose);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Quảng cáo")]
    [InlineData("Story continues below advertisement")]
    public void Advertisement_labels_are_removed(string line) => AssertRemoved(line, "advertisement");

    [Theory]
    [InlineData("Reading Time:2 minutes")]
    [InlineData("Reading time: 5 min")]
    [InlineData("4 min read")]
    public void Reading_time_lines_are_removed(string line) => AssertRemoved(line, "reading-time");

    [Theory]
    [InlineData("Why you can trust SCMP")]
    [InlineData("Why you can trust the Guardian")]
    public void Trust_badges_are_removed(string line) => AssertRemoved(line, "trust-badge");

    [Theory]
    [InlineData("69")]
    [InlineData("12 comments")]
    [InlineData("Comments (3)")]
    [InlineData("View 40 comments")]
    [InlineData("Leave a comment")]
    public void Comment_counts_are_removed(string line) => AssertRemoved(line, "comment-count");

    [Fact]
    public void Prose_paragraph_mentioning_comments_is_kept() =>
        AssertKept("The foreign ministry declined to comment, and the 12 comments made by officials were not published.");

    [Fact]
    public void Prose_paragraph_mentioning_share_facebook_and_print_is_kept() =>
        AssertKept("Hanoi and Beijing will share intelligence, and officials posted the statement on Facebook and in print.");

    [Fact]
    public void Prose_paragraph_mentioning_cookies_on_a_site_is_kept() =>
        AssertKept("Vendors at the site sold cookies and tea to delegates.");

    [Fact]
    public void Prose_paragraph_mentioning_a_photo_is_kept() =>
        AssertKept("The two leaders posed for a photo at the Presidential Palace.");

    [Fact]
    public void Video_duration_and_the_title_attached_to_it_are_removed()
    {
        var result = Importing.Run(Importing.Around("03:23\n\nXi says Vietnam is a ‘diplomatic priority’ as he seeks closer ties\n\nXi says Vietnam is a ‘diplomatic priority’ as he seeks closer ties"));
        var body = ImportedArticle.From(result).BodyText;
        Assert.DoesNotContain(body, l => l.Contains("diplomatic priority", StringComparison.Ordinal) || l == "03:23");
        Assert.Equal(["video-duration", "video-duration", "repeated-line"], result.Removed.Where(r => r.Rule != "dateline").Select(r => r.Rule));
    }

    [Fact]
    public void Line_after_a_video_duration_that_reads_like_a_paragraph_is_kept_with_a_warning()
    {
        const string paragraph = "The video showed the two leaders shaking hands in Hanoi on Wednesday.";
        var result = Importing.Run(Importing.Around("1:05\n" + paragraph));
        Assert.Contains(paragraph, ImportedArticle.From(result).BodyText);
        Assert.Contains(result.Warnings, w => w.Contains("reads like a paragraph", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Share", "share-widget")]
    [InlineData("Share this article", "share-widget")]
    [InlineData("Facebook Twitter WhatsApp", "share-widget")]
    [InlineData("Facebook | Twitter | Email | Copy link", "share-widget")]
    [InlineData("Copy link", "share-widget")]
    [InlineData("Print Friendly, PDF & Email", "print-widget")]
    [InlineData("Print", "print-widget")]
    public void Share_and_print_widgets_are_removed(string line, string rule) => AssertRemoved(line, rule);

    [Theory]
    [InlineData("Translate / Dịch")]
    [InlineData("Translate")]
    [InlineData("Select Language")]
    public void Translate_widgets_are_removed(string line) => AssertRemoved(line, "translate-widget");

    [Theory]
    [InlineData("We use cookies to improve your experience on our website. By browsing this website, you agree to our use of cookies.", "cookie-notice")]
    [InlineData("Trang web này sử dụng cookie để cải thiện trải nghiệm. Bằng cách tiếp tục, bạn chấp nhận việc sử dụng cookie.", "cookie-notice")]
    [InlineData("Diese Website verwendet Cookies. Mehr dazu in unserer Cookie-Richtlinie.", "cookie-notice")]
    [InlineData("En poursuivant la visite de ce site, vous acceptez l’utilisation de traceurs (cookies) vous permettant d'optimiser techniquement votre navigation. Plus d’informations", "cookie-notice")]
    [InlineData("By continuing to use this site you agree to our terms.", "consent-notice")]
    [InlineData("Fermer", "ui-button")]
    [InlineData("Accept all", "ui-button")]
    [InlineData("Chấp nhận", "ui-button")]
    public void Cookie_and_consent_notices_in_several_languages_are_removed(string line, string rule) => AssertRemoved(line, rule);

    [Theory]
    [InlineData("!-- Google tag (gtag.js) -->")]
    [InlineData("<!-- Global site tag -->")]
    [InlineData("gtag('config', 'G-ABC123');")]
    [InlineData("window.dataLayer = window.dataLayer || [];")]
    public void Tracking_snippets_are_removed(string line) => AssertRemoved(line, "tracking-snippet");

    [Fact]
    public void Tracking_code_spread_over_several_lines_is_removed_as_a_block()
    {
        var result = Importing.Run(Importing.Around("<script async src=\"https://example.org/tag.js\">\nvar x = 1;\nsend(x);\n</script>"));
        var body = ImportedArticle.From(result).BodyText;
        Assert.DoesNotContain(body, l => l.Contains("send(x)", StringComparison.Ordinal) || l.Contains("script", StringComparison.Ordinal));
        Assert.Equal(4, result.Removed.Count(r => r.Rule == "script"));
    }

    [Fact]
    public void A_block_that_never_ends_removes_only_its_first_line_and_warns()
    {
        var result = Importing.Run(Importing.Around("<script>\nvar x = 1;"));
        Assert.Contains("var x = 1;", ImportedArticle.From(result).BodyText);
        Assert.Contains(result.Warnings, w => w.Contains("does not end within", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_start_rule_without_its_end_rule_does_not_throw()
    {
        ClutterRule[] rules = [new("widget", ClutterKinds.BlockStart, "BEGIN WIDGET", "a widget")];
        var result = ArticleImporter.Import("A headline\n\nBEGIN WIDGET\nwidget text\n\nThe paragraph.\n", "test", rules: rules);
        Assert.Equal([new RemovedLine(3, "BEGIN WIDGET", "widget")], result.Removed);
    }

    [Theory]
    [InlineData("IMAGE SOURCE: Luong Thai Linh/Pool/AFP/Getty Images", "image-credit")]
    [InlineData("Photo: AFP", "image-credit")]
    [InlineData("(Photo: Reuters)", "image-credit")]
    [InlineData("AFP/Getty Images", "agency-credit")]
    public void Bare_image_credits_are_removed(string line, string rule) => AssertRemoved(line, rule);

    [Fact]
    public void Caption_ending_with_a_credit_is_kept_and_pointed_out()
    {
        const string caption = "China and Vietnam have described each other as sharing a shared vision and future. Photo: Xinhua";
        var result = Importing.Run(Importing.Around(caption));
        Assert.Contains(caption, ImportedArticle.From(result).BodyText);
        Assert.Contains(result.Warnings, w => w.Contains("caption", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicated_headline_is_removed()
    {
        var result = Importing.Run("Vietnam, China Agree to Step Up Cooperation\n\nDecember 14, 2023\nVietnam, China Agree to Step Up Cooperation\n\nThe first paragraph of the article.\n");
        var article = ImportedArticle.From(result);
        Assert.Equal("Vietnam, China Agree to Step Up Cooperation", article.Field("title"));
        Assert.Equal(["The first paragraph of the article."], article.BodyText);
        Assert.Contains(result.Removed, r => r.Rule == "duplicate-headline" && r.Line == 4);
    }

    [Theory]
    [InlineData("Vietnam News", "section-label")]
    [InlineData("Home › World › Asia", "breadcrumb")]
    public void Page_labels_above_the_headline_are_not_the_title(string label, string rule)
    {
        var result = Importing.Run($"{label}\n\nChina-Vietnam in warm, new communist embrace\n\nThe first paragraph.\n");
        Assert.Equal("China-Vietnam in warm, new communist embrace", ImportedArticle.From(result).Field("title"));
        Assert.Contains(result.Removed, r => r.Line == 1 && r.Rule == rule);
    }

    [Theory]
    [InlineData("Read more")]
    [InlineData("Tin liên quan")]
    public void Related_link_headings_are_removed(string line) => AssertRemoved(line, "related-links");

    [Theory]
    [InlineData("Sign up for our Asia newsletter")]
    [InlineData("Follow us on Twitter")]
    public void Newsletter_prompts_are_removed(string line) => AssertRemoved(line, "newsletter-promo");

    [Fact]
    public void Copyright_footer_is_removed() => AssertRemoved("© 2023 South China Morning Post Publishers Ltd. All rights reserved.", "copyright");

    [Fact]
    public void Removed_lines_are_reported_with_their_line_numbers_and_rule_names()
    {
        var result = Importing.Run("Advertisement\nA headline\n\nShare\nThe paragraph.\n69\n");
        Assert.Equal(
            [new RemovedLine(1, "Advertisement", "advertisement"), new RemovedLine(4, "Share", "share-widget"), new RemovedLine(6, "69", "comment-count")],
            result.Removed);
    }
}
