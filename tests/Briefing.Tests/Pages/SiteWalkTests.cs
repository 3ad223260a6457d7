using System.Text.RegularExpressions;
using Briefing.Bench;

namespace Briefing.Tests.Pages;

/// <summary>
/// A reader who follows links from the home page of the benchmark's briefing of 1,000 articles (wire copy in clusters)
/// reaches every page: every article, every claim, every cluster of copies (issue 23).
/// </summary>
public sealed partial class SiteWalkTests
{
    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("id=\"claim-([a-z0-9-]+)\"")]
    private static partial Regex ClaimAnchor();

    [Fact]
    public void Every_article_claim_and_cluster_is_reached_by_links_from_the_home_page_at_n_1000()
    {
        var root = Path.Combine(Path.GetTempPath(), "briefing-walk-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            CorpusGenerator.Write(Path.Combine(root, "input"), 1000, CorpusShape.Wire);
            var r = new SiteBuilder().Build(new BuildOptions { InputDir = Path.Combine(root, "input"), ThemeDir = Support.Repo.Theme, OutputDir = Path.Combine(root, "output"), Write = false });
            Assert.True(r.Success, string.Join("\n", r.Diagnostics.Take(10)));
            var html = r.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
                .ToDictionary(f => "/" + (f.Path.EndsWith("index.html", StringComparison.Ordinal) ? f.Path[..^"index.html".Length] : f.Path), f => System.Text.Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

            var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
            var queue = new Queue<string>(["/"]);
            var claims = new HashSet<string>(StringComparer.Ordinal);
            while (queue.TryDequeue(out var url))
            {
                var page = html[url];
                foreach (Match m in ClaimAnchor().Matches(page)) claims.Add(m.Groups[1].Value);
                foreach (Match m in Href().Matches(page))
                {
                    var target = m.Groups[1].Value.Split('#')[0];
                    if (target.StartsWith('/') && html.ContainsKey(target) && seen.Add(target)) queue.Enqueue(target);
                }
            }

            var articles = Directory.GetFiles(Path.Combine(root, "input", "articles")).Select(f => "/articles/" + Path.GetFileNameWithoutExtension(f) + "/").ToList();
            Assert.Equal(1000, articles.Count);
            Assert.All(articles, a => Assert.Contains(a, seen));
            var clusters = html.Keys.Where(k => k.StartsWith("/compare/copies-of-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(clusters);
            Assert.All(clusters, c => Assert.Contains(c, seen));
            Assert.Equal(CorpusGenerator.ClaimCount(1000), claims.Count);
            // and every other page too, but the not-found page
            Assert.DoesNotContain(html.Keys, k => k != "/404.html" && !seen.Contains(k));
            // the lists are paginated, so no page but an article's grows with the briefing
            Assert.Contains("/topics/maritime-disputes/page/2/", seen);
            Assert.All(html.Where(p => !p.Key.StartsWith("/articles/", StringComparison.Ordinal) && !p.Key.Contains("--", StringComparison.Ordinal)),
                p => Assert.True(p.Value.Length < 250_000, $"{p.Key} is {p.Value.Length:N0} characters"));
            var feed = System.Text.Encoding.UTF8.GetString(r.Files.Single(f => f.Path == "feed.xml").Content);
            Assert.Equal(50, Regex.Count(feed, "<entry>"));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
