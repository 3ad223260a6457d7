using System.Text;
using Briefing.Tests.Support;
using Briefing.Validation;

namespace Briefing.Tests.Content;

/// <summary>
/// The same words in any Unicode form are the same words: every text the build reads is brought to NFC (composed)
/// where it is read, so a quote, a name or a file name typed decomposed (NFD, as macOS tools and some Vietnamese input
/// methods write it) behaves as the composed one, and the output is NFC.
/// </summary>
public sealed class UnicodeFormTests
{
    private const string Alpha = "articles/2023-12-13-alpha.md";

    /// <summary>The text in NFC or NFD; an NFD text really is decomposed (in globalization-invariant mode it would not be, and each test would try NFC twice).</summary>
    private static string Form(string text, string form)
    {
        var made = text.Normalize(form == "NFD" ? NormalizationForm.FormD : NormalizationForm.FormC);
        Assert.True(form == "NFC" || made.Length > text.Normalize(NormalizationForm.FormC).Length, "the runtime did not decompose the text");
        return made;
    }

    private static string AlphaArticle(string form) => Form(
        "---\ntitle: Alpha\nsource: alpha-news\npublished: 2023-12-13\ntopics: [security-cooperation]\n---\n" +
        "Beijing is doubling down on its charm offensive vis-à-vis its fellow communist regime in Hà Nội.\n", form);

    private static string AlphaSummary(string keyPointQuote, string claimQuote, string form) => Form(
        "summary: Alpha reports the charm offensive.\nangle: The party.\nkey_points:\n  - text: A charm offensive.\n" +
        $"    topic: security-cooperation\n    quote: \"{keyPointQuote}\"\nclaims:\n  - claim: hotlines\n    quote: \"{claimQuote}\"\n", form);

