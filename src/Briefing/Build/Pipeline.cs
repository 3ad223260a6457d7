using System.Runtime.ExceptionServices;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Incremental;
using Briefing.Output;
using Briefing.Pages;
using Briefing.Rendering;
using Briefing.Validation;

namespace Briefing.Build;

/// <summary>
/// The build, stage by stage: load → validate → analyse → plan → render → write. Each stage takes what the one before
/// it made and returns a record of its own, and is timed. Builds differ at two seams only: the cache (nothing for a
/// one-off build, the kept one for the preview) and the output sink (a folder swapped in whole, the preview's folder
/// updated in place, memory, or nothing for <c>check</c>). Diagnostics are collected by every stage, which carries on.
/// </summary>
internal sealed class Pipeline(IBuildCache cache)
{
    /// <summary>Articles from which a one-off build compacts its heap before rendering.</summary>
    private const int LargeBuild = 2_000;

    /// <summary>The model of a page once it is rendered.</summary>
    private static readonly object Released = new();

    /// <summary>How many article bodies the last build rendered (not taken from the cache).</summary>
    public int LastRendered { get; private set; }

    public BuildResult Run(BuildOptions o)
    {
        var clock = new StageClock();
        var diags = new DiagnosticBag();
        BuildResult Fail() => new(false, diags.Sorted(), 0, 0, clock.Timings, Path.GetFullPath(o.OutputDir), clock.ElapsedMilliseconds, []);

        o.Progress?.Stage("load");
        // the theme's templates are parsed on another core while the content loads
        var templateDiags = new DiagnosticBag();
        var templates = Task.Run(() => LoadTemplates(o.ThemeDir, o.InterpretTemplates, templateDiags));
        var loaded = Load(o, diags);
        clock.Stage("load");
        if (loaded is null) return Fail();

        o.Progress?.Stage("validate");
        var validated = Validate(loaded, o, diags);
        clock.Stage("validate");

        o.Progress?.Stage("analyse");
        var analysed = Analyse(validated, o, diags);
        clock.Stage("analyse");

        o.Progress?.Stage("plan");
        var planned = Plan(analysed, o);
        clock.Stage("plan");

        var engine = templates.GetAwaiter().GetResult();
        diags.AddRange(templateDiags.Sorted());
        if (engine is null || Stops(diags, o))
        {
            clock.Stage("templates");
            return Fail();
        }
        var assets = SiteFiles.Assets(o.ThemeDir, diags);
        if (o.Write && OutputGuard.Problem(o.OutputDir, o.InputDir, o.ThemeDir) is { } problem)
        {
            diags.Error(Codes.OutputError, SourcePos.FileOnly(DisplayPath.Of(o.OutputDir)), problem);
            clock.Stage("write");
            return Fail();
        }

        IOutputSink? sink = null;
        try
        {
            sink = Sink(o, engine);
            var interpretedBefore = engine.InterpretedPages;
            var rendered = Render(planned, engine, assets, sink, o, diags);
            var interpreted = engine.InterpretedPages - interpretedBefore;
            clock.Stage("render");
            o.Progress?.Stage("write");
            if (Stops(diags, o)) return Fail();
            Write(rendered, sink, o);
            clock.Stage("write");
            var files = sink.Files;
            cache.Remember(o.Write ? Path.GetFullPath(o.OutputDir) : "", files);
            return new BuildResult(true, diags.Sorted(), rendered.Pages.Length, files.Count, clock.Timings, Path.GetFullPath(o.OutputDir), clock.ElapsedMilliseconds, files)
                { BasePath = planned.Urls.BasePath, Search = planned.Planner.SearchOn, PagesInterpreted = interpreted };
        }
        catch (Exception ex) when (Unwrap(ex) is IOException or UnauthorizedAccessException)
        {
            cache.Forget();
            diags.Error(Codes.OutputError, SourcePos.FileOnly(DisplayPath.Of(o.OutputDir)), $"The site could not be written ({Unwrap(ex).Message}). {(sink?.Atomic == false ? "" : "The previous output is untouched. ")}Check that the folder is writable.");
            clock.Stage("write");
            return Fail();
        }
        finally
        {
            sink?.Dispose();
        }
    }

    private static bool Stops(DiagnosticBag diags, BuildOptions o) => diags.HasErrors || (o.Strict && diags.WarningCount > 0);

    private static Exception Unwrap(Exception ex) => ex is AggregateException ae ? ae.Flatten().InnerExceptions[0] : ex;

    /// <summary>Load: the input, each article taken through the <see cref="ArticleStep"/> as it is parsed.</summary>
    private Loaded? Load(BuildOptions o, DiagnosticBag diags)
    {
        var loader = new InputLoader(new InputFiles(o.InputDir, DisplayPath.Of(o.InputDir)), diags, cache.Parsed) { Progress = o.Progress };
        if (loader.Begin() is not { } input) return null;
        // the summaries first: the step answers their quotes as each article is parsed
        var summaries = loader.Summaries(input);
        var step = new ArticleStep(input.Site, summaries, cache, diags);
        var articles = step.LoadAll(loader, input.ArticlePaths, o.Progress);
        LastRendered = step.Rendered;
        return new Loaded(loader.Finish(input, articles, summaries), step.Markdown, step.Texts, step.Shingles);
    }

