using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Briefing.Diagnostics;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Briefing.Rendering;

/// <summary>A rendered Markdown document: its HTML (as UTF-8) and, for articles, the plain text of each anchored paragraph.</summary>
public sealed record RenderedMarkdown(byte[] HtmlUtf8, IReadOnlyList<string> Paragraphs, int WordCount)
{
    public string Html => Encoding.UTF8.GetString(HtmlUtf8);
}

/// <summary>
/// Resolves the citation links of the editors' prose: <c>[text](article:slug)</c> and <c>[text](source:id)</c>.
/// </summary>
public interface ICiteResolver
{
    /// <summary>The URL of the cited article or source, and the HTML written right after the link (the article's
    /// source label and markers); null when no published article or source has that id.</summary>
    (string Url, string AfterHtml)? Resolve(string scheme, string id);
}

/// <summary>A citation link found in prose: its scheme ("article" or "source"), the id, and where it is in the text (0-based line and column).</summary>
public sealed record CiteLink(string Scheme, string Id, int Line, int Column);

/// <summary>
/// The one Markdown pipeline of a build (two, when raw HTML is allowed): built once, shared by every page.
/// Raw HTML is shown as text unless allowed; javascript:/vbscript:/data: links are removed; article
/// paragraphs get stable anchors p-1, p-2, … and a visible pilcrow link.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] UnsafeSchemes = ["javascript:", "vbscript:", "data:", "file:"];
    private readonly MarkdownPipeline _pipeline;
    private readonly bool _allowHtml;

    public MarkdownRenderer(bool allowHtml)
    {
        _allowHtml = allowHtml;
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub);
        if (!allowHtml) builder.DisableHtml();
        _pipeline = builder.Build();
    }

    /// <summary>Renders Markdown. <paramref name="anchorParagraphs"/>: give each paragraph an id and a pilcrow link.
    /// <paramref name="cites"/>: the editors' prose, whose <c>article:</c> and <c>source:</c> links it resolves.</summary>
    public RenderedMarkdown Render(string markdown, bool anchorParagraphs, string file = "", int firstLine = 1, DiagnosticBag? diags = null, string anchorPrefix = Pages.Urls.ParagraphIdPrefix, ICiteResolver? cites = null)
    {
        try
        {
            return RenderChecked(markdown, anchorParagraphs, file, firstLine, diags, anchorPrefix, cites);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig refuses documents nested deeper than its limit (block quotes, lists, brackets, emphasis) rather than overflow the stack.
            diags?.Error(Codes.MarkdownTooDeep, new SourcePos(file, firstLine, 1),
                $"The Markdown text from this line on is nested more than {_pipeline.MaximumNestingDepth} levels deep (block quotes '>', list indentation, brackets or emphasis markers). Remove the excess nesting.");
            return new RenderedMarkdown([], [], 0);
        }
    }

    /// <summary>
    /// A short text of the editors' prose (the lede, a takeaway, a timeline or glossary text) as HTML to put inside an
    /// element of the template: a text of one paragraph loses its &lt;p&gt;, so the template's own element holds it.
    /// </summary>
    public string RenderInline(string text, ICiteResolver cites)
    {
        var html = Render(text, anchorParagraphs: false, cites: cites).Html.TrimEnd('\n');
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
            return html[3..^4];
        return html;
    }

    /// <summary>The citation links (<c>article:</c>, <c>source:</c>) of a Markdown text, in order, for the checks.</summary>
    public IReadOnlyList<CiteLink> FindCites(string markdown)
    {
        var walk = new Walk(_allowHtml);
        walk.Block(Markdown.Parse(markdown, _pipeline));
        return walk.Cites.Select(l => TryCite(l.Url, out var scheme, out var id) ? new CiteLink(scheme, id, l.Line, l.Column) : null).OfType<CiteLink>().ToList();
    }

    /// <summary>Whether a link URL is a citation: <c>article:slug</c> or <c>source:id</c>.</summary>
    public static bool TryCite(string? url, out string scheme, out string id)
    {
        foreach (var s in CiteSchemes)
            if (url is not null && url.Length > s.Length + 1 && url.StartsWith(s, StringComparison.Ordinal) && url[s.Length] == ':')
            {
                (scheme, id) = (s, url[(s.Length + 1)..]);
                return true;
            }
        (scheme, id) = ("", "");
        return false;
    }

    private static readonly string[] CiteSchemes = ["article", "source"];

    private RenderedMarkdown RenderChecked(string markdown, bool anchorParagraphs, string file, int firstLine, DiagnosticBag? diags, string anchorPrefix, ICiteResolver? cites)
    {
        var doc = Markdown.Parse(markdown, _pipeline);
        var paragraphs = new List<string>();
        var words = 0;

        // one walk in document order finds the paragraphs, the unsafe links and the first raw HTML; links are changed after it
        var walk = new Walk(_allowHtml);
        walk.Block(doc);
        foreach (var inline in walk.UnsafeLinks)
        {
            switch (inline)
            {
                case LinkInline link:
                    diags?.Warning(Codes.UnsafeLink, new SourcePos(file, firstLine + link.Line, link.Column + 1), $"The {(link.IsImage ? "image" : "link")} URL '{Shorten(link.Url)}' uses an unsafe scheme and was removed. Use an http(s) URL.");
                    Neutralise(link);
                    break;
                case AutolinkInline auto:
                    diags?.Warning(Codes.UnsafeLink, new SourcePos(file, firstLine + auto.Line, auto.Column + 1), $"The link '{Shorten(auto.Url)}' uses an unsafe scheme and was removed. Use an http(s) URL.");
                    auto.ReplaceBy(new LiteralInline(auto.Url));
                    break;
            }
        }
        // the editors' citations: the link goes to the article (or source) and the source's label and markers follow
        // it; one that names nothing (the checks report it) keeps its text without a link
        if (cites is not null)
            foreach (var link in walk.Cites)
            {
                TryCite(link.Url, out var scheme, out var id);
                if (cites.Resolve(scheme, id) is not { } target) { Neutralise(link); continue; }
                link.Url = target.Url;
                if (target.AfterHtml.Length > 0) link.InsertAfter(new HtmlInline(target.AfterHtml));
            }
        if (walk.FirstHtml is { } lit)
            diags?.Warning(Codes.RawHtmlIgnored, new SourcePos(file, firstLine + lit.Line, lit.Column + 1), "Raw HTML in the article is shown as text. Write it in Markdown, or set allow_html: true in site.yml if it is trusted.");

        foreach (var para in walk.Paragraphs)
        {
            var text = PlainText(para.Inline);
            words += CountWords(text);
            if (!anchorParagraphs) continue;
            paragraphs.Add(text);
            var (id, pilcrow) = Anchor(anchorPrefix, paragraphs.Count);
            MarkdownObject target = para.Parent is ListItemBlock li && li.Count > 0 && li[0] == para ? li : para;
            target.GetAttributes().Id = id;
            para.Inline?.AppendChild(new HtmlInline(pilcrow));
        }

        // Markdig's pooled renderer writes into this thread's builder, and the HTML goes from there straight to UTF-8:
        // no renderer and no string are made per document
        var html = t_html ??= new StringWriter(new StringBuilder(16 * 1024), System.Globalization.CultureInfo.InvariantCulture);
        var sb = html.GetStringBuilder().Clear();
        doc.ToHtml(html, _pipeline);
        var utf8 = Utf8(sb);
        if (sb.Capacity > 1 << 20) t_html = null; // a very large article's builder is not kept
        return new RenderedMarkdown(utf8, paragraphs, words);
    }

    /// <summary>The id of paragraph <paramref name="number"/> (from 1) and its pilcrow link.</summary>
    private static ParagraphAnchor Anchor(string prefix, int number)
    {
        // every article's paragraphs are numbered from 1 with the one prefix: their ids and links are the same strings
        var shared = prefix == Pages.Urls.ParagraphIdPrefix && number < SharedAnchors.Length;
        if (shared && SharedAnchors[number] is { } known) return known;
        var id = prefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var anchor = new ParagraphAnchor(id, $" <a class=\"pilcrow\" href=\"#{id}\" aria-label=\"Link to paragraph {number}\">¶</a>");
        if (shared) SharedAnchors[number] = anchor; // a race makes the same strings twice, and either is kept
        return anchor;
    }

    private sealed record ParagraphAnchor(string Id, string Pilcrow);

    private static readonly ParagraphAnchor?[] SharedAnchors = new ParagraphAnchor?[512];

    /// <summary>A builder's text as a UTF-8 array of its exact length, encoded through this thread's scratch buffer.</summary>
    internal static byte[] Utf8(StringBuilder sb)
    {
        var encoder = t_encoder ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
        var max = Encoding.UTF8.GetMaxByteCount(sb.Length);
        var scratch = t_scratch is { } kept && kept.Length >= max ? kept : new byte[Math.Max(max, 64 * 1024)];
        var written = Utf8Chunks.Encode(sb, encoder, scratch);
        t_scratch = scratch.Length <= 4 << 20 ? scratch : null; // not kept after a very large document
        return scratch.AsSpan(0, written).ToArray();
    }

    [ThreadStatic] private static byte[]? t_scratch;
    [ThreadStatic] private static StringWriter? t_html;
    [ThreadStatic] private static Encoder? t_encoder;

    /// <summary>A walk of a parsed document, blocks and inlines, in document order.</summary>
    private sealed class Walk(bool allowHtml)
    {
        public List<ParagraphBlock> Paragraphs { get; } = [];
        public List<Inline> UnsafeLinks { get; } = [];
        public List<LinkInline> Cites { get; } = [];
        public LiteralInline? FirstHtml { get; private set; }

        public void Block(Block block)
        {
            if (block is ParagraphBlock p) Paragraphs.Add(p);
            if (block is LeafBlock { Inline: { } inline }) Inline(inline);
            if (block is ContainerBlock container)
                foreach (var child in container) Block(child);
        }

        private void Inline(Inline inline)
        {
            switch (inline)
            {
                case LinkInline link when IsUnsafe(link.Url):
                    UnsafeLinks.Add(link);
                    break;
                case LinkInline link when !link.IsImage && TryCite(link.Url, out _, out _):
                    Cites.Add(link);
                    break;
                case AutolinkInline auto when IsUnsafe(auto.Url):
                    UnsafeLinks.Add(auto);
                    break;
                case LiteralInline lit when !allowHtml && FirstHtml is null && LooksLikeHtml(lit):
                    FirstHtml = lit;
                    break;
            }
            if (inline is ContainerInline container)
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) Inline(child);
        }
    }

    private static bool LooksLikeHtml(LiteralInline lit)
    {
        var s = lit.Content.AsSpan();
        return s.Length > 1 && s[0] == '<' && (char.IsLetter(s[1]) || s[1] == '/' || s[1] == '!');
    }

    public static bool IsUnsafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        // most links: an http(s) address as written
        if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)) return false;
        var compact = new StringBuilder(url.Length);
        foreach (var c in url)
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)) compact.Append(char.ToLowerInvariant(c));
        var s = compact.ToString();
        return UnsafeSchemes.Any(scheme => s.StartsWith(scheme, StringComparison.Ordinal));
    }

    private static void Neutralise(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText(link)));
            return;
        }
        var replacement = new ContainerInline();
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            replacement.AppendChild(child);
            child = next;
        }
        link.ReplaceBy(replacement);
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";

    [ThreadStatic] private static StringBuilder? t_plain;

    /// <summary>The text of inlines with formatting removed.</summary>
    public static string PlainText(ContainerInline? container)
    {
        if (container is null) return "";
        var sb = t_plain ??= new StringBuilder();
        sb.Clear();
        Append(container, sb);
        var start = 0;
        var end = sb.Length;
        while (start < end && char.IsWhiteSpace(sb[start])) start++;
        while (end > start && char.IsWhiteSpace(sb[end - 1])) end--;
        var text = sb.ToString(start, end - start);
        if (sb.Capacity > 1 << 16) t_plain = null; // a huge paragraph's buffer is not kept
        return text;

        static void Append(Inline inline, StringBuilder sb)
        {
            switch (inline)
            {
                case LiteralInline l: sb.Append(l.Content.AsSpan()); break;
                case CodeInline c: sb.Append(c.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case HtmlEntityInline e: sb.Append(e.Transcoded.AsSpan()); break;
                case AutolinkInline a: sb.Append(a.Url); break;
                case ContainerInline ci:
                    for (var child = ci.FirstChild; child is not null; child = child.NextSibling) Append(child, sb);
                    break;
            }
        }
    }

    internal static int CountWords(string text)
    {
        // A word starts at a character that is not white space after one that is (or at the start). Sixteen characters
        // at a time while they are ASCII, where white space is tab to carriage return, and space: narrowed to bytes,
        // whose mask is one instruction on every x64 (a mask of 16-bit lanes is not, on the baseline the program is
        // compiled for).
        var count = 0;
        var afterSpace = true;
        var span = text.AsSpan();
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(span);
            for (; i + 16 <= chars.Length; i += 16)
            {
                var lo = Vector128.Create(chars.Slice(i, 8));
                var hi = Vector128.Create(chars.Slice(i + 8, 8));
                if (((lo | hi) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero) break;
                var b = Vector128.Narrow(lo, hi);
                var ws = Vector128.Equals(b, Vector128.Create((byte)' ')) | Vector128.LessThanOrEqual(b - Vector128.Create((byte)9), Vector128.Create((byte)4));
                var spaces = ws.ExtractMostSignificantBits(); // bit k: character k is white space
                var before = (spaces << 1) | (afterSpace ? 1u : 0u); // bit k: the character before k is white space
                count += BitOperations.PopCount(~spaces & before & 0xFFFF);
                afterSpace = (spaces & 0x8000) != 0;
            }
        }
        for (; i < span.Length; i++)
        {
            var c = span[i];
            // printable ASCII first: never white space
            if ((c > ' ' && c < '\u007F') || !char.IsWhiteSpace(c))
            {
                if (afterSpace) count++;
                afterSpace = false;
            }
            else afterSpace = true;
        }
        return count;
    }
}
