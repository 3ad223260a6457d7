using Briefing.Analysis;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Tests.Support;

namespace Briefing.Tests.Reader;

public sealed class VariantTests
{
    private static GlossaryEntry Entry(string id, params string[] variants) => new()
    {
        Id = id, Name = id, Pos = new SourcePos("glossary.yml", 1, 1),
        Variants = variants.Select((v, i) => new Located<string>(v, new SourcePos("glossary.yml", 2 + i, 1))).ToList(),
    };

    [Fact]
    public void Variants_are_counted_folding_case_diacritics_and_a_plural()
    {
        var counter = new VariantCounter([Entry("sea", "South China Sea", "East Sea", "Biển Đông"), Entry("cr", "color revolution")]);
        var hits = counter.Count(["The BIEN DONG, or biển đông, is the east sea.", "Against Color Revolutions and the South China Sea."]);
        Assert.Equal(1, hits[0]!.Value.Count);
        Assert.Equal(1, hits[0]!.Value.Paragraph);
        Assert.Equal(1, hits[1]!.Value.Count);
        Assert.Equal(2, hits[2]!.Value.Count);
        Assert.Equal("BIEN DONG", hits[2]!.Value.Original);
        Assert.Equal("Color Revolutions", hits[3]!.Value.Original);
    }

    [Fact]
    public void The_longest_variant_is_counted_and_its_words_not_again()
    {
        var counter = new VariantCounter([Entry("future", "shared future", "community with a shared future")]);
        var hits = counter.Count(["a community with a shared future and a shared future", "no shared futurism here"]);
        Assert.Equal(1, hits[0]!.Value.Count); // "shared future", on its own once
        Assert.Equal(1, hits[1]!.Value.Count); // the long form once
        Assert.Equal(0, hits[0]!.Value.Paragraph);
    }

    private static TestSite SiteWithVariants(string variants)
    {
        var site = new TestSite();
        site.Write("glossary.yml", site.Read("glossary.yml").Replace("  text: A term.", "  text: A term.\n  variants: [" + variants + "]", StringComparison.Ordinal));
        return site;
    }

    [Fact]
    public void The_table_counts_each_source_and_links_to_its_first_paragraph()
    {
        using var site = SiteWithVariants("hotlines, work more closely");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var page = site.Page("compare/words/index.html");
        Assert.Contains("<th scope=\"col\">“work more closely”</th>", page);
        // Alpha uses it in its second paragraph (the heading is not one), Beta in its first
        Assert.Contains("href=\"/articles/2023-12-13-alpha/#p-2:~:text=work%20more%20closely\">1<", page.Replace("&#x3D;", "=", StringComparison.Ordinal));
        Assert.Contains("href=\"/articles/2023-12-14-beta/#p-1:~:text=work%20more%20closely\">1<", page.Replace("&#x3D;", "=", StringComparison.Ordinal));
        Assert.Contains("href=\"/compare/words/\"", site.Page("compare/index.html"));
        Assert.Contains("href=\"/compare/words/\"", site.Page("glossary/index.html"));
    }

    [Fact]
    public void A_variant_no_article_uses_is_a_warning_naming_the_entry_and_strict_fails()
    {
        // "A term." is the editors' text of the entry and "Hotlines at sea." a key point: neither counts
        using var site = SiteWithVariants("hotlines, A term, Hotlines at sea");
        var r = site.Build();
        Assert.True(r.Success);
        var warnings = r.Diagnostics.Where(d => d.Code == Codes.VariantUnused).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("'colour-revolution'", w.Message));
        Assert.Contains(warnings, w => w.Message.Contains("'Hotlines at sea'", StringComparison.Ordinal) && w.File.EndsWith("glossary.yml", StringComparison.Ordinal) && w.Line == 12);
        Assert.False(site.Build(strict: true).Success);
    }

    [Fact]
    public void Without_variants_there_is_no_words_page_and_no_link_to_it()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        Assert.False(File.Exists(Path.Combine(site.Output, "compare/words/index.html")));
        Assert.DoesNotContain("/compare/words/", site.Page("compare/index.html"));
    }
}
