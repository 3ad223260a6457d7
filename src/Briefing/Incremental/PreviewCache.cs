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
/// alignments, templates and the last build's page fingerprints and files, each reused while what made it is unchanged.
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

    // ---- the last build's pages: reused while their fingerprints are the same ----

    private sealed record LastBuild(TemplateEngine Engine, string OutputDir, IReadOnlyDictionary<string, byte[]> Prints, Dictionary<string, byte[]> Files);
    private LastBuild? _last;
    private LastBuild? _previous;
    private TemplateEngine? _engine;
    private ConcurrentDictionary<string, byte[]> _prints = new(StringComparer.Ordinal);
    private int _reused;

    public int ReusedPages => _reused;

    public IReadOnlyDictionary<string, byte[]>? WrittenBefore(string outputDir, TemplateEngine engine) =>
        _last is { } last && ReferenceEquals(last.Engine, engine) && last.OutputDir == Path.GetFullPath(outputDir) && Directory.Exists(outputDir) ? last.Files : null;

    public void BeginRender(TemplateEngine engine, PageLayout layout)
    {
        _engine = engine;
        _previous = _last is { } last && ReferenceEquals(last.Engine, engine) ? last : null;
        _prints = new(StringComparer.Ordinal);
        _reused = 0;
    }

    public byte[]? KeptPage(Page page, PageLayout layout)
    {
        // what a page's HTML depends on: its template, its view model and its layout model (without the body), hashed
        var print = ModelPrint.Hash(page.Template, page.Model, layout.For(page, HtmlBody.Empty));
        _prints[page.OutputPath] = print;
        if (_previous is not null && _previous.Prints.TryGetValue(page.OutputPath, out var before) && before.AsSpan().SequenceEqual(print)
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
        _last = new LastBuild(_engine!, outputDir, _prints, written);
        _previous = null;
    }

    public void Forget() => _last = null;
}
