using Briefing.Analysis;
using Briefing.Content;
using Briefing.Text;

namespace Briefing.Pages;

/// <summary>A topic's one-page brief (issue 20): made for print, one A4 or Letter page.</summary>
public sealed partial class Planner
{
    /// <summary>At most this many key points: the topic's claims that the most articles report.</summary>
    public const int BriefPoints = 5;
    /// <summary>The brief's most recent timeline events.</summary>
    public const int BriefEvents = 3;

    /// <summary>The timeline events a topic's pages show: those tagged with it, or (untagged) those of its articles.</summary>
    private IEnumerable<TimelineEvent> TopicEvents(Topic t, HashSet<string> slugs) =>
        _c.Timeline.Where(e => e.Topics.Count > 0 ? e.Topics.Any(x => x.Value == t.Id) : e.Articles.Any(a => slugs.Contains(a.Value)));

    private Page Brief(Topic t)
    {
        var slugs = _a.Articles.Where(a => a.Article.Topics.Any(x => x.Value == t.Id)).Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var rows = _a.Claims.Where(r => r.Claim.Topic?.Value == t.Id).ToList();
        string SourceOf(string slug) => _a.BySlug.TryGetValue(slug, out var a) ? Markers.SourceText(a.Article, a.Source) : slug;
        var points = rows
            .Select((r, i) => (Row: r, Order: i, Reporters: r.Citations.Select(c => c.ArticleSlug).Distinct(StringComparer.Ordinal).Count()))
            .Where(x => x.Reporters > 0)
            .OrderByDescending(x => x.Reporters).ThenBy(x => x.Order).Take(BriefPoints)
            .Select(x => new BriefPointVm(x.Row.Claim.Text, x.Row.Citations.Select(c => SourceOf(c.ArticleSlug)).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
        var disagreements = rows.Select(r => (Row: r, Diff: Difference(r))).Where(x => x.Diff.Label.Length > 0)
            .OrderBy(x => x.Diff.Label == "Numbers differ" ? 0 : 1)
            .Select(x => new BriefDisagreementVm(x.Row.Claim.Text, x.Diff.Label,
                x.Row.Citations.GroupBy(c => c.ArticleSlug, StringComparer.Ordinal).Select(g => new BriefQuoteVm(g.First().Quote, SourceOf(g.Key))).ToList()))
            .ToList();
        var events = TopicEvents(t, slugs).OrderByDescending(e => e.Date).Take(BriefEvents).Select(e => new BriefEventVm(Date(e.Date), e.Title)).ToList();
        var url = _u.TopicBrief(t.Id);
        var vm = new BriefVm(t.Title, t.Question, points, disagreements, events, _u.Topic(t.Id), _u.Absolute(url));
        return new Page { Url = url, OutputPath = _u.OutputPath(url), Template = "brief", Model = vm, Title = "One-page brief: " + t.Title, Description = t.Question, Section = _u.Topic(t.Id) };
    }
}
