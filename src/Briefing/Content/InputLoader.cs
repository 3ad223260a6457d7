using System.Collections.Concurrent;
using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>Loads the whole input contract into typed records. Problems become diagnostics; loading carries on.</summary>
public sealed partial class InputLoader(InputFiles files, DiagnosticBag diags, ArticleCache? cache = null)
{
    private static readonly string[] SiteKeys = ["title", "description", "base_url", "language", "lede", "takeaways", "allow_html", "page_size", "feed_entries", "reviewed", "editors", "contact", "search"];
    private static readonly string[] TakeawayKeys = ["text", "articles"];
    internal static readonly string[] ArticleKeys = ["title", "source", "source_note", "published", "published_note", "author", "dek", "topics", "url", "derived_from", "draft", "redirect_from"];
    private static readonly string[] SummaryKeys = ["summary", "angle", "key_points", "claims"];
    private static readonly string[] KeyPointKeys = ["text", "topic", "quote"];
    private static readonly string[] ClaimRefKeys = ["claim", "quote"];
    private static readonly string[] TopicKeys = ["title", "order", "question"];
    private static readonly string[] SourceKeys = ["name", "kind", "country", "url", "note"];
    private static readonly string[] ClaimKeys = ["id", "topic", "text", "date", "checked"];
    private static readonly string[] EventKeys = ["date", "title", "text", "articles", "topics"];
    private static readonly string[] GlossaryKeys = ["id", "name", "kind", "role", "as_of", "native_name", "native_lang", "text", "articles", "variants"];

    // The files that could not be read or parsed ("articles/<slug>", "summaries/<slug>", "topics/<id>", "sources/<id>",
    // "claims.yml"…): their own errors are reported, and the checks say nothing of what they would have held.
    // made on first need: a loader is made for each file parsed on its own (Parsed), and those never report one
    private ConcurrentDictionary<string, byte>? _unread;

    private ConcurrentDictionary<string, byte> UnreadKeys =>
        _unread ?? Interlocked.CompareExchange(ref _unread, new ConcurrentDictionary<string, byte>(StringComparer.Ordinal), null) ?? _unread!;

    /// <summary>Whether a file's diagnostics say it could not be read or parsed (so nothing it holds is known).</summary>
    internal static bool Unreadable(IEnumerable<Diagnostic> ds) => ds.Any(d => d.Severity == Severity.Error && d.Code is
        Codes.Unreadable or Codes.InvalidUtf8 or Codes.YamlSyntax or Codes.FrontMatterUnclosed or Codes.FrontMatterMissing or Codes.YamlUnsupported or Codes.TooLarge);

    private void Report(string unreadKey, IReadOnlyList<Diagnostic> ds)
    {
        diags.AddRange(ds);
        if (Unreadable(ds)) UnreadKeys.TryAdd(unreadKey, 0);
    }

    /// <summary>Counts the article and summary files as they are read.</summary>
    public Build.IBuildProgress? Progress { get; init; }

    /// <summary>
    /// The whole input at once (tests, and tools that need no per-article step). The build reads the same pieces one
    /// by one: <see cref="Begin"/>, <see cref="Summaries"/>, each <see cref="Article"/>, then <see cref="Finish"/>.
    /// </summary>
    public SiteContent? Load()
    {
        if (Begin() is not { } input) return null;
        var summaries = Summaries(input);
        var articles = LoadParallel<Article>(input.ArticlePaths, Article);
        return Finish(input, articles, summaries);
    }

    /// <summary>What the input folder holds, with site.yml read; the topics, sources and list files are read meanwhile.</summary>
    public sealed record Started(SiteConfig Site, IReadOnlyList<string> ArticlePaths, IReadOnlyList<string> SummaryPaths,
        Task<(List<Topic> Topics, List<Source> Sources, List<Claim> Claims, List<TimelineEvent> Timeline, List<GlossaryEntry> Glossary)> Rest);

