using Briefing.Cli;
using Briefing.Tests.Support;

namespace Briefing.Tests.Preview;

public sealed class ScaffoldTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (Program.Run(args, o, e), o.ToString(), e.ToString());
    }

    [Fact]
    public void New_article_writes_skeletons_that_pass_check_once_filled_in()
    {
        using var site = new TestSite();
        var (code, stdout, stderr) = Run("new", "article", "2024-01-05-alpha-follow-up", "--source", "alpha-news", "--topic", "security-cooperation", "--topic", "maritime-disputes", "--input", site.Input);
        Assert.True(code == 0, stderr);
        Assert.Contains("Wrote", stdout);
        var article = Path.Combine(site.Input, "articles", "2024-01-05-alpha-follow-up.md");
        var summary = Path.Combine(site.Input, "summaries", "2024-01-05-alpha-follow-up.yml");
        Assert.Contains("published: 2024-01-05", File.ReadAllText(article));
        Assert.Contains("topics: [security-cooperation, maritime-disputes]", File.ReadAllText(article));

        // as written, the skeleton's placeholder quote is not in the article: check says so
        Assert.False(site.Build(write: false).Success);

        File.WriteAllText(article, File.ReadAllText(article)
            .Replace("FILL IN: the headline as published", "Alpha follows up")
            .Replace("FILL IN: the article's first paragraph, in its original wording.", "The hotline was tested for the first time.")
            .Replace("FILL IN: the next paragraph. One blank line between paragraphs; \"## Subhead\" for subheads.", "Officials said it worked."));
        File.WriteAllText(summary, File.ReadAllText(summary)
            .Replace("FILL IN: two or three sentences in the editors' words.", "Alpha reports a hotline test.")
            .Replace("FILL IN: what this source emphasises compared with the others.", "The test.")
            .Replace("FILL IN: a key point in the editors' words.", "The hotline was tested.")
            .Replace("FILL IN: words copied exactly from the article", "The hotline was tested for the first time"));
        var r = site.Build(write: false);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
    }

    [Fact]
    public void New_article_refuses_to_overwrite()
    {
        using var site = new TestSite();
        var path = Path.Combine(site.Input, "articles", "2023-12-13-alpha.md");
        var before = File.ReadAllText(path);
        var (code, _, stderr) = Run("new", "article", "2023-12-13-alpha", "--source", "alpha-news", "--topic", "security-cooperation", "--input", site.Input);
        Assert.Equal(2, code);
        Assert.Contains("never overwrites", stderr);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void New_article_rejects_unknown_ids_with_suggestions()
    {
        using var site = new TestSite();
        var (code, _, stderr) = Run("new", "article", "2024-01-05-x", "--source", "alpha-new", "--topic", "security", "--input", site.Input);
        Assert.Equal(2, code);
        Assert.Contains("Did you mean 'alpha-news'?", stderr);
        Assert.Contains("No topic has the id 'security'", stderr);
        Assert.False(File.Exists(Path.Combine(site.Input, "articles", "2024-01-05-x.md")));
    }
}
