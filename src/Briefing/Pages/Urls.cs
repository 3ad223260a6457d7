using System.Text;

namespace Briefing.Pages;

/// <summary>
/// The one place URLs are made. Every internal URL is root-relative and starts with the base path
/// (from base_url, e.g. "/" or "/repo/"); <see cref="Absolute"/> adds the origin for canonical links and feeds.
/// </summary>
public sealed class Urls
{
    public Urls(string baseUrl)
    {
        baseUrl = string.IsNullOrWhiteSpace(baseUrl) ? "/" : baseUrl.Trim();
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            Origin = uri.GetLeftPart(UriPartial.Authority);
            BasePath = NormalizePath(uri.AbsolutePath);
        }
        else
        {
            Origin = "";
            BasePath = NormalizePath(baseUrl);
        }
    }

    /// <summary>
    /// Whether <paramref name="baseUrl"/> can be a site's base URL: a full http(s) address, or a path from the root
    /// ("/briefing/"). "www.example.org" is neither: read as a path, it would put every link under "/www.example.org/".
    /// </summary>
    public static bool IsValidBase(string baseUrl) =>
        baseUrl.Trim().StartsWith('/')
        || (Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0);

    /// <summary>What to tell an editor whose base URL is not valid (see <see cref="IsValidBase"/>).</summary>
    public static string InvalidBaseMessage(string baseUrl) =>
        $"'{baseUrl}' is neither a full address nor a path from the root. Write it with its scheme, e.g. https://{baseUrl.Trim().TrimStart('/')}{(baseUrl.TrimEnd().EndsWith('/') ? "" : "/")}, or as a path such as /briefing/.";

    private static string NormalizePath(string p)
    {
        p = "/" + p.Trim('/');
        return p == "/" ? "/" : p + "/";
    }

    /// <summary>Scheme and host, e.g. "https://example.org", or "" when base_url is only a path.</summary>
    public string Origin { get; }
    /// <summary>"/" or "/prefix/".</summary>
    public string BasePath { get; }
    public bool HasOrigin => Origin.Length > 0;

    public string Home => BasePath;
    public string Topic(string id) => BasePath + "topics/" + id + "/";
    /// <summary>An article's URL: made once per article (pages link to an article from many places), then looked up.</summary>
    public string Article(string slug) => _articles.GetOrAdd(slug, static (s, basePath) => basePath + "articles/" + s + "/", BasePath);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _articles = new(StringComparer.Ordinal);
    public string Source(string id) => BasePath + "sources/#" + id;
    public string Sources => BasePath + "sources/";
    public string Compare => BasePath + "compare/";
    public string ComparePair(string a, string b) => BasePath + "compare/" + a + "--" + b + "/";
    /// <summary>The page of a cluster of three or more copies of one report, named by its earliest copy.</summary>
    public string CompareCluster(string earliest) => BasePath + "compare/copies-of-" + earliest + "/";
    /// <summary>Page <paramref name="number"/> (from 1) of a paginated list whose first page is <paramref name="first"/>: the first keeps its URL.</summary>
    public static string Paged(string first, int number) =>
        number <= 1 ? first : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first}page/{number}/");
    /// <summary>All of a source's articles, when they are more than the sources page lists.</summary>
    public string SourceArticles(string id) => BasePath + "sources/" + id + "/";
    /// <summary>The compare page's detail of one topic's claims; "" (claims without a topic) has its own page.</summary>
    public string CompareClaims(string topicId) => BasePath + (topicId.Length == 0 ? "compare/other-claims/" : "compare/topics/" + topicId + "/");
    /// <summary>A section of the compare page listed in full on pages of its own (shared-wording, exclusive, angles).</summary>
    public string CompareSection(string name) => BasePath + "compare/" + name + "/";
    public string Timeline => BasePath + "timeline/";
    public string Corrections => BasePath + "corrections/";
    /// <summary>A topic's one-page brief, made for print.</summary>
    public string TopicBrief(string id) => BasePath + "topics/" + id + "/brief/";
    /// <summary>How each source names things: the glossary's variants counted per source.</summary>
    public string Words => BasePath + "compare/words/";
    public string Search => BasePath + "search/";
    /// <summary>A page named by its path from the site's root ("/glossary/"), under the base path.</summary>
    public string FromRoot(string path) => BasePath + path.TrimStart('/');
    public string Glossary => BasePath + "glossary/";
    public string About => BasePath + "about/";
    public string Feed => BasePath + "feed.xml";
    public string Sitemap => BasePath + "sitemap.xml";
    public string NotFound => BasePath + "404.html";
    public string Asset(string fileName) => BasePath + "assets/" + fileName;

    /// <summary>What a paragraph's id starts with; its number (from 1) follows.</summary>
    public const string ParagraphIdPrefix = "p-";

    public static string ParagraphId(int index) => ParagraphIdPrefix + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string Paragraph(string slug, int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Article(slug)}#{ParagraphIdPrefix}{index + 1}");

    /// <summary>The paragraph link plus a text fragment (<c>:~:text=</c>) so the browser highlights the quote.</summary>
    public string Quote(string slug, int index, string quote) => Quote(slug, index, quote, TextFragment(quote));

    /// <summary>As <see cref="Quote(string, int, string)"/>, with the quote's <see cref="TextFragment"/> made beforehand.</summary>
    public string Quote(string slug, int index, string quote, string fragment) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Article(slug)}#{ParagraphIdPrefix}{index + 1}:~:text={fragment}");

    public static string TextFragment(string quote)
    {
        // The words (split at white space) of the quote, or of its first and last four words: found as ranges of the
        // quote, and joined by one space only where the quote does not already have one between them.
        var words = WordRanges(quote);
        // a passage over several paragraphs (a quote written as a list): from its start to its end, "start,end", as a
        // text fragment without an end is not matched across paragraphs
        if (quote.IndexOf(Validation.QuoteFinder.ParagraphBreak) is var cut and >= 0)
        {
            var lastStart = quote.LastIndexOf(Validation.QuoteFinder.ParagraphBreak) + 1;
            var first = words.FindAll(w => w.End <= cut);
            var last = words.FindAll(w => w.Start >= lastStart);
            return Enc(quote, first, 0, Math.Min(4, first.Count)) + "," + Enc(quote, last, Math.Max(0, last.Count - 4), Math.Min(4, last.Count));
        }
        return words.Count <= 10 ? Enc(quote, words, 0, words.Count) : Enc(quote, words, 0, 4) + "," + Enc(quote, words, words.Count - 4, 4);

        static string Enc(string quote, List<(int Start, int End)> words, int from, int count) =>
            Uri.EscapeDataString(Joined(quote, words, from, count)).Replace("-", "%2D", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
    }

    /// <summary>Where each word of a text is, a word being what <see cref="string.Split(char[])"/> with no separators gives (the paragraph break is white space too).</summary>
    private static List<(int Start, int End)> WordRanges(string text)
    {
        var words = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            words.Add((start, i));
        }
        return words;
    }

    /// <summary><paramref name="count"/> words from <paramref name="from"/> joined by single spaces: a piece of the text itself when it has just those spaces.</summary>
    private static string Joined(string text, List<(int Start, int End)> words, int from, int count)
    {
        if (count == 0) return "";
        var single = true;
        for (var k = from + 1; k < from + count && single; k++)
            single = words[k].Start == words[k - 1].End + 1 && text[words[k - 1].End] == ' ';
        if (single) return text[words[from].Start..words[from + count - 1].End];
        var sb = new StringBuilder();
        for (var k = from; k < from + count; k++)
        {
            if (k > from) sb.Append(' ');
            sb.Append(text.AsSpan(words[k].Start, words[k].End - words[k].Start));
        }
        return sb.ToString();
    }

    /// <summary>An absolute URL for a path made by this class (canonical links, feed, sitemap).</summary>
    public string Absolute(string path) => Origin + path;

    /// <summary>The output file for a URL made by this class: "/prefix/articles/x/" → "articles/x/index.html".</summary>
    public string OutputPath(string url)
    {
        if (!url.StartsWith(BasePath, StringComparison.Ordinal)) throw new ArgumentException($"URL '{url}' is outside the base path '{BasePath}'.");
        var rel = url[BasePath.Length..];
        var sb = new StringBuilder(rel);
        if (rel.Length == 0 || rel.EndsWith('/')) sb.Append("index.html");
        return sb.ToString();
    }
}
