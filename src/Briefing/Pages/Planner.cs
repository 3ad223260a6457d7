using System.Globalization;
using System.Text.Json;
using Briefing.Analysis;
using Briefing.Content;
using Briefing.Rendering;

namespace Briefing.Pages;

/// <summary>Plans one <see cref="Page"/> per URL, with its view model. Shared pieces are computed once.</summary>
public sealed partial class Planner
{
    private readonly SiteContent _c;
    private readonly SiteAnalysis _a;
    private readonly Urls _u;
    private readonly MarkdownRenderer _md;
    private readonly Dictionary<string, Topic> _topics;
    private readonly Dictionary<string, Claim> _claims;
    private readonly Dictionary<string, ClaimRow> _claimRows;
    /// <summary>Each claim's citations by one article (an article page lists its own, without scanning every citation of the claim).</summary>
    private readonly Dictionary<(string Claim, string Article), List<Citation>> _citationsOf;
    /// <summary>How many distinct articles cite each claim (the order of "most reported" lists).</summary>
    private readonly Dictionary<object, int> _reporters;
    private readonly Dictionary<string, List<ReuseFinding>> _reuseBySlug;
    private readonly Dictionary<string, ReuseCluster> _clusterOf;
    private Dictionary<string, List<ArticleCardVm>>? _cardsBySource;

    private readonly Func<ReuseDocument, ReuseDocument, IReadOnlyList<AlignedRow>> _align;