    /// <summary>Reads site.yml and lists the files; null (with an error) when the folder is no Briefing input folder.</summary>
    public Started? Begin()
    {
        if (!Directory.Exists(files.Root))
        {
            diags.Error(Codes.InputMissing, SourcePos.FileOnly(files.Display(files.Root)), "The input folder does not exist. Run from the repository root, or pass --input <folder>.");
            return null;
        }
        var sitePath = Path.Combine(files.Root, "site.yml");
        var articlePaths = files.List("articles", ".md");
        if (!File.Exists(sitePath) && articlePaths.Count == 0)
        {
            diags.Error(Codes.InputMissing, SourcePos.FileOnly(files.Display(files.Root)), "The input folder holds no site.yml and no articles/*.md. Point --input at a Briefing input folder.");
            return null;
        }

        var site = LoadSite(sitePath);
        // the files read one by one (topics, sources and the lists, of which claims.yml grows with the briefing) are
        // read on a core of their own while the articles and summaries are read on all of them
        var rest = Task.Run(() => (
            Topics: files.List("topics", ".md").Select(p => Parsed("topics/" + Slugs.FromFileName(p), p, l => l.LoadTopic(p))).OfType<Topic>().ToList(),
            Sources: files.List("sources", ".yml").Select(p => Parsed("sources/" + Slugs.FromFileName(p), p, l => l.LoadSource(p))).OfType<Source>().ToList(),
            Claims: LoadList(Path.Combine(files.Root, "claims.yml"), "claims.yml", (l, n) => l.ReadClaim(n)),
            Timeline: LoadList(Path.Combine(files.Root, "timeline.yml"), "timeline.yml", (l, n) => l.ReadEvent(n)),
            Glossary: LoadList(Path.Combine(files.Root, "glossary.yml"), "glossary.yml", (l, n) => l.ReadGlossary(n))));
        var summaryPaths = files.List("summaries", ".yml");
        Progress?.Expect(articlePaths.Count + summaryPaths.Count, "files");
        return new Started(site, articlePaths, summaryPaths, rest);
    }

    /// <summary>Every summary, read on all cores.</summary>
    public List<Summary> Summaries(Started input) => LoadParallel(input.SummaryPaths, LoadSummary);

    /// <summary>One article file, parsed (or taken from the preview's cache); null when it cannot be read. Thread-safe.</summary>
    public Article? Article(string path) => LoadArticle(path);

    /// <summary>The whole input, once the articles and summaries are read.</summary>
    public SiteContent Finish(Started input, List<Article> articles, List<Summary> summaries)
    {
        var (topics, sources, claims, timeline, glossary) = input.Rest.GetAwaiter().GetResult();
        var corrections = LoadList(Path.Combine(files.Root, CorrectionsFile), CorrectionsFile, (l, n) => l.ReadCorrection(n));

        return new SiteContent
        {
            Site = input.Site,
            Articles = articles,
            Summaries = summaries,
            Topics = topics.OrderBy(t => t.Order).ThenBy(t => t.Id, StringComparer.Ordinal).ToList(),
            Sources = sources,
            Claims = claims,
            Timeline = timeline.OrderBy(e => e.Date).ThenBy(e => e.Title, StringComparer.Ordinal).ToList(),
            Glossary = glossary.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            Unread = UnreadKeys.Keys.ToHashSet(StringComparer.Ordinal),
            Corrections = SortCorrections(corrections),
        };
    }

