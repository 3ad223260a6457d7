using System.Collections.Concurrent;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Incremental;
using Briefing.Pages;
using Briefing.Rendering;
using Briefing.Validation;

namespace Briefing.Build;

/// <summary>An article's text as the checks, text reuse and the pages use it: its rendered body and its quote finder.</summary>
internal sealed record ArticleText(RenderedMarkdown Body, QuoteFinder Finder);

/// <summary>
/// Each article, on the core that parses it: parse → render its Markdown → find the summaries' quotes in it → cut it
/// into text-reuse shingles. Done at once, the article's source need not be kept: a one-off build keeps the HTML and
/// the paragraphs (packed), not the source, which for a large briefing is the larger part.
/// </summary>
internal sealed class ArticleStep
{
    private readonly IBuildCache _cache;
    private readonly DiagnosticBag _diags;
    private readonly bool _allowHtml;
    // the quotes the checks will look up in each article, in their order (every summary of its slug)
    private readonly Dictionary<string, List<string>> _quotes = new(StringComparer.Ordinal);
    private int _rendered;

    public ArticleStep(SiteConfig site, IReadOnlyList<Summary> summaries, IBuildCache cache, DiagnosticBag diags)
    {
        (_cache, _diags, _allowHtml) = (cache, diags, site.AllowHtml);
        Markdown = new MarkdownRenderer(site.AllowHtml);
        foreach (var s in summaries)
        {
            if (!_quotes.TryGetValue(s.Slug, out var quotes)) _quotes[s.Slug] = quotes = [];
            quotes.AddRange(s.KeyPoints.Select(k => k.Quote.Value));
            quotes.AddRange(s.Claims.Select(c => c.Quote.Value));
        }
    }

    /// <summary>The one Markdown pipeline of the build.</summary>
    public MarkdownRenderer Markdown { get; }

    /// <summary>How many article bodies were rendered (not taken from the cache).</summary>
    public int Rendered => _rendered;

    /// <summary>Each loaded article's text, by the article object.</summary>
    public ConcurrentDictionary<Article, ArticleText> Texts { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each rendered article's distinct text-reuse shingles, by its paragraph list.</summary>
    public ConcurrentDictionary<IReadOnlyList<string>, ShingledDocument> Shingles { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parses every article file with <paramref name="loader"/> and takes each through the step, on all cores.</summary>
    public List<Article> LoadAll(InputLoader loader, IReadOnlyList<string> paths, IBuildProgress? progress)
    {
        var loaded = new Article?[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            loaded[i] = loader.Article(paths[i]) is { } a ? Run(a) : null;
            progress?.Advance();
        });
        return loaded.OfType<Article>().ToList();
    }

    /// <summary>The article as loaded: without its source, unless the cache keeps the text for later builds.</summary>
    private Article Run(Article a)
    {
        var text = _cache.Text(a, _allowHtml, _diags) ?? Make(a);
        var article = _cache.KeepsText ? a : a with { Body = "" };
        Texts[article] = text;
        return article;
    }

    private ArticleText Make(Article a)
    {
        Interlocked.Increment(ref _rendered);
        // a kept text keeps its diagnostics, to report them again while it is reused
        var diags = _cache.KeepsText ? new DiagnosticBag() : _diags;
        var body = Markdown.Render(a.Body, anchorParagraphs: true, a.Pos.File, a.BodyLine, diags);
        var finder = new QuoteFinder(body.Paragraphs);
        var packed = PackedParagraphs.Pack(body.Paragraphs);
        if (!_cache.KeepsText)
        {
            // The quote finder answers the summary's quotes now (and finds the closest passage to each missing one, for
            // the checks' messages), then lets go of the text; the paragraphs are kept packed until text reuse and the
            // pair pages have used them. (The preview's finders stay open: a summary may change while its article does not.)
            finder.Seal(_quotes.GetValueOrDefault(a.Slug) ?? [], Urls.TextFragment, forChecks: true);
            // the preview keeps fuller shingles of its own (IBuildCache.Shingles)
            Shingles[packed] = ShingledDocument.Create(new ReuseDocument(a.Slug, packed), TextReuseOptions.Default.ShingleSize, distinctOnly: true, text: body.Paragraphs);
        }
        var text = new ArticleText(body with { Paragraphs = packed }, finder);
        if (_cache.KeepsText)
        {
            var ds = diags.Sorted();
            _diags.AddRange(ds);
            _cache.Keep(a, _allowHtml, text, ds);
        }
        return text;
    }
}
