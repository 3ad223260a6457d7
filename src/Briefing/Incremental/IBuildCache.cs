using Briefing.Analysis;
using Briefing.Build;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Pages;
using Briefing.Rendering;

namespace Briefing.Incremental;

/// <summary>
/// What a build may take from the builds before it. A one-off build has nothing (<see cref="NoCache"/>); the preview
/// keeps what it made (<see cref="PreviewCache"/>) and reuses what is unchanged.
/// </summary>
internal interface IBuildCache
{
    /// <summary>Parsed input files, kept while each file is unchanged.</summary>
    ArticleCache? Parsed { get; }

    /// <summary>
    /// Later builds reuse this one's article text. Else (a one-off build) each article's text is let go as soon as it is
    /// used: its source once rendered, its quote finder sealed with the summaries' quotes, its paragraphs after text reuse
    /// unless a pair page shows them.
    /// </summary>
    bool KeepsText { get; }

    /// <summary>An article's rendered body and quote finder from an earlier build, with the diagnostics rendering it gave.</summary>
    ArticleText? Text(Article a, bool allowHtml, DiagnosticBag diags);

    /// <summary>Keeps what rendering an article gave, for <see cref="Text"/>.</summary>
    void Keep(Article a, bool allowHtml, ArticleText text, IReadOnlyList<Diagnostic> diags);

    /// <summary>Text-reuse shingles kept by paragraph list.</summary>
    ShingleCache? Shingles { get; }

    /// <summary>How pair pages align two texts (null: directly).</summary>
    Func<ReuseDocument, ReuseDocument, IReadOnlyList<AlignedRow>>? Align { get; }

    /// <summary>The theme's templates as last parsed: only changed template files are parsed again.</summary>
    TemplateEngine? Templates { get; set; }

    /// <summary>The files this builder last wrote into <paramref name="outputDir"/> with <paramref name="engine"/>, for an in-place update; else null.</summary>
    IReadOnlyDictionary<string, byte[]>? WrittenBefore(string outputDir, TemplateEngine engine);

    /// <summary>Rendering begins with <paramref name="engine"/> and <paramref name="layout"/>.</summary>
    void BeginRender(TemplateEngine engine, PageLayout layout);

    /// <summary>
    /// The bytes of a page whose fingerprint (its template, view model and layout, hashed) is that of the same page in the
    /// last build; else null. Nothing but the model decides: no page has a hand-kept key.
    /// </summary>
    byte[]? KeptPage(Page page, PageLayout layout);

    /// <summary>How many pages this build took from the last one.</summary>
    int ReusedPages { get; }

    /// <summary>The build succeeded: keeps its pages and files for the next one.</summary>
    void Remember(string outputDir, IReadOnlyList<OutputFile> files);

    /// <summary>The output could not be written: the next build starts from nothing kept on disk.</summary>
    void Forget();
}

/// <summary>A one-off build: nothing kept, nothing reused.</summary>
internal sealed class NoCache : IBuildCache
{
    public ArticleCache? Parsed => null;
    public bool KeepsText => false;
    public ArticleText? Text(Article a, bool allowHtml, DiagnosticBag diags) => null;
    public void Keep(Article a, bool allowHtml, ArticleText text, IReadOnlyList<Diagnostic> diags) { }
    public ShingleCache? Shingles => null;
    public Func<ReuseDocument, ReuseDocument, IReadOnlyList<AlignedRow>>? Align => null;
    public TemplateEngine? Templates { get => null; set { } }
    public IReadOnlyDictionary<string, byte[]>? WrittenBefore(string outputDir, TemplateEngine engine) => null;
    public void BeginRender(TemplateEngine engine, PageLayout layout) { }
    public byte[]? KeptPage(Page page, PageLayout layout) => null;
    public int ReusedPages => 0;
    public void Remember(string outputDir, IReadOnlyList<OutputFile> files) { }
    public void Forget() { }
}
