using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Briefing.Analysis;
using Briefing.Build;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Pages;
using Briefing.Rendering;

namespace Briefing.Incremental;

/// <summary>
/// The preview's cache: parsed files, rendered article bodies and their quote finders, text-reuse shingles, pair
/// alignments, templates, planned pages and the last build's pages and files, each reused while what made it is unchanged.
/// </summary>
internal sealed class PreviewCache(ArticleCache parsed) : IBuildCache
{
    public ArticleCache? Parsed => parsed;
    public bool KeepsText => true;

    // ---- article text, by file ----

    private sealed record TextEntry(string Body, int BodyLine, bool AllowHtml, ArticleText Text, IReadOnlyList<Diagnostic> Diagnostics);
    private readonly ConcurrentDictionary<string, TextEntry> _texts = new(StringComparer.Ordinal);

    public ArticleText? Text(Article a, bool allowHtml, DiagnosticBag diags)
    {
        if (!_texts.TryGetValue(a.Pos.File, out var hit) || hit.BodyLine != a.BodyLine || hit.AllowHtml != allowHtml || hit.Body != a.Body) return null;
        diags.AddRange(hit.Diagnostics);
        return hit.Text;
    }

    public void Keep(Article a, bool allowHtml, ArticleText text, IReadOnlyList<Diagnostic> diags) =>
        _texts[a.Pos.File] = new TextEntry(a.Body, a.BodyLine, allowHtml, text, diags);

    public ShingleCache? Shingles { get; } = new();

    // ---- pair alignments, kept while both texts are the same objects (unchanged articles) ----

    private readonly ConditionalWeakTable<IReadOnlyList<string>, ConditionalWeakTable<IReadOnlyList<string>, IReadOnlyList<AlignedRow>>> _alignments = new();

    public Func<ReuseDocument, ReuseDocument, IReadOnlyList<AlignedRow>>? Align => AlignCached;

    private IReadOnlyList<AlignedRow> AlignCached(ReuseDocument a, ReuseDocument b)
    {
        var inner = _alignments.GetValue(a.Paragraphs, _ => new());
        return inner.GetValue(b.Paragraphs, _ => PairAligner.Align(a, b));
    }

    public TemplateEngine? Templates { get; set; }

    // ---- planned pages and the feed, kept while their keys are unchanged ----

    private readonly PageMemo _memo = new();
    private (PageKey Key, byte[] Bytes)? _feed;
    private PageKey? _feedKey;

    public PageMemo? BeginPlan(Urls urls)
    {
        _memo.BeginBuild(urls.Origin + "\n" + urls.BasePath);
        return _memo;
    }

    public void EndRender() => _memo.EndBuild();

    public byte[]? KeptFeed(Planner planner)
    {
        var key = _feedKey = planner.FeedKey();
        return _feed is { } f && f.Key.Same(key) ? f.Bytes : null;
    }

    // ---- the last build's pages: reused while template, model and layout are the same ----

    private sealed record LastBuild(TemplateEngine Engine, string OutputDir, IReadOnlyDictionary<string, (byte[] Print, Page Page)> Pages, Dictionary<string, byte[]> Files, string LayoutKey);
    private LastBuild? _last;
    private LastBuild? _previous;
    private TemplateEngine? _engine;
    private string _layoutKey = "";
    private bool _sameLayout;
    private ConcurrentDictionary<string, (byte[] Print, Page Page)> _pages = new(StringComparer.Ordinal);
    private int _reused;

    public int ReusedPages => _reused;

    public IReadOnlyDictionary<string, byte[]>? WrittenBefore(string outputDir, TemplateEngine engine) =>
        _last is { } last && ReferenceEquals(last.Engine, engine) && last.OutputDir == Path.GetFullPath(outputDir) && Directory.Exists(outputDir) ? last.Files : null;

    public void BeginRender(TemplateEngine engine, PageLayout layout)
    {
        _engine = engine;
        _previous = _last is { } last && ReferenceEquals(last.Engine, engine) ? last : null;
        // A page object the memo kept (the same object as last time) under the same layout has the same bytes: it is
        // not even fingerprinted.
        _layoutKey = layout.Key();
        _sameLayout = _previous is not null && _previous.LayoutKey == _layoutKey;
        _pages = new(StringComparer.Ordinal);
        _reused = 0;
    }

    public byte[]? KeptPage(Page page, PageLayout layout)
    {
        if (_sameLayout && _previous!.Pages.TryGetValue(page.OutputPath, out var kept) && ReferenceEquals(kept.Page, page)
            && _previous.Files.TryGetValue(page.OutputPath, out var same))
        {
            _pages[page.OutputPath] = kept;
            Interlocked.Increment(ref _reused);
            return same;
        }
        // what a page's HTML depends on: its template, its view model and its layout model (without the body), hashed
        var print = ModelPrint.Hash(page.Template, page.Model, layout.For(page, HtmlBody.Empty));
        _pages[page.OutputPath] = (print, page);
        if (_previous is not null && _previous.Pages.TryGetValue(page.OutputPath, out var before) && before.Print.AsSpan().SequenceEqual(print)
            && _previous.Files.TryGetValue(page.OutputPath, out var bytes))
        {
            Interlocked.Increment(ref _reused);
            return bytes;
        }
        return null;
    }

    public void Remember(string outputDir, IReadOnlyList<OutputFile> files)
    {
        var written = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        if (_feedKey is { } key && written.TryGetValue("feed.xml", out var feed)) _feed = (key, feed);
        _last = new LastBuild(_engine!, outputDir, _pages, written, _layoutKey);
        _previous = null;
    }

    public void Forget() => _last = null;
}
