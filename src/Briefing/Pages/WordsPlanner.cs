using System.Globalization;
using Briefing.Analysis;

namespace Briefing.Pages;

/// <summary>How each source names things (issue 20): per glossary entry, a source × variant table of counts.</summary>
public sealed partial class Planner
{
    /// <summary>The glossary's variants as counted in the articles (<see cref="VariantUse.Count"/>); none unless the build sets it.</summary>
    public VariantUse Variants { get; init; } = VariantUse.None;

    /// <summary>The words page's URL, or empty when no glossary entry lists variants (there is no such page).</summary>
    private string WordsUrl => Variants.Counter.Variants.Count > 0 ? _u.Words : "";

    private Page WordsPage()
    {
        var counter = Variants.Counter;
        // the "first" use is in the earliest article; undated ones after the dated
        var ordered = _a.Articles.OrderBy(a => a.Article.Published is null).ThenBy(a => a.Article.Published ?? default).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
        var tables = new List<VariantTableVm>();
        foreach (var entry in counter.Variants.Select(v => v.Entry).Distinct())
        {
            var columns = Enumerable.Range(0, counter.Variants.Count).Where(k => ReferenceEquals(counter.Variants[k].Entry, entry)).ToList();
            var rows = ordered.Where(a => columns.Any(k => Variants.BySlug.GetValueOrDefault(a.Slug)?[k] is not null))
                .GroupBy(a => a.Source?.Id ?? "", StringComparer.Ordinal)
                .Select(g => VariantRow(g.ToList(), columns))
                .OrderBy(r => r.SourceName, StringComparer.OrdinalIgnoreCase).ToList();
            var url = _u.Glossary + "#" + entry.Id;
            tables.Add(new VariantTableVm(entry.Id, entry.Name, url, columns.Select(k => new VariantColumnVm(counter.Variants[k].Text.Value, entry.Name, url)).ToList(), rows));
        }
        var vm = new WordsVm(tables, _u.Glossary, _u.Compare);
        return new Page { Url = _u.Words, OutputPath = _u.OutputPath(_u.Words), Template = "words", Model = vm, Title = "How each source names things", Description = "The words each source uses for the same thing, counted in the articles' own text.", Section = _u.Compare };
    }

    private VariantRowVm VariantRow(List<ArticleInfo> articles, List<int> columns)
    {
        var first = articles[0];
        var cells = columns.Select(k =>
        {
            var uses = articles.Select(a => (Article: a, Hit: Variants.BySlug[a.Slug][k])).Where(x => x.Hit is not null).ToList();
            if (uses.Count == 0) return new VariantCellVm(0, "not used", "");
            var n = uses.Sum(x => x.Hit!.Value.Count);
            var (a, hit) = (uses[0].Article, uses[0].Hit!.Value);
            return new VariantCellVm(n, Plural(n, "use") + "; the first in " + Markers.Label(a.Article, a.Source), _u.Quote(a.Slug, hit.Paragraph, hit.Original));
        }).ToList();
        var inferred = articles.Any(a => Markers.AttributionInferred(a.Article));
        return new VariantRowVm(Markers.SourceName(first.Source), first.Source is null ? "" : _u.Source(first.Source.Id), cells) { SourceInferred = inferred };
    }
}
