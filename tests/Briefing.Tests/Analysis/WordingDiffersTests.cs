using System.Net;
using System.Text.RegularExpressions;
using Briefing.Tests.Support;

namespace Briefing.Tests.Analysis;

/// <summary>"Wording differs" marks only a key term of the glossary given in different forms, never a synonym (issue 25.5).</summary>
public sealed class WordingDiffersTests
{
    private static string Row(string html, string id) => Regex.Match(html, $"<tr id=\"claim-{id}\".*?</tr>", RegexOptions.Singleline).Value;

    [Fact]
    public void Different_forms_of_a_glossary_term_are_marked_and_synonyms_are_not()
    {
        using var site = new TestSite();
        site.Write("articles/2023-12-13-alpha.md", "---\ntitle: Alpha\nsource: alpha-news\npublished: 2023-12-13\ntopics: [maritime-disputes]\n---\nThey agreed to boost cooperation and to finish a Code of Conduct soon.\n");
        site.Write("articles/2023-12-14-beta.md", "---\ntitle: Beta\nsource: beta-wire\npublished: 2023-12-14\ntopics: [maritime-disputes]\n---\nThe two sides will step up cooperation and complete the COC in the coming years.\n");
        site.Write("summaries/2023-12-13-alpha.yml", "summary: a\nkey_points:\n  - text: More cooperation.\n    topic: maritime-disputes\n    quote: \"agreed to boost cooperation\"\nclaims:\n  - claim: cooperation\n    quote: \"agreed to boost cooperation\"\n  - claim: coc\n    quote: \"finish a Code of Conduct\"\n");
        site.Write("summaries/2023-12-14-beta.yml", "summary: b\nkey_points:\n  - text: More cooperation.\n    topic: maritime-disputes\n    quote: \"will step up cooperation\"\nclaims:\n  - claim: cooperation\n    quote: \"will step up cooperation\"\n  - claim: coc\n    quote: \"complete the COC in\"\n");
        site.Write("claims.yml", "- id: cooperation\n  topic: maritime-disputes\n  text: They will cooperate more.\n- id: coc\n  topic: maritime-disputes\n  text: They will agree a Code of Conduct.\n");
        site.Write("glossary.yml", "- id: coc\n  name: Code of Conduct (COC)\n  kind: term\n  text: A term.\n");
        site.Write("site.yml", "title: T\nbase_url: https://example.org/\n");
        var r = site.Build();
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var html = WebUtility.HtmlDecode(site.Page("compare/index.html"));
        Assert.DoesNotContain("differs", Row(html, "cooperation"));
        var coc = Row(html, "coc");
        Assert.Contains("Wording differs", coc);
        Assert.Contains("<span class=\"num\">code of conduct</span>", coc);
        Assert.Contains("<span class=\"num\">coc</span>", coc);
        // the rule is stated on the page
        Assert.Contains("never for a synonym", html);
    }
}
