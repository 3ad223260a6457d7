using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Briefing.Import;

/// <summary>
/// Turns a captured HTML page into lines: the text of &lt;title&gt;, &lt;h1&gt;–&lt;h4&gt;, &lt;p&gt;, &lt;li&gt; and
/// &lt;blockquote&gt;, in page order, with entities decoded. &lt;script&gt;, &lt;style&gt;, &lt;nav&gt;, &lt;footer&gt;,
/// &lt;aside&gt; and other page furniture are dropped with everything inside them. A small tokenizer, not a
/// full HTML parser: it never runs the page, never fetches anything, and copes with unclosed &lt;p&gt; and &lt;li&gt;.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Captured = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "p", "li", "blockquote" };
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "nav", "footer", "aside", "noscript", "template", "svg", "math", "form", "iframe", "button", "select", "dialog", "object", "canvas",
    };
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "xmp" };
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };
    /// <summary>Start tags that end an open &lt;p&gt;, as in a browser.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    };

    /// <summary>An .html/.htm file, or text that starts like an HTML document or has several block tags.</summary>
    public static bool LooksLikeHtml(string text, string? fileName)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext is ".html" or ".htm" or ".xhtml") return true;
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return true;
        return OpenBlockTag().Count(text) >= 3 && CloseBlockTag().Count(text) >= 2;
    }

    private sealed class Frame(string tag, int line, int listDepth)
    {
        public string Tag { get; } = tag;
        public int Line { get; } = line;
        public int ListDepth { get; } = listDepth;
        public StringBuilder Text { get; } = new();
    }

    public static SourceDocument Extract(string html, Action<int, string> warn)
    {
        var lineStarts = new List<int> { 0 };
        for (var k = 0; k < html.Length; k++)
            if (html[k] == '\n') lineStarts.Add(k + 1);
        int LineAt(int pos)
        {
            var idx = lineStarts.BinarySearch(pos);
            return (idx >= 0 ? idx : ~idx - 1) + 1;
        }

        var lines = new List<SourceLine>();
        var frames = new List<Frame>();
        var dropped = new List<string>();
        var listDepth = 0;
        SourceLine? titleElement = null;
        SourceLine? firstH1 = null;
        string? metaPublished = null, metaAuthor = null, timePublished = null;
        var ignored = 0;

        void Emit(Frame f)
        {
            var text = Clean(f.Text.ToString());
            f.Text.Clear();
            if (text.Length == 0) return;
            var hint = f.Tag switch
            {
                "h1" when firstH1 is null => LineHint.Title,
                "h1" or "h2" or "h3" or "h4" => LineHint.Heading,
                "li" => LineHint.ListItem,
                _ => LineHint.Paragraph,
            };
            var line = new SourceLine(f.Line, text, hint);
            if (hint == LineHint.Title) firstH1 = line;
            else lines.Add(line);
        }
        void CloseTop()
        {
            Emit(frames[^1]);
            frames.RemoveAt(frames.Count - 1);
        }
        void Text(string segment)
        {
            if (dropped.Count > 0) return;
            if (frames.Count == 0) ignored += segment.Count(c => !char.IsWhiteSpace(c));
            else frames[^1].Text.Append(segment);
        }

        var i = 0;
        var n = html.Length;
        while (i < n)
        {
            if (html[i] != '<')
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = n;
                Text(html[i..next]);
                i = next;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (i + 1 < n && html[i + 1] is '!' or '?')
            {
                var end = html.IndexOf('>', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            var closing = i + 1 < n && html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            if (nameStart >= n || !char.IsAsciiLetter(html[nameStart]))
            {
                Text("<");
                i++;
                continue;
            }
            var tag = ReadTag(html, nameStart, out var attributes, out var selfClosing, out var after);
            var tagLine = LineAt(i);
            i = after;

            if (closing)
            {
                if (dropped.Count > 0)
                {
                    var at = dropped.LastIndexOf(tag);
                    if (at >= 0) dropped.RemoveRange(at, dropped.Count - at);
                    continue;
                }
                if (tag is "ul" or "ol")
                {
                    while (frames.Count > 0 && frames[^1].Tag == "li" && frames[^1].ListDepth >= listDepth) CloseTop();
                    listDepth = Math.Max(0, listDepth - 1);
                    continue;
                }
                var open = frames.FindLastIndex(f => f.Tag == tag);
                if (open >= 0)
                    while (frames.Count > open) CloseTop();
                continue;
            }

            if (RawText.Contains(tag))
            {
                var close = IndexOfCloseTag(html, i, tag);
                var content = html[i..(close < 0 ? n : close)];
                i = close < 0 ? n : SkipPast(html, close);
                if (tag == "title" && dropped.Count == 0 && titleElement is null)
                {
                    var title = Clean(content);
                    if (title.Length > 0) titleElement = new SourceLine(tagLine, title, LineHint.Title);
                }
                continue;
            }
            if (tag == "meta")
            {
                var key = (attributes.GetValueOrDefault("property") ?? attributes.GetValueOrDefault("name") ?? attributes.GetValueOrDefault("itemprop") ?? "").ToLowerInvariant();
                var content = attributes.GetValueOrDefault("content");
                if (key is "article:published_time" or "datepublished" or "pubdate" or "publishdate" or "date" or "dc.date" or "dcterms.date")
                    metaPublished ??= MetaLines.IsoPrefix(content);
                if (key is "author" or "article:author" or "dc.creator" && content is not null && !content.Contains("://", StringComparison.Ordinal))
                    metaAuthor ??= Clean(content);
                continue;
            }
            if (dropped.Count > 0)
            {
                if (Dropped.Contains(tag) && !selfClosing) dropped.Add(tag);
                continue;
            }
            if (Dropped.Contains(tag))
            {
                if (!selfClosing) dropped.Add(tag);
                continue;
            }
            if (tag == "time")
                timePublished ??= MetaLines.IsoPrefix(attributes.GetValueOrDefault("datetime"));
            if (tag is "br" or "hr" or "img" or "td" or "th" or "dd" or "dt") Text(" ");
            if (ClosesParagraph.Contains(tag) && frames.Count > 0 && frames[^1].Tag == "p") CloseTop();
            if (tag is "ul" or "ol")
            {
                if (frames.Count > 0) Emit(frames[^1]); // the text of an item before its nested list
                listDepth++;
                continue;
            }
            if (!Captured.Contains(tag) || Void.Contains(tag) || selfClosing) continue;
            if (tag == "li" && frames.Count > 0 && frames[^1].Tag == "li" && frames[^1].ListDepth == listDepth) CloseTop();
            if (tag == "p" && frames.Count > 0 && frames[^1].Tag == "li") continue; // <li><p>…</p></li>: still the item
            if (frames.Count > 0) Emit(frames[^1]); // a block inside a block: the outer text so far is its own line
            frames.Add(new Frame(tag, tagLine, listDepth));
        }
        while (frames.Count > 0) CloseTop();

        var result = new List<SourceLine>(lines.Count + 1);
        if (firstH1 is not null) result.Add(firstH1);
        else if (titleElement is not null)
        {
            result.Add(titleElement);
            warn(titleElement.Line, "the page has no <h1>; the title was taken from <title>: remove a site name from it if there is one.");
        }
        result.AddRange(lines);
        var kept = result.Sum(l => l.Text.Length);
        if (ignored > 200 && ignored > kept / 5)
            warn(0, $"{ignored} characters of text outside <p>, <h1>–<h4>, <li> and <blockquote> were ignored; check that none of the article is missing.");
        return new SourceDocument(result, IsHtml: true, metaPublished ?? timePublished, metaAuthor);
    }

    /// <summary>Decoded, with runs of white space as one space.</summary>
    private static string Clean(string raw) => LineText.CollapseWhitespace(WebUtility.HtmlDecode(raw));

    /// <summary>Reads a tag's name and attributes from just after "&lt;" or "&lt;/"; <paramref name="after"/> is past its "&gt;".</summary>
    private static string ReadTag(string html, int start, out Dictionary<string, string> attributes, out bool selfClosing, out int after)
    {
        attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        selfClosing = false;
        var n = html.Length;
        var i = start;
        while (i < n && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':' or '_')) i++;
        var name = html[start..i].ToLowerInvariant();
        while (i < n)
        {
            var c = html[i];
            if (c == '>') { i++; break; }
            if (c == '/' && i + 1 < n && html[i + 1] == '>') { selfClosing = true; i += 2; break; }
            if (char.IsWhiteSpace(c) || c == '/') { i++; continue; }
            var keyStart = i;
            while (i < n && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/')) i++;
            var key = html[keyStart..i].ToLowerInvariant();
            while (i < n && char.IsWhiteSpace(html[i])) i++;
            var value = "";
            if (i < n && html[i] == '=')
            {
                i++;
                while (i < n && char.IsWhiteSpace(html[i])) i++;
                if (i < n && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var end = html.IndexOf(quote, i + 1);
                    if (end < 0) end = n;
                    value = html[(i + 1)..end];
                    i = Math.Min(n, end + 1);
                }
                else
                {
                    var vs = i;
                    while (i < n && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html[vs..i];
                }
            }
            if (key.Length > 0) attributes.TryAdd(key, WebUtility.HtmlDecode(value));
        }
        after = i;
        return name;
    }

    private static int IndexOfCloseTag(string html, int from, string tag)
    {
        var at = from;
        while (true)
        {
            at = html.IndexOf("</", at, StringComparison.Ordinal);
            if (at < 0) return -1;
            var nameEnd = at + 2 + tag.Length;
            if (nameEnd <= html.Length && string.Compare(html, at + 2, tag, 0, tag.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                (nameEnd == html.Length || !char.IsAsciiLetterOrDigit(html[nameEnd])))
                return at;
            at += 2;
        }
    }

    private static int SkipPast(string html, int closeTag)
    {
        var end = html.IndexOf('>', closeTag);
        return end < 0 ? html.Length : end + 1;
    }

    [GeneratedRegex(@"(?i)<(?:p|div|h[1-6]|body|article|section|li|ul|ol|span|a)\b[^<>]*>")]
    private static partial Regex OpenBlockTag();

    [GeneratedRegex(@"(?i)</(?:p|div|h[1-6]|body|article|section|li|ul|ol)\s*>")]
    private static partial Regex CloseBlockTag();
}