    /// <summary>Loads each file on all cores, counting it done; the files that cannot be read are left out.</summary>
    public List<T> LoadParallel<T>(IReadOnlyList<string> paths, Func<string, T?> load) where T : class
    {
        var results = new T?[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            results[i] = load(paths[i]);
            Progress?.Advance();
        });
        return results.OfType<T>().ToList();
    }

    private (YNode? Node, string Display) ReadYamlFile(string path)
    {
        var display = files.Display(path);
        // parsed from the buffer the file was decoded into: no string of the whole file
        return (files.ReadMemory(path, diags, InputFiles.MaxDataBytes, text => YamlTree.Parse(text, display, 0, diags)), display);
    }

    private SiteConfig LoadSite(string path)
    {
        var display = files.Display(path);
        if (!File.Exists(path))
        {
            diags.Error(Codes.RequiredMissing, SourcePos.FileOnly(display), "site.yml is missing. Create it with at least 'title:' (see README, 'input/site.yml').");
            UnreadKeys.TryAdd("site.yml", 0);
            return new SiteConfig { File = display, Title = "Briefing" };
        }
        var (node, _) = ReadYamlFile(path);
        if (node is null) UnreadKeys.TryAdd("site.yml", 0);
        var r = new MapReader(node, new SourcePos(display, 1, 1), "site.yml", SiteKeys, diags);
        var takeaways = r.List("takeaways", n =>
        {
            var t = new MapReader(n, n.Pos, "a takeaway", TakeawayKeys, diags);
            var text = t.String("text", required: true);
            return text is null ? null : new Takeaway(text.Value, t.StringList("articles"), n.Pos) { TextPos = text.Pos };
        });
        var lede = r.String("lede");
        var baseUrl = r.String("base_url");
        if (baseUrl is { } b && !Pages.Urls.IsValidBase(b.Value))
            diags.Error(Codes.InvalidValue, b.Pos, "base_url " + Pages.Urls.InvalidBaseMessage(b.Value));
        return new SiteConfig
        {
            File = display,
            Title = r.String("title", required: node is not null)?.Value ?? "Briefing",
            Description = r.String("description")?.Value ?? "",
            BaseUrl = baseUrl?.Value ?? "/",
            Language = r.String("language")?.Value ?? "en",
            Lede = lede?.Value ?? "",
            LedePos = lede?.Pos ?? SourcePos.FileOnly(display),
            Takeaways = takeaways,
            TakeawaysPos = node is null ? SourcePos.FileOnly(display) : r.PosOf("takeaways"),
            AllowHtml = r.Bool("allow_html") ?? false,
            PageSize = AtLeastOne(r, "page_size", SiteConfig.DefaultPageSize, "items per page of a long list"),
            FeedEntries = AtLeastOne(r, "feed_entries", SiteConfig.DefaultFeedEntries, "latest articles in the feed"),
            Reviewed = ReadDate(r, "reviewed", required: false, diags),
            Editors = r.String("editors")?.Value ?? "",
            Contact = r.String("contact")?.Value ?? "",
            Search = r.Bool("search") ?? false,
            SearchPos = r.PosOf("search"),
        };
    }

    /// <summary>A count in site.yml (<paramref name="what"/>): a whole number of at least 1, else an error at its line and the default.</summary>
    private int AtLeastOne(MapReader r, string key, int fallback, string what)
    {
        var n = r.Int(key);
        if (n is null or >= 1) return n ?? fallback;
        diags.Error(Codes.InvalidValue, r.PosOf(key), $"'{key}' is the number of {what}, so it must be at least 1, but it is {n}. Write e.g. '{key}: {fallback}', or leave it out for {fallback}.");
        return fallback;
    }

    private Article? LoadArticle(string path)
    {
        var key = "articles/" + Slugs.FromFileName(path);
        if (cache is not null && cache.TryGet(path, out var cached))
        {
            Report(key, cached.Diagnostics);
            return cached.Article;
        }
        var local = new DiagnosticBag();
        var article = ParseArticle(path, local);
        var ds = local.Sorted();
        cache?.Put(path, article, ds);
        Report(key, ds);
        return article;
    }

    private Article? ParseArticle(string path, DiagnosticBag local)
    {
        var display = files.Display(path);
        var split = files.Read(path, local, InputFiles.MaxArticleBytes, text => FrontMatter.Parse(text, display, local));
        if (split is null) return null;
        var node = YamlTree.Parse(split.Yaml, display, split.YamlLineOffset, local);
        if (node is null && local.HasErrors) return null;
        var where = new SourcePos(display, 2, 1);
        var r = new MapReader(node, where, "the article's front matter", ArticleKeys, local);
        var published = ReadDate(r, "published", required: false, local);
        var title = r.String("title", required: true);
        var source = r.String("source", required: true);
        var topics = r.StringList("topics", required: true);
        Placeholders(split.Body, display, split.BodyLine, local);
        return new Article
        {
            Slug = Slugs.FromFileName(path),
            Pos = new SourcePos(display, 1, 1),
            Title = title?.Value ?? Path.GetFileNameWithoutExtension(path),
            Source = source,
            Published = published,
            Author = r.String("author")?.Value,
            SourceNote = r.String("source_note")?.Value,
            PublishedNote = r.String("published_note")?.Value,
            Dek = r.String("dek")?.Value,
            Url = r.String("url")?.Value,
            Topics = topics,
            DerivedFrom = r.String("derived_from"),
            Draft = r.Bool("draft") ?? false,
            RedirectFrom = r.StringList("redirect_from"),
            Body = split.Body,
            BodyLine = split.BodyLine,
        };
    }

    /// <summary>Each line of an article's text that still holds the placeholder of <c>new article</c>.</summary>
    private static void Placeholders(string body, string display, int bodyLine, DiagnosticBag d)
    {
        if (!body.Contains(MapReader.Placeholder, StringComparison.Ordinal)) return;
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].IndexOf(MapReader.Placeholder, StringComparison.Ordinal) is var at and >= 0)
                d.Error(Codes.Placeholder, new SourcePos(display, bodyLine + i, at + 1), "This paragraph is still the placeholder that 'new article' wrote. Replace it with the article's own text, in its original wording.");
    }

    private static PartialDate? ReadDate(MapReader r, string key, bool required, DiagnosticBag d)
    {
        var s = r.String(key, required);
        if (s is null) return null;
        if (s.Value is "unknown" or "") return null;
        if (PartialDate.TryParse(s.Value, out var date)) return date;
        if (PartialDate.Impossible(s.Value) is { } why)
        {
            d.Error(Codes.InvalidValue, s.Pos, $"'{key}' is {s.Value}, a date that does not exist ({why}). Check the date in the source.");
            return null;
        }
        d.Error(Codes.InvalidValue, s.Pos, $"'{key}' must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known), but it is '{s.Value}'. Leave it out when the date is unknown.");
        return null;
    }

    private Summary? LoadSummary(string path) => Parsed("summaries/" + Slugs.FromFileName(path), path, l => l.ParseSummary(path));

    /// <summary>
    /// A file parsed with diagnostics of its own, so that a file that cannot be parsed is known (<paramref name="unreadKey"/>);
    /// the preview keeps the parse while the file is unchanged, with the diagnostics it gave.
    /// </summary>
    private T Parsed<T>(string unreadKey, string path, Func<InputLoader, T> parse)
    {
        if (cache is not null && cache.TryGetParsed<T>(path, out var value, out var cached))
        {
            Report(unreadKey, cached);
            return value;
        }
        var local = new DiagnosticBag();
        var parsed = parse(new InputLoader(files, local));
        var ds = local.Sorted();
        cache?.PutParsed(path, parsed, ds);
        Report(unreadKey, ds);
        return parsed;
    }

    private Summary? ParseSummary(string path)
    {
        var (node, display) = ReadYamlFile(path);
        if (node is null && diags.HasErrors) return null; // the bag is this file's own: an empty file is told what it lacks
        var r = new MapReader(node, new SourcePos(display, 1, 1), "the summary", SummaryKeys, diags);
        var keyPoints = r.List("key_points", required: true, read: n =>
        {
            var k = new MapReader(n, n.Pos, "a key point", KeyPointKeys, diags);
            var text = k.String("text", required: true);
            var quote = k.Quote("quote");
            return text is null || quote is null ? null : new KeyPoint(text.Value, k.String("topic", required: true), quote, n.Pos);
        });
        var claims = r.List("claims", n =>
        {
            var c = new MapReader(n, n.Pos, "a claim reference", ClaimRefKeys, diags);
            var claim = c.String("claim", required: true);
            var quote = c.Quote("quote");
            return claim is null || quote is null ? null : new ClaimRef(claim, quote, n.Pos);
        });
        return new Summary
        {
            Slug = Slugs.FromFileName(path),
            Pos = new SourcePos(display, 1, 1),
            Text = r.String("summary", required: true)?.Value ?? "",
            Angle = r.String("angle")?.Value ?? "",
            KeyPoints = keyPoints,
            Claims = claims,
        };
    }

    private Topic? LoadTopic(string path)
    {
        var display = files.Display(path);
        var split = files.Read(path, diags, InputFiles.MaxDataBytes, text => FrontMatter.Parse(text, display, diags));
        if (split is null) return null;
        var node = YamlTree.Parse(split.Yaml, display, split.YamlLineOffset, diags);
        if (node is null && diags.HasErrors) return null; // the bag is this file's own
        var r = new MapReader(node, new SourcePos(display, 2, 1), "the topic's front matter", TopicKeys, diags);
        return new Topic
        {
            Id = Slugs.FromFileName(path),
            Pos = new SourcePos(display, 1, 1),
            Title = r.String("title", required: true)?.Value ?? Path.GetFileNameWithoutExtension(path),
            Order = r.Int("order") ?? 100,
            Question = r.String("question")?.Value ?? "",
            Body = split.Body,
            BodyLine = split.BodyLine,
        };
    }

    private Source? LoadSource(string path)
    {
        var (node, display) = ReadYamlFile(path);
        if (node is null && diags.HasErrors) return null; // the bag is this file's own
        var r = new MapReader(node, new SourcePos(display, 1, 1), "the source", SourceKeys, diags);
        var kind = r.String("kind");
        if (kind is not null && !Source.Kinds.Contains(kind.Value))
            diags.Error(Codes.InvalidValue, kind.Pos, $"Unknown source kind '{kind.Value}'. Use one of: {string.Join(", ", Source.Kinds)}.");
        var url = r.String("url");
        if (url is not null && !(url.Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            diags.Error(Codes.InvalidValue, url.Pos, $"'url' must be the outlet's http(s) address, but it is '{url.Value}'. Leave it out when it is unknown.");
        return new Source
        {
            Id = Slugs.FromFileName(path),
            Pos = new SourcePos(display, 1, 1),
            Name = r.String("name", required: true)?.Value ?? Path.GetFileNameWithoutExtension(path),
            Kind = kind?.Value ?? "unknown",
            Country = r.String("country")?.Value,
            Url = url?.Value,
            Note = r.String("note")?.Value ?? "",
        };
    }
}
