using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Briefing.Import;

/// <summary>
/// Turns a captured HTML page into lines: the text of &lt;title&gt;, &lt;h1&gt;–&lt;h4&gt;, &lt;p&gt;, &lt;li&gt; and
/// &lt;blockquote&gt;, in page order, with entities decoded. &lt;script&gt;, &lt;style&gt;, &lt;nav&gt;, &lt;footer&gt;,
/// &lt;aside&gt; and other page furniture are dropped with everything inside them. AngleSharp parses the page as a
/// browser would (unclosed &lt;p&gt; and &lt;li&gt;, stray end tags); it never runs the page's scripts and never
/// fetches anything.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Captured = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "p", "li", "blockquote" };
    /// <summary>Page furniture, and elements whose content is code or a form's, not text.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "nav", "footer", "aside", "noscript", "template", "svg", "math", "form", "iframe", "button", "select", "dialog", "object", "canvas",
        "script", "style", "textarea", "xmp",
    };
    /// <summary>Elements that separate words without a space in the markup: one is put in their place.</summary>
    private static readonly HashSet<string> Spaced = new(StringComparer.Ordinal) { "br", "hr", "img", "td", "th", "dd", "dt" };

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

    /// <summary>
    /// How deep elements may nest. For each new block the HTML parsing algorithm looks through the elements still open;
    /// AngleSharp, like a browser, stops nesting deeper than 512 but keeps every further element open, so a page nested
    /// thousands deep takes minutes. An article's page nests a few dozen deep.
    /// </summary>
    public const int MaxDepth = 256;

    /// <exception cref="ImportException">The page nests elements more than <see cref="MaxDepth"/> deep.</exception>
    public static SourceDocument Extract(string html, Action<int, string> warn)
    {
        IElement? previous = null;
        // Called as each element is created, when the one before it has been put in the tree: its depth bounds the
        // parser's stack of open elements.
        void Check(IElement created, AngleSharp.Text.TextPosition at)
        {
            var depth = 0;
            for (var e = previous; e is not null; e = e.ParentElement)
                if (++depth > MaxDepth)
                    throw new ImportException(at.Line, at.Column, $"the page nests elements more than {MaxDepth} deep, which no article page does. Save the article's own HTML, or its text as a .txt file, and import that.");
            previous = created;
        }
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, OnCreated = Check });
        var document = parser.ParseDocument(html);
        var page = new PageReader();
        page.Visit(document, null);

        string? metaPublished = null, metaAuthor = null;
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? "").ToLowerInvariant();
            var content = meta.GetAttribute("content");
            if (key is "article:published_time" or "datepublished" or "pubdate" or "publishdate" or "date" or "dc.date" or "dcterms.date")
                metaPublished ??= MetaLines.IsoPrefix(content);
            if (key is "author" or "article:author" or "dc.creator" && content is not null && !content.Contains("://", StringComparison.Ordinal))
                metaAuthor ??= LineText.CollapseWhitespace(content);
        }

        var result = new List<SourceLine>(page.Lines.Count + 1);
        if (page.FirstH1 is not null) result.Add(page.FirstH1);
        else if (page.TitleElement is not null)
        {
            result.Add(page.TitleElement);
            warn(page.TitleElement.Line, "the page has no <h1>; the title was taken from <title>: remove a site name from it if there is one.");
        }
        result.AddRange(page.Lines);
        var kept = result.Sum(l => l.Text.Length);
        if (page.Ignored > 200 && page.Ignored > kept / 5)
            warn(0, $"{page.Ignored} characters of text outside <p>, <h1>–<h4>, <li> and <blockquote> were ignored; check that none of the article is missing.");
        return new SourceDocument(result, IsHtml: true, metaPublished ?? page.TimePublished, metaAuthor);
    }

    /// <summary>A captured block being read: its text so far, from the line of its start tag.</summary>
    private sealed class Frame(string tag, int line)
    {
        public string Tag { get; } = tag;
        public int Line { get; } = line;
        public StringBuilder Text { get; } = new();
    }

    /// <summary>
    /// Walks the parsed page in document order. A captured block inside another (a list inside an item, a paragraph in
    /// a quote) ends the outer block's line so far; the outer block's text after it is a line of its own.
    /// </summary>
    private sealed class PageReader
    {
        public List<SourceLine> Lines { get; } = [];
        public SourceLine? FirstH1 { get; private set; }
        public SourceLine? TitleElement { get; private set; }
        public string? TimePublished { get; private set; }
        /// <summary>Characters of text outside every captured block, for the warning that article text may be missing.</summary>
        public int Ignored { get; private set; }

        public void Visit(INode node, Frame? frame)
        {
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is IText text)
                {
                    if (frame is null) Ignored += text.Data.Count(c => !char.IsWhiteSpace(c));
                    else frame.Text.Append(text.Data);
                }
                else if (child is IElement element)
                    VisitElement(element, frame);
            }
        }

        private void VisitElement(IElement element, Frame? frame)
        {
            var tag = element.LocalName;
            if (tag == "title")
            {
                if (TitleElement is null && Clean(element.TextContent) is { Length: > 0 } title)
                    TitleElement = new SourceLine(LineOf(element, frame), title, LineHint.Title);
                return;
            }
            if (Dropped.Contains(tag)) return;
            if (tag == "time") TimePublished ??= MetaLines.IsoPrefix(element.GetAttribute("datetime"));
            if (Spaced.Contains(tag)) frame?.Text.Append(' ');
            if (tag is "ul" or "ol")
            {
                if (frame is not null) Emit(frame); // the text of an item before its nested list
                Visit(element, frame);
                return;
            }
            // <li><p>…</p></li>: still the item
            if (!Captured.Contains(tag) || (tag == "p" && frame?.Tag == "li"))
            {
                Visit(element, frame);
                return;
            }
            if (frame is not null) Emit(frame); // a block inside a block: the outer text so far is its own line
            var inner = new Frame(tag, LineOf(element, frame));
            Visit(element, inner);
            Emit(inner);
        }

        private void Emit(Frame f)
        {
            var text = Clean(f.Text.ToString());
            f.Text.Clear();
            if (text.Length == 0) return;
            var hint = f.Tag switch
            {
                "h1" when FirstH1 is null => LineHint.Title,
                "h1" or "h2" or "h3" or "h4" => LineHint.Heading,
                "li" => LineHint.ListItem,
                _ => LineHint.Paragraph,
            };
            var line = new SourceLine(f.Line, text, hint);
            if (hint == LineHint.Title) FirstH1 = line;
            else Lines.Add(line);
        }

        /// <summary>The line of the element's start tag; an element the parser implied has none, and takes its block's.</summary>
        private static int LineOf(IElement element, Frame? frame) => element.SourceReference?.Position.Line ?? frame?.Line ?? 0;
    }

    /// <summary>Runs of white space as one space (the parser has decoded the entities).</summary>
    private static string Clean(string text) => LineText.CollapseWhitespace(text);

    [GeneratedRegex(@"(?i)<(?:p|div|h[1-6]|body|article|section|li|ul|ol|span|a)\b[^<>]*>")]
    private static partial Regex OpenBlockTag();

    [GeneratedRegex(@"(?i)</(?:p|div|h[1-6]|body|article|section|li|ul|ol)\s*>")]
    private static partial Regex CloseBlockTag();
}
