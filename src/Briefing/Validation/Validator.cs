using System.Text.RegularExpressions;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Text;

namespace Briefing.Validation;

/// <summary>Checks ids, duplicates, cross-references and quotes; reports every problem, never throws.</summary>
public static partial class Validator
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdShape();

    public static bool IsValidId(string id) => id.Length <= 120 && IdShape().IsMatch(id);

    public static void Validate(SiteContent c, IReadOnlyDictionary<string, QuoteFinder> finders, DiagnosticBag d)
    {

        CheckIds(c.Articles.Select(a => (a.Slug, a.Pos)), "article slug", "file name", d);
        CheckIds(c.Summaries.Select(s => (s.Slug, s.Pos)), "summary slug", "file name", d);
        CheckIds(c.Topics.Select(t => (t.Id, t.Pos)), "topic id", "file name", d);
        CheckIds(c.Sources.Select(s => (s.Id, s.Pos)), "source id", "file name", d);
        CheckIds(c.Claims.Select(x => (x.Id, x.Pos)), "claim id", "id", d);
        CheckIds(c.Glossary.Select(g => (g.Id, g.Pos)), "glossary id", "id", d);

        var articles = c.Articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var topics = c.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var sources = c.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var claims = c.Claims.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var t in c.Site.Takeaways)
            foreach (var a in t.Articles) Ref(c, a, articles, "article", d);
        if (!c.Unread.Contains("site.yml")) Advice(c.Site, d);

        // what the feed and the pages carry must be characters XML can hold: a control character (from a YAML escape
        // such as "\x01") would otherwise stop the build with an exception instead of a message
        Printable(c.Site.Title, "The site title", SourcePos.FileOnly(c.Site.File), d);
        Printable(c.Site.Description, "The site description", SourcePos.FileOnly(c.Site.File), d);
        foreach (var a in c.Articles)
        {
            var front = a.Pos with { Line = 2 };
            Printable(a.Title, "The title", front, d);
            Printable(a.Dek, "The dek", front, d);
            Printable(a.Author, "The author", front, d);
        }
        foreach (var s in c.Summaries) Printable(s.Text, "The summary", s.Pos, d);

        foreach (var a in c.Articles)
        {
            if (a.Source is { } s) Ref(c, s, sources, "source", d);
            foreach (var t in a.Topics) Ref(c, t, topics, "topic", d);
            if (a.DerivedFrom is { } df)
            {
                if (df.Value == a.Slug) d.Error(Codes.InvalidValue, df.Pos, "'derived_from' names the article itself. Name the article this one reuses, or remove the field.");
                else Ref(c, df, articles, "article", d);
            }
            if (a.Url is { } url && !(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
                d.Error(Codes.InvalidValue, a.Pos with { Line = 2 }, $"'url' must be an http(s) address, but it is '{url}'. Leave it out when the original address is unknown.");
            foreach (var r in a.RedirectFrom)
                if (!r.Value.StartsWith('/') || r.Value.Contains("..", StringComparison.Ordinal) || r.Value.Contains("://", StringComparison.Ordinal))
                    d.Error(Codes.InvalidValue, r.Pos, $"'redirect_from' entries are paths on this site starting with '/', but '{r.Value}' is not.");
                else if (r.Value.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch)))
                    d.Error(Codes.InvalidValue, r.Pos, $"The 'redirect_from' path '{r.Value.ReplaceLineEndings(" ")}' contains a space, tab or line break, which would add rules to _redirects. Write the path without them (use %20 for a space).");
        }

        CheckSummaries(c, finders, articles, topics, claims, d);

        foreach (var x in c.Claims)
            if (x.Topic is { } t) Ref(c, t, topics, "topic", d);
        foreach (var e in c.Timeline)
        {
            foreach (var a in e.Articles) Ref(c, a, articles, "article", d);
            foreach (var t in e.Topics) Ref(c, t, topics, "topic", d);
        }
        foreach (var g in c.Glossary)
            foreach (var a in g.Articles) Ref(c, a, articles, "article", d);
    }

    /// <summary>Each summary against its article (its topics, claims and quotes), and each article without a summary.</summary>
    private static void CheckSummaries(SiteContent c, IReadOnlyDictionary<string, QuoteFinder> finders, HashSet<string> articles, HashSet<string> topics, HashSet<string> claims, DiagnosticBag d)
    {
        var summarySlugs = new HashSet<string>(StringComparer.Ordinal);
        var bySlug = c.Articles.GroupBy(a => a.Slug).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var s in c.Summaries)
        {
            summarySlugs.Add(s.Slug);
            if (!bySlug.TryGetValue(s.Slug, out var article))
            {
                if (Unread(c, "article", s.Slug)) continue;
                d.Error(Codes.SummaryWithoutArticle, s.Pos, $"This summary has no article: input/articles/{s.Slug}.md does not exist. Rename the summary to its article's slug. " + Fuzzy.Suggest(s.Slug, articles, "articles"));
                continue;
            }
            finders.TryGetValue(s.Slug, out var finder);
            var articleTopics = article.Topics.Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var k in s.KeyPoints)
            {
                if (k.Topic is { } t && Ref(c, t, topics, "topic", d) && !articleTopics.Contains(t.Value))
                    d.Warning(Codes.UnknownReference, t.Pos, $"Key point topic '{t.Value}' is not among the article's topics ({string.Join(", ", articleTopics)}). Add it to the article's 'topics' or pick one of them.");
                CheckQuote(k.Quote, finder, article, d);
            }
            foreach (var cr in s.Claims)
            {
                Ref(c, cr.Claim, claims, "claim", d);
                CheckQuote(cr.Quote, finder, article, d);
            }
        }
        foreach (var a in c.Articles)
            if (!summarySlugs.Contains(a.Slug) && !a.Draft && !c.Unread.Contains("summaries/" + a.Slug))
                d.Warning(Codes.ArticleWithoutSummary, a.Pos, $"This article has no summary. Add input/summaries/{a.Slug}.yml (see README, 'A summary').");
        CorrectionChecks.Check(c, d);
    }

    /// <summary>
    /// A reference checked unless what it names would be defined by a file that could not be parsed: that file's own
    /// errors are the ones to fix, and "no such id" would send the editor the wrong way.
    /// </summary>
    private static bool Ref(SiteContent c, Located<string> r, HashSet<string> known, string kind, DiagnosticBag d) =>
        Unread(c, kind, r.Value) || Ref(r, known, kind, d);

    /// <summary>Whether the file that would define this id could not be parsed (claims: the one claims.yml).</summary>
    internal static bool Unread(SiteContent c, string kind, string id) => kind switch
    {
        "claim" => c.Unread.Contains("claims.yml"),
        "article" => c.Unread.Contains("articles/" + id),
        "topic" => c.Unread.Contains("topics/" + id),
        "source" => c.Unread.Contains("sources/" + id),
        _ => false,
    };

    /// <summary>The numbers the editor's guide advises for the home page: warnings, which --strict makes fail the build.</summary>
    private static void Advice(SiteConfig site, DiagnosticBag d)
    {
        var n = site.Takeaways.Count;
        if (n is < 3 or > 5)
            d.Warning(Codes.Advice, site.TakeawaysPos, $"The home page has {n} takeaway{(n == 1 ? "" : "s")}; the guide advises 3–5. {(n < 3 ? "Add" : "Merge or drop")} takeaways under 'takeaways:'.");
        var words = ProseWords(site.Lede);
        if (words is < MinLedeWords or > MaxLedeWords)
            d.Warning(Codes.Advice, site.LedePos, $"The lede has {words} word{(words == 1 ? "" : "s")}; the guide advises {MinLedeWords}–{MaxLedeWords} words that introduce the briefing. {(words < MinLedeWords ? "Write more" : "Shorten it; the takeaways and topics say the rest")} under 'lede:'.");
    }

    public const int MinLedeWords = 60;
    public const int MaxLedeWords = 120;

    /// <summary>The words a reader sees in a Markdown text: a link counts by its label, not its address.</summary>
    private static int ProseWords(string markdown) =>
        LinkTarget().Replace(markdown, "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    private static void Printable(string? text, string what, SourcePos pos, DiagnosticBag d)
    {
        if (text is null) return;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i)) { i++; continue; }
            if (System.Xml.XmlConvert.IsXmlChar(text[i])) continue;
            d.Error(Codes.InvalidValue, pos, $"{what} contains the character U+{(int)text[i]:X4}, which the feed cannot hold (a control character, perhaps from a YAML escape such as \"\\x{(int)text[i]:x2}\"). Remove it.");
            return;
        }
    }

    /// <summary>The fewest words a quote may have: fewer ("the", "said that") occur in almost any article and prove nothing.</summary>
    public const int MinQuoteWords = 4;

    private static void CheckQuote(Located<string> quote, QuoteFinder? finder, Article article, DiagnosticBag d)
    {
        if (quote.Value.Contains(MapReader.Placeholder, StringComparison.Ordinal)) return; // reported as a placeholder
        var words = QuotePattern.Words(quote.Value);
        if (words < MinQuoteWords)
        {
            d.Error(Codes.QuoteTooShort, quote.Pos, $"This quote has {words} word{(words == 1 ? "" : "s")}; a quote needs at least {MinQuoteWords} words of the article to prove what it is cited for. Quote more of the sentence.");
            return;
        }
        if (finder is null || finder.Find(quote.Value) >= 0) return;
        if (finder.Across(quote.Value) is { } across)
        {
            d.Error(Codes.QuoteAcrossParagraphs, quote.Pos,
                $"This quote runs from paragraph {across.First + 1} into paragraph {across.Last + 1} of article '{article.Slug}', but a quote stays inside one paragraph (the page links it to one). " +
                $"Write it as one part per paragraph: quote: [{string.Join(", ", across.Parts.Select(Content.YamlMistakes.Quote))}]");
            return;
        }
        var closest = finder.Closest(quote.Value);
        d.Error(Codes.QuoteNotFound, quote.Pos,
            $"This quote does not occur in the text of article '{article.Slug}'. Copy the words exactly from the article. " +
            (closest is null ? $"(The closest passage is shown for the first {QuoteFinder.MaxClosestSearches} missing quotes of an article only.)"
                : closest.Length > 0 ? $"Closest passage: {Content.YamlMistakes.Quote(closest)}" + (QuoteDifference.Describe(quote.Value, closest) is { Length: > 0 } where ? ". " + where : "")
                : "The article has no text."));
    }

    private static bool Ref(Located<string> r, HashSet<string> known, string kind, DiagnosticBag d)
    {
        if (known.Contains(r.Value)) return true;
        d.Error(Codes.UnknownReference, r.Pos, $"No {kind} has the id '{r.Value}'. " + Fuzzy.Suggest(r.Value, known, kind + " ids"));
        return false;
    }

    private static void CheckIds(IEnumerable<(string Id, SourcePos Pos)> items, string what, string field, DiagnosticBag d)
    {
        var seen = new Dictionary<string, SourcePos>(StringComparer.Ordinal);
        foreach (var (id, pos) in items)
        {
            if (!IsValidId(id))
            {
                var fixedId = Regex.Replace(Regex.Replace(id.ToLowerInvariant(), "[^a-z0-9]+", "-"), "^-+|-+$", "");
                d.Error(Codes.InvalidId, pos, $"The {what} '{id}' must be lower-case letters, digits and hyphens{Offending(id)}. Change the {field} to '{(fixedId.Length > 0 ? fixedId : "my-id")}'.");
                continue;
            }
            if (seen.TryGetValue(id, out var first))
                d.Error(Codes.DuplicateId, pos, $"The {what} '{id}' is already used at {first.File}({first.Line}). Give this one its own id.");
            else seen[id] = pos;
        }
    }

    /// <summary>Names the first character an id may not hold, spelling out look-alikes from other scripts (U+0430 for a Cyrillic 'а').</summary>
    private static string Offending(string id)
    {
        foreach (var c in id)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') continue;
            if (c < 128 && !char.IsControl(c)) return $"; it contains '{c}'";
            return char.IsLetter(c)
                ? $"; it contains '{c}' (U+{(int)c:X4}), a letter outside ASCII that may look like a Latin one"
                : $"; it contains the character U+{(int)c:X4}";
        }
        return id.Length > 120 ? "; it is longer than 120 characters" : "";
    }
}