    /// <summary>Validate: every reference and quote checked; text reuse starts meanwhile. Lets go of the loaded texts.</summary>
    private Validated Validate(Loaded l, BuildOptions o, DiagnosticBag diags)
    {
        var content = l.Content;
        foreach (var t in content.Topics) l.Markdown.Render(t.Body, anchorParagraphs: false, t.Pos.File, t.BodyLine, diags); // topic overviews: unsafe links, nesting
        ProseCites.Check(content, l.Markdown, diags); // the editors' citations of articles and sources
        var finders = new Dictionary<string, QuoteFinder>(StringComparer.Ordinal);
        foreach (var a in content.Articles) finders.TryAdd(a.Slug, l.Texts[a].Finder);
        var sources = content.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var summaries = content.Summaries.GroupBy(s => s.Slug).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var infos = new List<ArticleInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in content.Articles)
        {
            if ((!o.Drafts && a.Draft) || !seen.Add(a.Slug) || !Validator.IsValidId(a.Slug)) continue;
            infos.Add(new ArticleInfo(a, a.Source is { } s ? sources.GetValueOrDefault(s.Value) : null, summaries.GetValueOrDefault(a.Slug), l.Texts[a].Body, finders[a.Slug]));
        }
        l.Texts.Clear();
        // text reuse needs only the articles' paragraphs: it runs while the checks (one thread) look up every quote
        var reuseDocs = infos.Select(i => new ReuseDocument(i.Slug, i.Body.Paragraphs)).ToList();
        var reuse = Task.Run(() => TextReuse.Analyse(reuseDocs, null, cache.Shingles, l.Shingles, flaggedOnly: true));
        Validator.Validate(content, finders, diags);
        return new Validated(content, l.Markdown, infos, reuseDocs, reuse, l.Shingles);
    }

    /// <summary>Analyse: text reuse, coverage, claims and the glossary's variants. Lets go of the shingles and, in a one-off build, of the text no page shows.</summary>
    private Analysed Analyse(Validated v, BuildOptions o, DiagnosticBag diags)
    {
        var found = v.Reuse.GetAwaiter().GetResult();
        v.Shingles.Clear(); // every article's shingles: let go before rendering
        var reuse = ReuseSummary.Combine(v.Articles.Select(i => i.Article).ToList(), found, v.ReuseDocuments.ToDictionary(d => d.Id, StringComparer.Ordinal),
            ReuseSummary.MethodText(found.Options, found.StockDocuments));
        found.Release();
        v.ReuseDocuments.Clear();
        // the glossary's variants are counted while every article's paragraphs are still at hand
        var variantUse = VariantUse.Count(v.Content.Glossary, v.Articles, diags);
        // search needs Node.js and the pinned Pagefind: without them the site is built without its search box
        var searchProblem = v.Content.Site.Search ? Search.Pagefind.Problem(o.ThemeDir, o.NodeCommand) : null;
        if (searchProblem is not null) diags.Warning(Codes.SearchUnavailable, v.Content.Site.SearchPos, searchProblem);
        if (!cache.KeepsText) KeepShownTextOnly(v.Articles, reuse);
        var published = v.Content.Articles.Where(a => o.Drafts || !a.Draft).ToList();
        var analysis = SiteAnalysis.Compute(v.Content with { Articles = published }, v.Articles, reuse);
        // A large one-off build compacts its young generations once before rendering: what loading, the checks and text
        // reuse left behind (the paragraphs let go above among it) is freed, and rendering starts from the live data
        // alone, so the process's peak memory is the load's, not the load's plus the render's. Since the paragraphs are
        // packed, the young generations hold nearly all that is freed here, and collecting them does less than a full,
        // aggressive collection (which also returned the memory to the system, to be faulted back in by rendering). A
        // small build would pay more than it saves. The benchmark's document has the measurements.
        if (!cache.KeepsText && v.Articles.Count >= LargeBuild) GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new Analysed(v.Content, analysis, v.Markdown, variantUse, v.Content.Site.Search && searchProblem is null);
    }

    /// <summary>
    /// Once text reuse is counted, a one-off build keeps an article's (packed) paragraphs only if a pair page aligns its
    /// text or a cluster page shows it. Its quote finder was sealed when it was loaded.
    /// </summary>
    private static void KeepShownTextOnly(List<ArticleInfo> infos, ReuseSummary reuse)
    {
        var shown = reuse.Pairs.Where(f => f.HasPairPage).SelectMany(f => (string[])[f.A, f.B])
            .Concat(reuse.Clusters.Where(c => c.Size > 2).Select(c => c.Earliest)).ToHashSet(StringComparer.Ordinal);
        Parallel.For(0, infos.Count, i =>
        {
            if (!shown.Contains(infos[i].Slug)) infos[i] = infos[i] with { Body = infos[i].Body with { Paragraphs = [] } };
        });
    }

    /// <summary>Plan: every page to make. Each page is planned just before it is rendered, so the view models of thousands of pages are never all in memory.</summary>
    private Planned Plan(Analysed a, BuildOptions o)
    {
        var urls = new Urls(o.BaseUrl ?? a.Content.Site.BaseUrl);
        var planner = new Planner(a.Content, a.Analysis, urls, a.Markdown, cache.Align) { Variants = a.Variants, SearchOn = a.SearchOn };
        return new Planned(a, urls, planner, planner.Work());
    }

    /// <summary>Render: each page planned, rendered and handed to the sink, on all cores; the feed is one more item of the work.</summary>
    private Rendered Render(Planned p, TemplateEngine engine, SiteFiles.AssetSet assets, IOutputSink sink, BuildOptions o, DiagnosticBag diags)
    {
        p.Planner.Assets = assets.Files;
        var layout = new PageLayout(p.Analysed.Content.Site, p.Analysed.Analysis, p.Urls, p.Planner.Nav(), p.Urls.Asset(assets.Css), p.Planner);
        cache.BeginRender(engine, layout);
        var pages = new Page[p.Work.Count];
        var failed = 0;
        ExceptionDispatchInfo? feedFailed = null;
        o.Progress?.Stage("render");
        o.Progress?.Expect(pages.Length, "pages");
        // The feed (megabytes for a large briefing) is made on whichever core is free, not alone after the pages. What
        // it throws is thrown after the loop, as if it had been made after the pages.
        Parallel.For(0, pages.Length + 1, item =>
        {
            if (item == 0)
            {
                try { WriteFeed(p, sink); }
                catch (Exception ex) { feedFailed = ExceptionDispatchInfo.Capture(ex); }
                return;
            }
            o.Progress?.Advance(); // a page under way
            var page = p.Work[item - 1]();
            pages[item - 1] = page with { Model = Released, JsonLd = "" };
            if (cache.KeptPage(page, layout) is { } kept)
            {
                sink.Write(page.OutputPath, kept);
                return;
            }
            if (engine.RenderUtf8(page.Template, page.Model, body => layout.For(page, body), diags) is not { } utf8) { Interlocked.Exchange(ref failed, 1); return; }
            if (Volatile.Read(ref failed) != 0) return; // the build fails: no need to write more
            if (utf8.InMemory) sink.Write(page.OutputPath, utf8.Bytes);
            else sink.Write(page.OutputPath, utf8.WriteTo);
        });
        feedFailed?.Throw();
        return new Rendered(p, pages, assets);
    }

    /// <summary>The Atom feed, written into its file as it is made.</summary>
    private static void WriteFeed(Planned p, IOutputSink sink)
    {
        sink.Write("feed.xml", file =>
        {
            using var buffered = new BufferedStream(file, 1 << 16);
            Feeds.WriteAtom(buffered, p.Analysed.Content, p.Analysed.Analysis, p.Urls);
        });
    }

    /// <summary>Write: the files besides the pages and the feed, then the sink makes it all the output.</summary>
    private static void Write(Rendered r, IOutputSink sink, BuildOptions o)
    {
        foreach (var f in SiteFiles.Besides(r.Assets, r.Pages, r.Planned.Analysed.Analysis.Articles, r.Planned.Urls, o.ThemeDir, o.SitemapMaxUrls))
            sink.Write(f.Path, f.Content);
        sink.Commit();
    }

    /// <summary>
    /// Where the files go: nowhere for <c>check</c>; into the folder the preview wrote last, updated in place; or into a
    /// new folder swapped in whole. Kept in memory too when asked (the preview serves them, tests read them).
    /// </summary>
    private IOutputSink Sink(BuildOptions o, TemplateEngine engine)
    {
        IOutputSink sink = !o.Write ? new NullSink()
            : o.KeepFiles && cache.WrittenBefore(o.OutputDir, engine) is { } before ? new InPlaceSink(o.OutputDir, before, o.BeforeEachFile)
            : new AtomicSink(new AtomicWriter(o.OutputDir) { BeforeEachFile = o.BeforeEachFile });
        return o.KeepFiles ? new MemorySink(sink) : sink;
    }

    /// <summary>Parses the theme's templates; with a cache (the preview), only the template files that changed.</summary>
    private TemplateEngine? LoadTemplates(string themeDir, bool interpret, DiagnosticBag diags)
    {
        var engine = TemplateEngine.Load(themeDir, DisplayPath.Of(themeDir), diags, cache.Templates, compiled: !interpret);
        if (engine is not null) cache.Templates = engine;
        return engine;
    }
}
