using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Output;
using Briefing.Pages;
using Briefing.Rendering;
using Briefing.Validation;

namespace Briefing;

public sealed record BuildOptions
{
    public string InputDir { get; init; } = "input";
    public string ThemeDir { get; init; } = "theme";
    public string OutputDir { get; init; } = "output";
    public string? BaseUrl { get; init; }
    public bool Drafts { get; init; }
    public bool Strict { get; init; }
    /// <summary>False for <c>check</c>: everything but writing.</summary>
    public bool Write { get; init; } = true;
    /// <summary>Test hook passed to the writer.</summary>
    public Action<int>? BeforeEachFile { get; init; }
    /// <summary>
    /// Keep every output file's bytes in <see cref="BuildResult.Files"/> (the preview serves them from memory). The
    /// command line turns this off: pages are then written as soon as they are rendered and only their paths are kept.
    /// </summary>
    public bool KeepFiles { get; init; } = true;
    /// <summary>Told each stage as it begins, and the files loaded and pages rendered as they are done (the command line's progress line).</summary>
    public Build.IBuildProgress? Progress { get; init; }
    /// <summary>The most URLs in one sitemap file before the sitemap is split under an index (tests set a small one).</summary>
    public int SitemapMaxUrls { get; init; } = Feeds.SitemapMaxUrls;
    /// <summary>The Node.js command that runs Pagefind when site.yml asks for search (a seam for tests).</summary>
    public string NodeCommand { get; init; } = "node";
}

/// <summary>A stage's wall time, the CPU time the whole process used meanwhile (all cores, the GC included), the bytes it
/// allocated, and the process's peak resident memory so far (0 where the system does not tell).</summary>
public sealed record StageTiming(string Stage, double Milliseconds, double CpuMilliseconds = 0, double AllocatedMegabytes = 0, double PeakMegabytes = 0);

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, int FilesWritten,
    IReadOnlyList<StageTiming> Timings, string OutputDir, double ElapsedMilliseconds, IReadOnlyList<OutputFile> Files)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    /// <summary>The path the site lives under (from <c>--base-url</c> or <c>site.yml</c>'s <c>base_url</c>), e.g. "/repo/".</summary>
    public string BasePath { get; init; } = "/";
    /// <summary>The pages carry the search box: the written site is to be indexed with Pagefind (<see cref="Search.Pagefind"/>).</summary>
    public bool Search { get; init; }
}

/// <summary>The build: load, validate, analyse, plan, render, write — each stage timed, diagnostics collected.</summary>
public sealed class SiteBuilder
{
    private readonly ArticleCache? _cache;
    private sealed record RenderEntry(string Body, int BodyLine, bool AllowHtml, RenderedMarkdown Result, IReadOnlyList<Diagnostic> Diagnostics);
    /// <summary>With a cache (preview), rendered article bodies are kept between builds and reused while unchanged.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RenderEntry> _rendered = new(StringComparer.Ordinal);

    public SiteBuilder(ArticleCache? cache = null)
    {
        _cache = cache;
        _shingles = cache is null ? null : new ShingleCache();
    }

    // With a cache (preview): the quote finders and text-reuse shingles of unchanged articles are kept too.
    private readonly ShingleCache? _shingles;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RenderedMarkdown, QuoteFinder> _finders = new();

    /// <summary>How many article bodies the last build rendered (not taken from the cache).</summary>
    public int LastRendered { get; private set; }

