using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Briefing.Import;

/// <summary>
/// Turns a captured article (plain text or HTML) into an article file for <c>input/articles/</c>: YAML front
/// matter (title, source, published, author, dek, an empty topics list for the editor) and a Markdown body with
/// one paragraph per block, the page clutter removed by the rules in <c>clutter.yml</c>.
/// </summary>
public static partial class ArticleImporter
{
    public const int MaxSlugLength = 60;

    /// <param name="text">The captured text or HTML.</param>
    /// <param name="sourceId">The outlet's id in <c>input/sources/</c>.</param>
    /// <param name="fileName">The captured file's name: names it in warnings; ".html"/".htm" means HTML.</param>
    /// <param name="rules">The clutter rules; the embedded defaults when null.</param>
    public static ImportResult Import(string text, string sourceId, string? fileName = null, IReadOnlyList<ClutterRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceId);
        rules ??= ClutterPatterns.Load();
        var display = string.IsNullOrEmpty(fileName) ? "input" : fileName;
        var notes = new List<(int Line, string Message)>();
        void Warn(int line, string message) => notes.Add((line, message));

        text = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF');
        var doc = HtmlText.LooksLikeHtml(text, fileName) ? HtmlText.Extract(text, Warn) : SourceDocument.FromPlainText(text);
        var filtered = ClutterFilter.Apply(doc.Lines, rules, Warn);
        var article = ArticleStructure.Read(filtered.Kept, doc, Warn);

        var title = article.Title;
        if (title.Length == 0)
        {
            title = Path.GetFileNameWithoutExtension(fileName ?? "") is { Length: > 0 } name ? name : "Untitled";
            Warn(0, $"no title found: the title is \"{title}\"; write the headline as published.");
        }
        if (article.Published is null)
            Warn(0, "no date found in the text: add 'published:' (YYYY-MM-DD, or YYYY-MM / YYYY) if you know it.");
        if (!article.Blocks.Any(b => b.Kind == ArticleStructure.BlockKind.Paragraph))
            Warn(0, "the body has no paragraphs: check the removed lines.");
        if (!IdPattern().IsMatch(sourceId))
            Warn(0, $"the source id \"{sourceId}\" is not lower-case letters, digits and hyphens: use the id of a file in input/sources/.");

        var markdown = FrontMatter(title, sourceId, article) + Body(article.Blocks);
        var slug = Slug(article.Published, sourceId, title);
        var removed = filtered.Removed.Concat(article.Moved).OrderBy(r => r.Line).ToList();
        var warnings = notes
            .OrderBy(n => n.Line)
            .Select(n => n.Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{display}({n.Line}): {n.Message}")
                : $"{display}: {n.Message}")
            .ToList();
        return new ImportResult(markdown, slug, removed, warnings);
    }

    /// <summary>
    /// <c>&lt;date-or-undated&gt;-&lt;source&gt;-&lt;first words of the title&gt;</c>, lower-case ASCII and hyphens,
    /// at most <see cref="MaxSlugLength"/> characters, cut at a word.
    /// </summary>
    public static string Slug(string? published, string sourceId, string title)
    {
        var prefix = (published ?? "undated") + "-" + (LineText.Slugify(sourceId) is { Length: > 0 } s ? s : "source");
        var words = LineText.Slugify(title).Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) words = ["untitled"];
        var sb = new StringBuilder(prefix);
        foreach (var word in words)
        {
            if (sb.Length + 1 + word.Length > MaxSlugLength)
            {
                if (sb.Length == prefix.Length) sb.Append('-').Append(word.AsSpan(0, Math.Max(1, MaxSlugLength - sb.Length - 1)));
                break;
            }
            sb.Append('-').Append(word);
        }
        return sb.ToString().TrimEnd('-');
    }

    private static string FrontMatter(string title, string sourceId, ArticleStructure.Article article)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: ").Append(Yaml.Quote(title)).Append('\n');
        sb.Append("source: ").Append(IdPattern().IsMatch(sourceId) ? sourceId : Yaml.Quote(sourceId)).Append('\n');
        if (article.Published is { } published) sb.Append("published: ").Append(published).Append('\n');
        if (article.Author is { } author) sb.Append("author: ").Append(Yaml.Quote(author)).Append('\n');
        if (article.Dek is { } dek) sb.Append("dek: ").Append(Yaml.Quote(dek)).Append('\n');
        sb.Append("topics: []   # TODO: the ids of this article's topics in input/topics/, e.g. [maritime-disputes]\n");
        sb.Append("---\n");
        return sb.ToString();
    }

    private static string Body(IReadOnlyList<ArticleStructure.Block> blocks)
    {
        var sb = new StringBuilder();
        ArticleStructure.BlockKind? previous = null;
        foreach (var block in blocks)
        {
            if (previous is not null && !(previous == ArticleStructure.BlockKind.ListItem && block.Kind == ArticleStructure.BlockKind.ListItem))
                sb.Append('\n');
            sb.Append(block.Kind switch
            {
                ArticleStructure.BlockKind.Heading => "## ",
                ArticleStructure.BlockKind.ListItem => "- ",
                _ => "",
            });
            sb.Append(MarkdownText.Escape(block.Text)).Append('\n');
            previous = block.Kind;
        }
        return sb.ToString();
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