    private static void AssertOutputIsNfc(TestSite site)
    {
        foreach (var f in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
            if (Path.GetExtension(f) is ".html" or ".xml" or ".txt" or ".css" or ".js" or ".json")
                Assert.True(File.ReadAllText(f).IsNormalized(NormalizationForm.FormC), $"{f} is not NFC");
    }

    [Theory]
    [InlineData("NFC", "NFC")]
    [InlineData("NFC", "NFD")]
    [InlineData("NFD", "NFC")]
    [InlineData("NFD", "NFD")]
    public void A_summary_quote_matches_its_article_in_either_form(string articleForm, string quoteForm)
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaArticle(articleForm));
        site.Write("summaries/2023-12-13-alpha.yml", AlphaSummary("charm offensive vis-à-vis its fellow communist regime", "is doubling down on", quoteForm));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var page = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("vis-\u00e0-vis its fellow communist regime", page, StringComparison.Ordinal);
        Assert.DoesNotContain("a\u0300", page, StringComparison.Ordinal);
        AssertOutputIsNfc(site);
    }

    [Theory]
    [InlineData("NFC", "NFC")]
    [InlineData("NFC", "NFD")]
    [InlineData("NFD", "NFC")]
    [InlineData("NFD", "NFD")]
    public void A_claim_quote_matches_its_article_in_either_form(string articleForm, string quoteForm)
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaArticle(articleForm));
        site.Write("summaries/2023-12-13-alpha.yml", AlphaSummary("is doubling down on", "its fellow communist regime in Hà Nội", quoteForm));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Contains("its fellow communist regime in H\u00e0 N\u1ed9i", site.Page("compare/index.html"), StringComparison.Ordinal);
        AssertOutputIsNfc(site);
    }

    [Fact]
    public void A_site_typed_decomposed_builds_the_same_bytes_as_the_same_site_composed()
    {
        string Built(string form)
        {
            var site = new TestSite();
            site.Write(Alpha, AlphaArticle(form));
            site.Write("summaries/2023-12-13-alpha.yml", AlphaSummary("vis-à-vis its fellow communist", "regime in Hà Nội", form));
            site.Write("glossary.yml", Form("- id: nguyen-phu-trong\n  name: Nguyễn Phú Trọng\n  kind: person\n  native_name: Nguyễn Phú Trọng\n  native_lang: vi\n  text: Vietnam's party chief, in Hà Nội.\n", form));
            site.Write("topics/security-cooperation.md", Form("---\ntitle: Hợp tác an ninh\norder: 1\nquestion: Đà Nẵng?\n---\nThe overview, vis-à-vis Hà Nội.\n", form));
            var r = site.Build();
            Assert.True(r.Success, string.Join("\n", r.Diagnostics));
            AssertOutputIsNfc(site);
            return site.Root;
        }
        var nfc = Built("NFC");
        var nfd = Built("NFD");
        try
        {
            Folders.AssertSame(Path.Combine(nfc, "output"), Path.Combine(nfd, "output"));
        }
        finally
        {
            Directory.Delete(nfc, recursive: true);
            Directory.Delete(nfd, recursive: true);
        }
    }

    [Theory]
    [InlineData("NFC")]
    [InlineData("NFD")]
    public void A_glossary_native_name_is_published_composed(string form)
    {
        using var site = new TestSite();
        site.Write("glossary.yml", Form("- id: nguyen-phu-trong\n  name: Nguyen Phu Trong\n  kind: person\n  native_name: Nguyễn Phú Trọng\n  native_lang: vi\n  text: Vietnam's party chief.\n", form));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Contains("<span class=\"native\" lang=\"vi\">Nguy\u1ec5n Ph\u00fa Tr\u1ecdng</span>", site.Page("glossary/index.html"), StringComparison.Ordinal);
        AssertOutputIsNfc(site);
    }

    [Theory]
    [InlineData("NFC")]
    [InlineData("NFD")]
    public void A_Vietnamese_file_name_gives_the_same_slug_in_either_form(string form)
    {
        using var site = new TestSite();
        var name = Form("Hà Nội visit", form);
        site.Write($"articles/{name}.md", "---\ntitle: Xi in Hà Nội\nsource: alpha-news\ntopics: [maritime-disputes]\n---\nXi arrived in Hà Nội.\n");
        site.Write($"summaries/{name}.yml", "summary: Xi arrives.\nkey_points:\n  - text: Arrival.\n    topic: maritime-disputes\n    quote: \"arrived in Hà Nội\"\n");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == "BRF051"); // the summary found its article
        Assert.Contains("Xi arrived in H\u00e0 N\u1ed9i", site.Page("articles/ha-noi-visit/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NFC")]
    [InlineData("NFD")]
    public void An_id_written_in_YAML_is_read_composed_and_named_as_one_character_when_it_is_not_ASCII(string form)
    {
        // ids are ASCII: "vis-à-vis" is refused in either form, with the same message naming the composed letter
        using var site = new TestSite();
        site.Write("claims.yml", Form("- id: hotlines\n  topic: maritime-disputes\n  text: Hotlines.\n- id: statement-length\n  topic: security-cooperation\n  text: Length.\n- id: vis-à-vis\n  topic: security-cooperation\n  text: A claim.\n", form));
        var d = DiagnosticAssert.Has(site.Build(), "BRF030", "claims.yml", line: 7);
        Assert.Equal("The claim id 'vis-\u00e0-vis' must be lower-case letters, digits and hyphens; it contains '\u00e0' (U+00E0), a letter outside ASCII that may look like a Latin one. Change the id to 'vis-vis'.", d.Message);
    }

    [Fact]
    public void A_YAML_escape_that_decomposes_a_quote_is_read_composed()
    {
        using var site = new TestSite();
        site.Write(Alpha, AlphaArticle("NFC"));
        site.Write("summaries/2023-12-13-alpha.yml", AlphaSummary("charm offensive vis-a\\u0300-vis its", "is doubling down on", "NFC"));
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void A_quote_that_still_differs_is_shown_where_with_code_points()
    {
        using var site = new TestSite();
        site.Write(Alpha, "---\ntitle: Alpha\nsource: alpha-news\npublished: 2023-12-13\ntopics: [security-cooperation]\n---\nThe two leaders met in Thanh Hóa province on Tuesday.\n");
        // the older Vietnamese spelling puts the tone mark on the other vowel: "Hoá", not "Hóa"
        site.Write("summaries/2023-12-13-alpha.yml", AlphaSummary("met in Thanh Hoá province", "The two leaders met", "NFD"));
        var d = DiagnosticAssert.Has(site.Build(), "BRF060", "summaries/2023-12-13-alpha.yml", line: 6);
        Assert.EndsWith("Closest passage: \"met in Thanh Hóa province\". The quote differs from it at 'o' (U+006F) against 'ó' (U+00F3).", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vis-a\u0300-vis", "vis-\u00e0-vis", "The quote differs from it at 'a\u0300' (U+0061 U+0300) against '\u00e0' (U+00E0).")]
    [InlineData("its fellow c\u043emmunist regime", "doubling down on its fellow communist regime", "The quote differs from it at '\u043e' (U+043E) against 'o' (U+006F).")]
    [InlineData("the fellow regime", "its fellow regime", "The quote differs from it at 't' (U+0074) against 'i' (U+0069).")]
    [InlineData("its fellow regime today", "its fellow regime", "The passage ends where the quote goes on with 'today'.")]
    [InlineData("its “fellow” regime", "its \"fellow\" regime", "")]
    public void The_first_difference_is_told_with_its_code_points(string quote, string passage, string expected) =>
        Assert.Equal(expected, QuoteDifference.Describe(quote, passage));

    [Theory]
    [InlineData("vis-a\u0300-vis", "vis-\u00e0-vis")]
    [InlineData("plain ASCII", "plain ASCII")]
    [InlineData("a\u0300\uFFFEe\u0301", "\u00e0\uFFFE\u00e9")] // the runtime refuses U+FFFE: the pieces around it are normalised
    public void Nfc_composes_what_it_can(string text, string expected) => Assert.Equal(expected, Briefing.Text.Nfc.Of(text));

    [Fact]
    public void Nfc_leaves_a_lone_surrogate_for_the_checks_to_report()
    {
        // made here, not in [InlineData], whose discovery would turn the lone surrogate into U+FFFD
        var text = "a\u0300" + (char)0xD800;
        Assert.Same(text, Briefing.Text.Nfc.Of(text));
    }
}