    public BuildResult Build(BuildOptions o)
    {
        var total = Stopwatch.StartNew();
        var diags = new DiagnosticBag();
        var timings = new List<StageTiming>();
        var sw = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        void Stage(string name)
        {
            var now = Environment.CpuUsage.TotalTime;
            var bytes = GC.GetTotalAllocatedBytes();
            timings.Add(new StageTiming(name, sw.Elapsed.TotalMilliseconds, (now - cpu).TotalMilliseconds, (bytes - allocated) / 1048576.0, PeakMegabytes()));
            cpu = now;
            allocated = bytes;
            sw.Restart();
        }
        BuildResult Fail() => new(false, diags.Sorted(), 0, 0, timings, Path.GetFullPath(o.OutputDir), total.Elapsed.TotalMilliseconds, []);

        o.Progress?.Stage("load");
        // the theme's templates are parsed on another core while the content loads
        var templateDiags = new DiagnosticBag();
        var templates = Task.Run(() => LoadTemplates(o.ThemeDir, templateDiags));

        // load
        var files = new InputFiles(o.InputDir, Display(o.InputDir));
        // A one-off build (the command line) renders each article's Markdown as soon as the article is parsed, on the
        // same core, and keeps the HTML and paragraphs, not the source, which for a large briefing is the larger part.
        var streaming = _cache is null && !o.KeepFiles;
        var early = streaming ? new System.Collections.Concurrent.ConcurrentDictionary<Article, (RenderedMarkdown Body, QuoteFinder Finder)>(ReferenceEqualityComparer.Instance) : null;
        // and its distinct text-reuse shingles, by its paragraph list
        var shingles = streaming ? new System.Collections.Concurrent.ConcurrentDictionary<IReadOnlyList<string>, ShingledDocument>(ReferenceEqualityComparer.Instance) : null;
        MarkdownRenderer? markdown = null; // the one pipeline of the build, made once site.yml is read
        var loader = new InputLoader(files, diags, _cache)
        {
            Progress = o.Progress,
            ArticleStep = early is null ? null : (site, summaries) =>
            {
                var md = markdown = new MarkdownRenderer(site.AllowHtml);
                // the quotes the checks will look up in each article, in their order (every summary of its slug)
                var checks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var s in summaries)
                {
                    if (!checks.TryGetValue(s.Slug, out var quotes)) checks[s.Slug] = quotes = [];
                    quotes.AddRange(s.KeyPoints.Select(k => k.Quote.Value));
                    quotes.AddRange(s.Claims.Select(c => c.Quote.Value));
                }
                return a =>
                {
                    var body = md.Render(a.Body, anchorParagraphs: true, a.Pos.File, a.BodyLine, diags);
                    var slim = a with { Body = "" };
                    // The quote finder answers the summary's quotes now (and finds the closest passage to each missing
                    // one, for the checks' messages), then lets go of the text; the paragraphs are kept packed until
                    // text reuse and the pair pages have used them.
                    var finder = new QuoteFinder(body.Paragraphs);
                    finder.Seal(checks.GetValueOrDefault(a.Slug) ?? [], Urls.TextFragment, forChecks: true);
                    var packed = PackedParagraphs.Pack(body.Paragraphs);
                    shingles![packed] = ShingledDocument.Create(new ReuseDocument(slim.Slug, packed), TextReuseOptions.Default.ShingleSize, distinctOnly: true, text: body.Paragraphs);
                    early[slim] = (body with { Paragraphs = packed }, finder);
                    return slim;
                };
            },
        };
        var content = loader.Load();
        Stage("load");
        if (content is null) return Fail();
        o.Progress?.Stage("validate");

