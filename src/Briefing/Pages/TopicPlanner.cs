using System.Collections.Concurrent;
using System.Globalization;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Rendering;

namespace Briefing.Pages;

/// <summary>
/// Topic pages. A topic whose lists all fit on a page has one page, as it always had; a longer one shows its overview,
/// its disagreements and its latest articles first, and its articles page by page (issue 23).
/// </summary>
public sealed partial class Planner
{
    /// <summary>A topic's articles (newest first), its claims and its timeline events, found once for all its pages.</summary>
    private sealed record TopicLists(List<ArticleInfo> Articles, List<ClaimRow> Claims, List<TimelineEvent> Events);

    private readonly ConcurrentDictionary<string, Lazy<TopicLists>> _topicLists = new(StringComparer.Ordinal);

    private TopicLists ListsOf(Topic t) => _topicLists.GetOrAdd(t.Id, _ => new Lazy<TopicLists>(() =>
    {
        var articles = ByDate(_a.Articles.Where(a => a.Article.Topics.Any(x => x.Value == t.Id))).ToList();
        var slugs = articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var claims = _a.Claims.Where(r => r.Claim.Topic?.Value == t.Id).ToList();
        var events = _c.Timeline.Where(e => e.Topics.Count > 0 ? e.Topics.Any(x => x.Value == t.Id) : e.Articles.Any(a => slugs.Contains(a.Value))).ToList();
        return new TopicLists(articles, claims, events);
    })).Value;

    /// <summary>Whether any of a topic's lists is longer than a page.</summary>
    private bool Paged(TopicLists l) => l.Articles.Count > PageSize || l.Claims.Count > PageSize || l.Events.Count > PageSize;

    private IEnumerable<Func<Page>> TopicPages() => _c.Topics.SelectMany(t =>
    {
        var lists = ListsOf(t);
        if (!Paged(lists)) return [() => Topic(t)];
        var count = PageCount(lists.Articles.Count);
        return Enumerable.Range(1, count).Select(n => (Func<Page>)(() => TopicPage(t, n, count)));
    });

    /// <summary>What each source says on the topic: the key points of <paramref name="articles"/>, by source.</summary>
    private List<SourceGroupVm> SourceGroups(Topic t, IEnumerable<ArticleInfo> articles) => articles
        .Where(a => a.Summary is not null)
        .OrderBy(a => SourceName(a), StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Slug, StringComparer.Ordinal)
        .Select(a => new SourceGroupVm(SourceName(a), a.Source is null ? "" : _u.Source(a.Source.Id), a.Article.Title, _u.Article(a.Slug),
            a.Summary!.KeyPoints.Where(k => k.Topic?.Value == t.Id).Select(k => KeyPoint(a, k)).ToList()) { SourceInferred = Markers.AttributionInferred(a.Article) })
        .Where(g => g.Points.Count > 0)
        .ToList();

    private HtmlBody Overview(Topic t) => new(_md.Render(t.Body, anchorParagraphs: false, cites: Cites).Html);

    /// <summary>The one page of a topic whose lists fit on it.</summary>
    private Page Topic(Topic t)
    {
        var lists = ListsOf(t);
        var claims = lists.Claims.Select(r => ClaimVm(r, r.Citations)).ToList();
        var vm = new TopicVm(t.Title, t.Question, Overview(t), SourceGroups(t, lists.Articles), claims, lists.Events.Select(Event).ToList(), lists.Articles.Select(Card).ToList(), _u.Compare) { Glance = Glance(lists.Articles, claims.Count), BriefUrl = _u.TopicBrief(t.Id) };
        var url = _u.Topic(t.Id);
        return new Page { Url = url, OutputPath = _u.OutputPath(url), Template = "topic", Model = vm, Title = t.Title, Description = t.Question, Section = url };
    }

    /// <summary>Page <paramref name="number"/> of a long topic: its articles, newest first, with what each says; page 1 also the overview, disagreements and latest events.</summary>
    private Page TopicPage(Topic t, int number, int count)
    {
        var lists = ListsOf(t);
        var first = _u.Topic(t.Id);
        var articles = Slice(lists.Articles, number);
        List<ClaimEntryVm> disagreements = [];
        List<EventVm> events = [];
        var note = "";
        if (number == 1)
        {
            var differing = lists.Claims.Select(r => (Claim: r, Row: DifferenceRow(r))).Where(x => x.Row.Differs).ToList();
            disagreements = differing.OrderByDescending(x => _reporters[x.Claim]).Take(PageSize).Select(x => new ClaimEntryVm(x.Row, ClaimUrl(x.Claim), "")).ToList();
            note = differing.Count == 0 ? "No claim on this topic is reported in different words or with different numbers."
                : differing.Count > disagreements.Count ? string.Create(CultureInfo.InvariantCulture, $"{Count(differing.Count, "claim")} of the {lists.Claims.Count:N0} on this topic are reported in different words or with different numbers; here are the {disagreements.Count} that most articles report.")
                : string.Create(CultureInfo.InvariantCulture, $"{Count(differing.Count, "claim")} of the {lists.Claims.Count:N0} on this topic {(differing.Count == 1 ? "is" : "are")} reported in different words or with different numbers.");
            events = lists.Events.Skip(Math.Max(0, lists.Events.Count - PageSize)).Select(Event).ToList();
        }
        var claims = lists.Claims.Count == 0 ? new MoreVm("", "") : new MoreVm($"All {Count(lists.Claims.Count, "claim")} on this topic, with the articles that report each", ClaimsUrl(t.Id));
        var timeline = new MoreVm(lists.Events.Count > events.Count ? $"The full timeline ({Count(_c.Timeline.Count, "event")})" : "The full timeline", _u.Timeline);
        var vm = new TopicPageVm(t.Title, t.Question, number, Position(number, count), number == 1 ? Overview(t) : HtmlBody.Empty, disagreements, note, claims,
            articles.Select(Card).ToList(), lists.Articles.Count == 0 ? "No article is on this topic yet." : Range("Articles", number, lists.Articles.Count) + ", newest first", Pager(first, number, count, $"Pages of the articles on {t.Title}"),
            SourceGroups(t, articles), events, timeline, _u.Compare) { BriefUrl = _u.TopicBrief(t.Id) };
        var url = Urls.Paged(first, number);
        return new Page { Url = url, OutputPath = _u.OutputPath(url), Template = "topic-paged", Model = vm, Title = PagedTitle(t.Title, number, count), Description = t.Question, Section = first };
    }
}