    /// <param name="align">How pair pages align two texts: <see cref="PairAligner.Align(ReuseDocument, ReuseDocument)"/>, or a cached version of it (preview).</param>
    public Planner(SiteContent content, SiteAnalysis analysis, Urls urls, MarkdownRenderer markdown, Func<ReuseDocument, ReuseDocument, IReadOnlyList<AlignedRow>>? align = null)
    {
        _align = align ?? PairAligner.Align;
        _c = content;
        _a = analysis;
        _u = urls;
        _md = markdown;
        _topics = content.Topics.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _claims = content.Claims.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _claimRows = new Dictionary<string, ClaimRow>(StringComparer.Ordinal);
        foreach (var r in analysis.Claims) _claimRows.TryAdd(r.Claim.Id, r);
        _citationsOf = [];
        foreach (var r in _claimRows.Values)
            foreach (var c in r.Citations)
            {
                if (!_citationsOf.TryGetValue((r.Claim.Id, c.ArticleSlug), out var list)) _citationsOf[(r.Claim.Id, c.ArticleSlug)] = list = [];
                list.Add(c);
            }
        _reporters = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var r in analysis.Claims) _reporters.TryAdd(r, r.Citations.Select(c => c.ArticleSlug).Distinct().Count());
        _reuseBySlug = new Dictionary<string, List<ReuseFinding>>(StringComparer.Ordinal);
        foreach (var f in analysis.Reuse.Pairs)
        {
            AddFinding(f.A, f);
            if (f.B != f.A) AddFinding(f.B, f);
        }
        _clusterOf = new Dictionary<string, ReuseCluster>(StringComparer.Ordinal);
        foreach (var c in analysis.Reuse.Clusters.Where(c => c.Size > 2))
        {
            _clusterOf[c.Earliest] = c;
            foreach (var f in c.Copies) _clusterOf[f.A == c.Earliest ? f.B : f.A] = c;
        }
        void AddFinding(string slug, ReuseFinding f)
        {
            if (!_reuseBySlug.TryGetValue(slug, out var list)) _reuseBySlug[slug] = list = [];
            list.Add(f);
        }
    }

    public Page[] Plan()
    {
        var work = Work();
        var pages = new Page[work.Count];
        Parallel.For(0, work.Count, i => pages[i] = work[i]());
        return pages;
    }

    /// <summary>
    /// Every page to plan, in the fixed order (home, compare and its lists' pages, timeline, glossary, sources, 404,
    /// topics, articles, pairs), each planned when called: independently of the others (shared pieces are computed once,
    /// thread-safely), so on any core. A one-off build plans each page just before it renders it.
    /// </summary>
    public IReadOnlyList<Func<Page>> Work()
    {
        var work = new List<Func<Page>> { Home };
        work.AddRange(ComparePages());
        work.AddRange([.. TimelinePages(), Glossary, .. SourcesPages(), NotFound, About]);
        work.AddRange(TopicPages());
        work.AddRange(_a.Articles.Select(a => (Func<Page>)(() => Article(a))));
        work.AddRange(PairPages());
        work.AddRange(ClusterPages());
        work.AddRange(ReaderPages());
        return work;
    }

    // ---- shared pieces ----

    public static DateVm Date(PartialDate? d) => d is { } x ? Dates.GetOrAdd(x, static x => new DateVm(true, x.Iso, x.Display, x.PrecisionName)) : DateVm.Unknown;

    // Each date's forms, made once: an article's date is printed on its page and on every card and list that shows it,
    // and a briefing's articles share far fewer dates than they are.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PartialDate, DateVm> Dates = new();

    private static string SourceName(ArticleInfo a) => Markers.SourceName(a.Source);

    private ArticleCardVm Card(ArticleInfo a) => new(a.Article.Title, _u.Article(a.Slug), SourceName(a), Markers.DateOf(a.Article), a.Article.Author ?? "", a.Article.Dek ?? "", Markers.AttributionInferred(a.Article));

    /// <summary>The editors' prose (lede, takeaways, timeline and glossary texts; topic overviews) with its citations resolved.</summary>
    private HtmlBody Prose(string text) => text.Length == 0 ? HtmlBody.Empty : new HtmlBody(_md.RenderInline(text, Cites));
    private CiteLinks Cites => _cites ??= new CiteLinks(_a.BySlug, _c.Sources, _u);
    private CiteLinks? _cites;

    private Link ArticleLink(string slug) => _a.BySlug.TryGetValue(slug, out var a)
        ? new Link(Markers.Label(a.Article, a.Source), _u.Article(slug))
        : new Link(slug, _u.Article(slug));

    private IEnumerable<ArticleInfo> ByDate(IEnumerable<ArticleInfo> articles) => articles
        .OrderByDescending(a => a.Article.Published ?? default)
        .ThenBy(a => a.Slug, StringComparer.Ordinal);

    private EventVm Event(TimelineEvent e) => new(Date(e.Date), e.Title, Prose(e.Text),
        e.Articles.Select(a => a.Value).Where(_a.BySlug.ContainsKey).Select(ArticleLink).ToList());

    private QuoteVm Quote(ArticleInfo a, string quote)
    {
        var p = Math.Max(0, a.Finder.Find(quote));
        return new QuoteVm(Validation.QuoteFinder.Display(quote), QuoteUrl(a, p, quote), a.Article.Title, _u.Article(a.Slug), SourceName(a)) { SourceInferred = Markers.AttributionInferred(a.Article), Paragraph = p + 1 };
    }

    /// <summary>The link to a quote's paragraph, with a text fragment in the article's own characters.</summary>
    private string QuoteUrl(ArticleInfo a, int paragraph, string quote) => _u.Quote(a.Slug, paragraph, quote, Fragment(a, paragraph, quote));

    private static string Fragment(ArticleInfo a, int paragraph, string quote) => a.Finder.Fragment(quote, paragraph) ??
        Fragments.GetValue(a.Finder, static _ => new()).GetOrAdd((quote, paragraph), static (k, finder) => Urls.TextFragment(finder.Original(k.Item1, k.Item2)), a.Finder);

    // Each quote's text fragment, made once per finder (a quote is linked from its article, topic and compare pages, and
    // the preview keeps a finder while its article is unchanged).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Validation.QuoteFinder, System.Collections.Concurrent.ConcurrentDictionary<(string, int), string>> Fragments = new();

    private KeyPointVm KeyPoint(ArticleInfo a, KeyPoint k)
    {
        var topic = k.Topic is { } t && _topics.TryGetValue(t.Value, out var tt) ? tt : null;
        return new KeyPointVm(k.Text, topic?.Title ?? "", topic is null ? "" : _u.Topic(topic.Id), Quote(a, k.Quote.Value)) { ClaimUrl = ClaimQuoteUrl(a, k.Quote.Value) };
    }

    /// <summary>A claim with the quotes of <paramref name="citations"/> (all of its citations, or one article's).</summary>
    private ClaimVm ClaimVm(ClaimRow row, IEnumerable<Citation> citations)
    {
        var topic = row.Claim.Topic is { } t && _topics.TryGetValue(t.Value, out var tt) ? tt : null;
        var quotes = citations
            .Where(c => _a.BySlug.ContainsKey(c.ArticleSlug))
            .Select(c => Quote(_a.BySlug[c.ArticleSlug], c.Quote)).ToList();
        return new ClaimVm(row.Claim.Id, row.Claim.Text, topic?.Title ?? "", topic is null ? "" : _u.Topic(topic.Id), quotes, Count(row).Label) { CompareUrl = ClaimUrl(row), Checked = Checked(row.Claim) };
    }

    public static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");

    private CoverageVm Coverage()
    {
        var topics = _c.Topics.Select(t => new Link(t.Title, _u.Topic(t.Id))).ToList();
        var max = Math.Max(1, _a.Coverage.Values.DefaultIfEmpty(0).Max());
        var rows = _c.Sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => new CoverageRowVm(s.Name, _u.Source(s.Id),
            _c.Topics.Select(t =>
            {
                var n = _a.Coverage.GetValueOrDefault((s.Id, t.Id));
                return new CoverageCellVm(t.Title, n, n == 0 ? "none" : Plural(n, "article"), n == 0 ? 0 : Math.Max(1, (int)Math.Round(6.0 * n / Math.Max(1, max))));  // bar length in sixths of the largest count
            }).ToList())).ToList();
        return new CoverageVm(topics, rows);
    }

    /// <summary>Each source's article cards, newest first: built once for the home and sources pages.</summary>
    private List<SourceVm> SourceVms(IEnumerable<Source> sources)
    {
        var cards = LazyInitializer.EnsureInitialized(ref _cardsBySource, () => _a.Articles.Where(a => a.Source is not null).GroupBy(a => a.Source!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ByDate(g).Select(Card).ToList(), StringComparer.Ordinal));
        return sources.Select(s => SourceVm(s, cards.GetValueOrDefault(s.Id) ?? [])).ToList();
    }

    // "unknown" (or nothing) becomes empty, and the template prints it in the style of every other unknown
    private static string KnownOrEmpty(string? value) => value is null || value.Equals("unknown", StringComparison.OrdinalIgnoreCase) ? "" : value;

    private SourceVm SourceVm(Source s, List<ArticleCardVm> articles) =>
        new(s.Id, s.Name, _u.Source(s.Id), KnownOrEmpty(s.Kind), KnownOrEmpty(s.Country), s.Note, s.Url ?? "", s.Url is not null, articles, Plural(articles.Count, "article"));

    /// <summary>
    /// JSON-LD: nested string dictionaries written directly (the same text as JsonSerializer with default options, without
    /// its reflection start-up cost).
    /// </summary>
    private static string Json(Dictionary<string, object?> o)
    {
        // one buffer and writer per thread, reset for each page
        var buffer = t_jsonBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var w = t_jsonWriter ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        Write(w, o);
        w.Flush();
        var json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > 1 << 16) (t_jsonBuffer, t_jsonWriter) = (null, null); // not kept after a very large one
        return json;

        static void Write(Utf8JsonWriter w, object? value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case Dictionary<string, object?> d:
                    w.WriteStartObject();
                    foreach (var (k, v) in d)
                    {
                        w.WritePropertyName(k);
                        Write(w, v);
                    }
                    w.WriteEndObject();
                    break;
                default: throw new InvalidOperationException($"JSON-LD values are strings or objects, not {value.GetType().Name}.");
            }
        }
    }

    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? t_jsonBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_jsonWriter;

    // ---- pages ----

    private Page Home()
    {
        var topics = _c.Topics.Select(t =>
        {
            var articles = _a.Articles.Where(a => a.Article.Topics.Any(x => x.Value == t.Id)).ToList();
            var claims = _a.Claims.Count(r => r.Claim.Topic?.Value == t.Id);
            return new TopicCardVm(t.Title, _u.Topic(t.Id), t.Question, articles.Count, claims, ArticlesLabel(articles), Plural(claims, "claim"));
        }).ToList();
        var latest = _c.Timeline.OrderByDescending(e => e.Date).Take(5).Select(Event).ToList();
        var vm = new HomeVm(_c.Site.Title, Prose(_c.Site.Lede),
            _c.Site.Takeaways.Select(t => new TakeawayVm(Prose(t.Text), t.Articles.Select(a => a.Value).Where(_a.BySlug.ContainsKey).Select(ArticleLink).ToList())).ToList(),
            topics, latest, SourceVms(_c.Sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)), Date(_a.Updated), Coverage(), _u.Timeline, _u.Compare) { Reviewed = Date(_c.Site.Reviewed) };
        var jsonLd = Json(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = _c.Site.Title,
            ["description"] = _c.Site.Description,
            ["url"] = _u.Absolute(_u.Home),
        });
        return new Page { Url = _u.Home, OutputPath = _u.OutputPath(_u.Home), Template = "home", Model = vm, Title = _c.Site.Title, Description = _c.Site.Description, JsonLd = jsonLd, Section = _u.Home, LastModified = _a.Updated?.Iso ?? "" };
    }

    private Page Article(ArticleInfo a)
    {
        var art = a.Article;
        var summary = a.Summary;
        var claims = summary is null ? [] : summary.Claims
            .Select(cr => cr.Claim.Value).Distinct()
            .Select(id => _claimRows.GetValueOrDefault(id))
            .OfType<ClaimRow>()
            .Select(r => ClaimVm(r, _citationsOf.GetValueOrDefault((r.Claim.Id, a.Slug)) ?? []))
            .ToList();
        var vm = new ArticleVm
        {
            Title = art.Title,
            Dek = art.Dek ?? "",
            SourceName = SourceName(a),
            SourceUrl = a.Source is null ? "" : _u.Source(a.Source.Id),
            SourceNote = art.SourceNote ?? "",
            SourceInferred = Markers.AttributionInferred(art),
            Date = Markers.DateOf(art),
            PublishedNote = art.PublishedNote ?? "",
            Author = art.Author ?? "",
            OriginalUrl = art.Url ?? "",
            ReadingMinutes = a.ReadingMinutes,
            HasSummary = summary is not null,
            Summary = summary?.Text ?? "",
            Angle = summary?.Angle ?? "",
            KeyPoints = summary?.KeyPoints.Select(k => KeyPoint(a, k)).ToList() ?? [],
            BodyHtml = new HtmlBody(a.Body.HtmlUtf8),
            Claims = claims,
            Topics = art.Topics.Select(t => t.Value).Where(_topics.ContainsKey).Select(t => new Link(_topics[t].Title, _u.Topic(t))).ToList(),
            Reuse = ReuseNotes(a.Slug),
            ClusterNote = ClusterNote(a.Slug).Note,
            ClusterUrl = ClusterNote(a.Slug).Url,
            DerivedFromNote = art.DerivedFrom is { } df && _a.BySlug.TryGetValue(df.Value, out var src)
                ? $"The editors judge that this text derives from “{src.Article.Title}” ({SourceName(src)})." : "",
        };
        var url = _u.Article(a.Slug);
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = art.Title,
            ["url"] = _u.Absolute(url),
            ["isPartOf"] = _u.Absolute(_u.Home),
        };
        var published = Date(art.Published).Iso;
        if (art.Published is not null && art.PublishedNote is null) ld["datePublished"] = published; // an inferred date is not stated as fact either
        if (art.Author is { } au) ld["author"] = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = au };
        // an outlet the capture does not name is the editors' inference, not a fact to hand to search engines
        if (a.Source is { } s && !s.Kind.Equals("unknown", StringComparison.Ordinal) && !Markers.AttributionInferred(art)) ld["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = s.Name };
        if (art.Url is { } orig) ld["sameAs"] = orig;
        return new Page
        {
            Url = url, OutputPath = _u.OutputPath(url), Template = "article", Model = vm, Title = art.Title,
            Description = summary?.Text ?? art.Dek ?? art.Title, OgType = "article",
            PublishedTime = published, JsonLd = Json(ld), ArticleSlug = a.Slug, LastModified = published,
        };
    }

    private Page Glossary()
    {
        GlossaryEntryVm G(GlossaryEntry g) => new(g.Id, g.Name, g.Kind, g.Role ?? "", g.NativeName ?? "", g.NativeLang ?? "", Prose(g.Text),
            g.Articles.Select(a => a.Value).Where(_a.BySlug.ContainsKey).Select(ArticleLink).ToList()) { RoleAsOf = g.AsOf?.Display ?? "" };
        var vm = new GlossaryVm(
            _c.Glossary.Where(g => g.Kind == "person").Select(G).ToList(),
            _c.Glossary.Where(g => g.Kind == "term").Select(G).ToList(),
            _c.Glossary.Where(g => g.Kind is not "person" and not "term").Select(G).ToList()) { WordsUrl = WordsUrl };
        return new Page { Url = _u.Glossary, OutputPath = _u.OutputPath(_u.Glossary), Template = "glossary", Model = vm, Title = "Glossary", Description = "People, organisations and terms in the briefing.", Section = _u.Glossary };
    }

    private Page NotFound()
    {
        var vm = new NotFoundVm(_u.Home, _c.Topics.Select(t => new Link(t.Title, _u.Topic(t.Id))).ToList());
        return new Page { Url = _u.NotFound, OutputPath = "404.html", Template = "notfound", Model = vm, Title = "Page not found", Index = false };
    }

    /// <summary>The navigation, the same on every page: the topics are one menu (<see cref="NavEntry"/>).</summary>
    public IReadOnlyList<NavEntry> Nav() => NavEntries();
}