        // validate: parse each article's Markdown once (its paragraphs prove the quotes), then check everything
        markdown ??= new MarkdownRenderer(content.Site.AllowHtml);
        var published = content.Articles.Where(a => o.Drafts || !a.Draft).ToList();
        var rendered = new RenderedMarkdown[content.Articles.Count];
        var renderedCount = 0;
        var finderOf = new QuoteFinder[content.Articles.Count];
        Parallel.For(0, content.Articles.Count, i =>
        {
            var a = content.Articles[i];
            if (early is not null && early.TryGetValue(a, out var done))
            {
                (rendered[i], finderOf[i]) = done;
                Interlocked.Increment(ref renderedCount);
                return;
            }
            if (_cache is not null && _rendered.TryGetValue(a.Pos.File, out var hit) && hit.BodyLine == a.BodyLine && hit.AllowHtml == content.Site.AllowHtml && hit.Body == a.Body)
            {
                rendered[i] = hit.Result;
                diags.AddRange(hit.Diagnostics);
                return;
            }
            Interlocked.Increment(ref renderedCount);
            var local = _cache is null ? diags : new DiagnosticBag();
            rendered[i] = markdown.Render(a.Body, anchorParagraphs: true, a.Pos.File, a.BodyLine, local);
            if (_cache is not null)
            {
                var ds = local.Sorted();
                diags.AddRange(ds);
                _rendered[a.Pos.File] = new RenderEntry(a.Body, a.BodyLine, content.Site.AllowHtml, rendered[i], ds);
            }
        });
        LastRendered = renderedCount;
        foreach (var t in content.Topics) markdown.Render(t.Body, anchorParagraphs: false, t.Pos.File, t.BodyLine, diags); // topic overviews: unsafe links, nesting
        ProseCites.Check(content, markdown, diags); // the editors' citations of articles and sources
        early = null;
        Parallel.For(0, finderOf.Length, i => finderOf[i] ??= _cache is null ? new QuoteFinder(rendered[i].Paragraphs) : _finders.GetValue(rendered[i], r => new QuoteFinder(r.Paragraphs)));
        var finders = new Dictionary<string, QuoteFinder>(StringComparer.Ordinal);
        for (var i = 0; i < content.Articles.Count; i++)
            finders.TryAdd(content.Articles[i].Slug, finderOf[i]);
        var sources = content.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var summaries = content.Summaries.GroupBy(s => s.Slug).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var infos = new List<ArticleInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Articles.Count; i++)
        {
            var a = content.Articles[i];
            if ((!o.Drafts && a.Draft) || !seen.Add(a.Slug) || !Validator.IsValidId(a.Slug)) continue;
            infos.Add(new ArticleInfo(a, a.Source is { } s ? sources.GetValueOrDefault(s.Value) : null, summaries.GetValueOrDefault(a.Slug), rendered[i], finders[a.Slug]));
        }
        // text reuse needs only the articles' paragraphs: it runs while the checks (one thread) look up every quote
        var reuseDocs = infos.Select(i => new ReuseDocument(i.Slug, i.Body.Paragraphs)).ToList();
        var reusePairs = Task.Run(() => TextReuse.Analyse(reuseDocs, null, _shingles, shingles, flaggedOnly: true));
        Validator.Validate(content, finders, diags);
        Stage("validate");
        o.Progress?.Stage("analyse");

        // analyse
        var found = reusePairs.GetAwaiter().GetResult();
        shingles = null; // every article's shingles: let go before rendering
        var reuse = ReuseSummary.Combine(infos.Select(i => i.Article).ToList(), found, reuseDocs.ToDictionary(d => d.Id, StringComparer.Ordinal),
            ReuseSummary.MethodText(found.Options, found.StockDocuments));
        found.Release();
        // the glossary's variants are counted while every article's paragraphs are still at hand
        var variantUse = VariantUse.Count(content.Glossary, infos, diags);
        // search needs Node.js and the pinned Pagefind: without them the site is built without its search box
        var searchProblem = content.Site.Search ? Search.Pagefind.Problem(o.ThemeDir, o.NodeCommand) : null;
        if (searchProblem is not null) diags.Warning(Codes.SearchUnavailable, content.Site.SearchPos, searchProblem);
        if (streaming)
        {
            // Once text reuse is counted, a one-off build keeps an article's (packed) paragraphs only if a pair page
            // aligns its text or a cluster page shows it. Its quote finder was sealed when it was loaded.
            var paired = reuse.Pairs.Where(f => f.HasPairPage).SelectMany(f => (string[])[f.A, f.B])
                .Concat(reuse.Clusters.Where(c => c.Size > 2).Select(c => c.Earliest)).ToHashSet(StringComparer.Ordinal);
            Parallel.For(0, infos.Count, i =>
            {
                var info = infos[i];
                if (!paired.Contains(info.Slug)) infos[i] = info with { Body = info.Body with { Paragraphs = [] } };
            });
            rendered = null!;
            finderOf = null!;
            finders.Clear();
            reuseDocs = null!;
        }
        var analysis = SiteAnalysis.Compute(content with { Articles = published }, infos, reuse);
        // A large one-off build compacts its young generations once before rendering: what loading, the checks and text
        // reuse left behind (the packed paragraphs let go above among it) is freed, and rendering starts from the live
        // data alone, so the process's peak memory is the load's, not the load's plus the render's. Since the paragraphs
        // are packed, the young generations hold nearly all that is freed here, and collecting them does less than the
        // full, aggressive collection this was (which also returned the memory to the system, to be faulted back in by
        // rendering). Young only was as fast as full and no larger, and none at all was larger (the benchmark's document
        // has the figures). A small build would pay more than it saves.
        if (streaming && infos.Count >= LargeBuild) GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: true);
        Stage("analyse");
        o.Progress?.Stage("plan");

        // plan
        var urls = new Urls(o.BaseUrl ?? content.Site.BaseUrl);
        var planner = new Planner(content, analysis, urls, markdown, _cache is null ? null : AlignCached) { Variants = variantUse, SearchOn = content.Site.Search && searchProblem is null };
        // A one-off build (the command line) plans each page just before rendering it, so the view models of thousands
        // of pages are never all in memory: what is kept of a page is its place (URL, path, sitemap entry), not its model.
        var work = streaming ? planner.Work() : null;
        var pages = work is not null ? new Page[work.Count] : planner.Plan();
        Stage("plan");

        var engine = templates.GetAwaiter().GetResult();
        diags.AddRange(templateDiags.Sorted());
        if (engine is null || diags.HasErrors || (o.Strict && diags.WarningCount > 0))
        {
            Stage("templates");
            return Fail();
        }

        // render, and write each page as soon as it is rendered
        var assets = Assets(o.ThemeDir, diags);
        var css = assets.Css;
        planner.Assets = assets.Files;
        var nav = planner.Nav();
        List<OutputFile> Extra()
        {
            var files = new List<OutputFile>(assets.Files)
            {
                // a streamed build writes the feed straight into its file, while it renders
                new("feed.xml", streaming ? [] : Feeds.Atom(content, analysis, urls)),
                new("robots.txt", Feeds.Robots(urls)),
            };
            files.AddRange(Feeds.Sitemaps(pages, urls, o.SitemapMaxUrls));
            files.AddRange(ThemeStatic.Files(o.ThemeDir));
            var redirects = Redirects(infos, urls);
            if (redirects.Length > 0) files.Add(new OutputFile("_redirects", redirects));
            return files;
        }
        // planned pages are known now; streamed ones once they are all rendered
        var extra = streaming ? null : Extra();

        if (o.Write && OutputGuard.Problem(o.OutputDir, o.InputDir, o.ThemeDir) is { } problem)
        {
            diags.Error(Codes.OutputError, SourcePos.FileOnly(Display(o.OutputDir)), problem);
            Stage("write");
            return Fail();
        }
        AtomicWriter.Session? session = null;
        var keep = o.KeepFiles ? new byte[pages.Length][] : null;
        // Preview: every page is planned, and one whose fingerprint (its template, view model and layout, hashed) is the
        // same as in the last build keeps its bytes without rendering: nothing but the model decides. The output folder
        // the last build wrote is updated in place (only changed files are written).
        var previous = _cache is not null && _last is { } last && ReferenceEquals(last.Engine, engine) ? last : null;
        var inPlace = o.Write && keep is not null && previous is not null && previous.OutputDir == Path.GetFullPath(o.OutputDir) && Directory.Exists(o.OutputDir);
        var prints = _cache is not null ? new byte[pages.Length][] : null;
        var reused = 0;
        try
        {
            if (o.Write && !inPlace)
            {
                var writer = new AtomicWriter(o.OutputDir) { BeforeEachFile = o.BeforeEachFile };
                session = streaming ? writer.Begin() : writer.Begin(pages.Select(p => p.OutputPath).Concat(extra!.Select(f => f.Path)));
            }
            var failed = 0;
            // A streamed build writes its feed (megabytes for a large briefing) as one more item of the render, on whichever core is
            // free, rather than alone after it; `check` makes it too, and throws it away, so that both fail alike. What
            // the feed throws is thrown after the loop, as it was when the feed was made after the pages.
            var feedFirst = streaming ? 1 : 0;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo? feedFailed = null;
            o.Progress?.Stage("render");
            o.Progress?.Expect(pages.Length, "pages");
            Parallel.For(0, pages.Length + feedFirst, item =>
            {
                if (item >= feedFirst) o.Progress?.Advance(); // a page under way
                if (item < feedFirst)
                {
                    try
                    {
                        if (session is null) Feeds.WriteAtom(Stream.Null, content, analysis, urls);
                        else
                            session.Write("feed.xml", file =>
                            {
                                using var buffered = new BufferedStream(file, 1 << 16);
                                Feeds.WriteAtom(buffered, content, analysis, urls);
                            });
                    }
                    catch (Exception ex)
                    {
                        feedFailed = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                    }
                    return;
                }
                var i = item - feedFirst;
                var p = pages[i] ??= work![i]();
                // a streamed page keeps its place, not its model or its JSON-LD (released once the page is rendered)
                if (work is not null) pages[i] = p with { Model = Released, JsonLd = "" };
                LayoutVm LayoutOf(HtmlBody body) => planner.ReaderLayout(Layout(content.Site, analysis, urls, p, nav, urls.Asset(css), body), p);
                if (prints is not null)
                {
                    prints[i] = Fingerprint(p, LayoutOf(HtmlBody.Empty));
                    if (previous is not null && previous.Pages.TryGetValue(p.OutputPath, out var before) && before.Print.AsSpan().SequenceEqual(prints[i]))
                    {
                        keep![i] = before.Bytes;
                        Interlocked.Increment(ref reused);
                        session?.Write(p.OutputPath, before.Bytes);
                        return;
                    }
                }
                if (engine.RenderUtf8(p.Template, p.Model, LayoutOf, diags) is not { } utf8) { Interlocked.Exchange(ref failed, 1); return; }
                if (Volatile.Read(ref failed) != 0) return; // the build fails: no need to write more
                if (keep is not null)
                {
                    var bytes = keep[i] = utf8.ToArray();
                    session?.Write(p.OutputPath, bytes);
                }
                else if (utf8.InMemory) session?.Write(p.OutputPath, utf8.Bytes);
                else session?.Write(p.OutputPath, utf8.WriteTo);
            });
            LastReusedPages = reused;
            feedFailed?.Throw();
            Stage("render");
            o.Progress?.Stage("write");
            if (diags.HasErrors || (o.Strict && diags.WarningCount > 0)) return Fail();
            extra ??= Extra();

            if (session is not null)
            {
                foreach (var f in extra)
                    if (!(feedFirst > 0 && f.Path == "feed.xml")) session.Write(f.Path, f.Content); // the feed is written
                session.Commit();
                Stage("write");
            }
            else if (inPlace)
            {
                WriteInPlace(o.OutputDir, pages.Select((p, i) => new OutputFile(p.OutputPath, keep![i])).Concat(extra).ToList(), previous!.Files, o.BeforeEachFile);
                Stage("write");
            }
        }
        catch (Exception ex) when (Unwrap(ex) is IOException or UnauthorizedAccessException)
        {
            _last = null;
            diags.Error(Codes.OutputError, SourcePos.FileOnly(Display(o.OutputDir)), $"The site could not be written ({Unwrap(ex).Message}). {(inPlace ? "" : "The previous output is untouched. ")}Check that the folder is writable.");
            Stage("write");
            return Fail();
        }
        finally
        {
            session?.Dispose();
        }

        if (prints is not null)
        {
            var pageState = new Dictionary<string, (byte[] Print, byte[] Bytes)>(pages.Length, StringComparer.Ordinal);
            for (var i = 0; i < pages.Length; i++) pageState[pages[i].OutputPath] = (prints[i], keep![i]);
            var written = pages.Select((p, i) => (p.OutputPath, keep![i])).Concat(extra.Select(f => (f.Path, f.Content)))
                .ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);
            _last = new LastBuild(engine, o.Write ? Path.GetFullPath(o.OutputDir) : "", pageState, written);
        }
        var output = pages.Select((p, i) => new OutputFile(p.OutputPath, keep?[i] ?? [])).Concat(extra).ToList();
        output.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return new BuildResult(true, diags.Sorted(), pages.Length, output.Count, timings, Path.GetFullPath(o.OutputDir), total.Elapsed.TotalMilliseconds, output)
            { BasePath = urls.BasePath, Search = planner.SearchOn };
    }

    /// <summary>The process's peak resident memory so far, in MB (Linux: VmHWM), or 0.</summary>
    private static double PeakMegabytes()
    {
        try { using var me = Process.GetCurrentProcess(); return me.PeakWorkingSet64 / 1048576.0; }
        catch (Exception ex) when (ex is InvalidOperationException or PlatformNotSupportedException or NotSupportedException) { return 0; }
    }

    /// <summary>Articles from which a one-off build compacts its heap before rendering.</summary>
    private const int LargeBuild = 2_000;

    /// <summary>The model of a streamed page once it is rendered.</summary>
    private static readonly object Released = new();

    // Preview: the alignment of a pair of texts, kept while both texts are the same objects (unchanged articles).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, IReadOnlyList<AlignedRow>>> _alignments = new();

    private IReadOnlyList<AlignedRow> AlignCached(ReuseDocument a, ReuseDocument b)
    {
        var inner = _alignments.GetValue(a.Paragraphs, _ => new());
        return inner.GetValue(b.Paragraphs, _ => PairAligner.Align(a, b));
    }

    /// <summary>How many pages the last build took from the previous one without rendering (preview).</summary>
    public int LastReusedPages { get; private set; }

    private sealed record LastBuild(TemplateEngine Engine, string OutputDir, Dictionary<string, (byte[] Print, byte[] Bytes)> Pages, Dictionary<string, byte[]> Files);
    private LastBuild? _last;

    /// <summary>What a page's HTML depends on: its template, its view model and its layout model (without the body), hashed.</summary>
    private static byte[] Fingerprint(Page p, LayoutVm layout) => ModelPrint.Hash(p.Template, p.Model, layout);

    /// <summary>
    /// Updates an output folder that this builder wrote last time: writes the files whose bytes changed (each through a
    /// temporary file and a rename) and deletes the files that are no longer produced. What the folder holds is known
    /// from the last build (<paramref name="before"/>), so the folder is not walked: the preview owns its output folder.
    /// </summary>
    private static void WriteInPlace(string outputDir, IReadOnlyList<OutputFile> files, Dictionary<string, byte[]> before, Action<int>? beforeEachFile)
    {
        var root = Path.GetFullPath(outputDir);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var f in files)
        {
            var full = AtomicWriter.SafePath(root, f.Path);
            if (!wanted.Add(f.Path)) throw new IOException($"Two outputs want the same file '{f.Path}'.");
            if (before.TryGetValue(f.Path, out var old) && (ReferenceEquals(old, f.Content) || old.AsSpan().SequenceEqual(f.Content))) continue;
            beforeEachFile?.Invoke(++count);
            var dir = Path.GetDirectoryName(full)!;
            var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
            try { File.WriteAllBytes(temp, f.Content); }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllBytes(temp, f.Content);
            }
            File.Move(temp, full, overwrite: true);
        }
        foreach (var gone in before.Keys)
        {
            if (wanted.Contains(gone)) continue;
            var full = AtomicWriter.SafePath(root, gone);
            File.Delete(full);
            // its folders go once empty
            for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException ae ? ae.Flatten().InnerExceptions[0] : ex;

    private TemplateEngine? _templates;

    /// <summary>Parses the theme's templates; a builder that builds again (the preview) parses only the template files that changed.</summary>
    private TemplateEngine? LoadTemplates(string themeDir, DiagnosticBag diags)
    {
        var engine = TemplateEngine.Load(themeDir, Display(themeDir), diags, _cache is not null ? _templates : null);
        if (_cache is not null && engine is not null) _templates = engine;
        return engine;
    }

    /// <summary>A path as the user wrote it, for messages ("input", "../x/input").</summary>
    private static string Display(string path) => Path.IsPathRooted(path) ? RelativeIfInside(path) : path.Replace('\\', '/').TrimEnd('/');

    private static string RelativeIfInside(string path)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }

    private static LayoutVm Layout(SiteConfig site, SiteAnalysis a, Urls u, Page p, IReadOnlyList<NavEntry> nav, string css, HtmlBody body)
    {
        var jsonLd = p.JsonLd.Replace("</", "<\\/", StringComparison.Ordinal);
        return new LayoutVm
        {
            Lang = site.Language,
            SiteTitle = site.Title,
            PageTitle = p.Title,
            FullTitle = p.Url == u.Home ? site.Title : $"{p.Title} · {site.Title}",
            Description = p.Description.Length > 0 ? p.Description : site.Description,
            Canonical = u.Absolute(p.Url),
            HasCanonical = u.HasOrigin && p.Index,
            Css = css,
            HomeUrl = u.Home,
            FeedUrl = u.Feed,
            Nav = Planner.NavItems(nav, p.Section),
            OgType = p.OgType,
            PublishedTime = p.PublishedTime,
            HasPublishedTime = p.PublishedTime.Length > 0,
            JsonLdHtml = jsonLd.Length > 0 ? new HtmlBody($"<script type=\"application/ld+json\">{jsonLd}</script>") : HtmlBody.Empty,
            Updated = Planner.Date(a.Updated),
            BodyHtml = body,
            PageKind = p.Template,
            Index = p.Index,
            Reviewed = Planner.Date(site.Reviewed),
            AboutUrl = u.About,
        };
    }

    private sealed record AssetSet(string Css, IReadOnlyList<OutputFile> Files);

    /// <summary>Theme assets, fingerprinted: theme/assets/site.css → assets/site.&lt;hash&gt;.css.</summary>
    private static AssetSet Assets(string themeDir, DiagnosticBag diags)
    {
        var dir = Path.Combine(themeDir, "assets");
        var files = new List<OutputFile>();
        var css = "site.css";
        if (!Directory.Exists(dir)) return new AssetSet(css, files);
        foreach (var f in Directory.EnumerateFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(f);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var name = Path.GetFileNameWithoutExtension(f) + "." + hash + Path.GetExtension(f);
            files.Add(new OutputFile("assets/" + name, bytes));
            if (Path.GetFileName(f) == "site.css") css = name;
        }
        if (css == "site.css") diags.Warning(Codes.TemplateError, SourcePos.FileOnly(themeDir + "/assets/site.css"), "The theme has no assets/site.css; pages will be unstyled.");
        return new AssetSet(css, files);
    }

    private static byte[] Redirects(IEnumerable<ArticleInfo> articles, Urls u)
    {
        var sb = new StringBuilder();
        foreach (var a in articles.OrderBy(a => a.Slug, StringComparer.Ordinal))
            foreach (var r in a.Article.RedirectFrom)
                sb.Append(u.BasePath.TrimEnd('/')).Append(r.Value).Append(' ').Append(u.Article(a.Slug)).Append(" 301\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
