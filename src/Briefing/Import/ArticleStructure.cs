namespace Briefing.Import;

/// <summary>
/// Reads the structure of the lines left after clutter removal: the title (first line), the dek, the date
/// and author lines near the top or the bottom, subheads, list items and paragraphs.
/// </summary>
internal static class ArticleStructure
{
    /// <summary>Date and byline lines are looked for among this many lines after the title …</summary>
    public const int HeadZone = 8;
    /// <summary>… and among this many last lines.</summary>
    public const int TailZone = 5;

    public enum BlockKind { Paragraph, Heading, ListItem }

    public sealed record Block(BlockKind Kind, string Text, int FirstLine, int LastLine);

    public sealed record Article(
        string Title, int TitleLine, string? Dek, string? Published, string? Author,
        IReadOnlyList<Block> Blocks, IReadOnlyList<RemovedLine> Moved);

    public static Article Read(IReadOnlyList<SourceLine> kept, SourceDocument doc, Action<int, string> warn)
    {
        if (kept.Count == 0)
            return new Article("", 0, null, null, null, [], []);

        var title = kept[0];
        var rest = kept.Skip(1).ToList();
        var consumed = new bool[rest.Count];
        var (published, author, moved) = MoveDateAndByline(rest, consumed, warn);
        if (published is null && doc.MetaPublished is { } meta)
        {
            published = meta;
            warn(0, $"'published: {meta}' comes from the page's metadata, not its text: check it.");
        }
        if (author is null && doc.MetaAuthor is { Length: > 0 } metaAuthor)
        {
            author = metaAuthor;
            warn(0, $"'author: {metaAuthor}' comes from the page's metadata, not its text: check it.");
        }
        var dek = TakeDek(rest, consumed, warn);
        return new Article(title.Text, title.Line, dek, published, author, Body(rest, consumed), moved);
    }

    /// <summary>
    /// The date and byline lines near the top and the bottom of the text: marked consumed and listed as moved, the first
    /// date and author kept, a differing second one warned about.
    /// </summary>
    private static (string? Published, string? Author, List<RemovedLine> Moved) MoveDateAndByline(List<SourceLine> rest, bool[] consumed, Action<int, string> warn)
    {
        var moved = new List<RemovedLine>();
        string? published = null, author = null;
        int publishedLine = 0;
        var zone = Enumerable.Range(0, Math.Min(HeadZone, rest.Count))
            .Concat(Enumerable.Range(Math.Max(0, rest.Count - TailZone), Math.Min(TailZone, rest.Count)))
            .Distinct();
        foreach (var i in zone)
        {
            var line = rest[i];
            if (line.Hint is LineHint.Heading or LineHint.ListItem || LineText.BulletText(line.Text) is not null) continue;
            if (MetaLines.ParseByline(line.Text) is { } byline)
            {
                consumed[i] = true;
                moved.Add(new RemovedLine(line.Line, line.Text, "byline"));
                if (author is null) author = byline.Author;
                else if (author != byline.Author) warn(line.Line, $"a second byline ({byline.Author}) was removed; the front matter names {author}.");
                if (byline.Extras.Count > 0)
                    warn(line.Line, $"the byline also says \"{string.Join(" – ", byline.Extras)}\": check the source, and the author's name in the front matter.");
                NoteDate(byline.Published, line.Line);
            }
            else if (MetaLines.DateLine(line.Text) is { } date)
            {
                consumed[i] = true;
                moved.Add(new RemovedLine(line.Line, line.Text, "dateline"));
                NoteDate(date, line.Line);
            }
        }

        void NoteDate(string? date, int line)
        {
            if (date is null) return;
            if (published is null) { published = date; publishedLine = line; }
            else if (published != date) warn(line, $"another date ({date}) was removed; 'published' is {published}, from line {publishedLine}.");
        }
        return (published, author, moved);
    }

    /// <summary>
    /// The dek: the first line after the title (only date/byline lines between), when it is followed by the date or
    /// byline, or when it reads like a standfirst rather than a sentence. Marked consumed.
    /// </summary>
    private static string? TakeDek(List<SourceLine> rest, bool[] consumed, Action<int, string> warn)
    {
        string? dek = null;
        var first = Array.IndexOf(consumed, false);
        if (first >= 0 && consumed.Take(first).All(c => c) && first + 1 < rest.Count)
        {
            var line = rest[first];
            var eligible = line.Hint is LineHint.None or LineHint.Paragraph &&
                           LineText.BulletText(line.Text) is null &&
                           LineText.WordCount(line.Text) >= 5 && line.Text.Length <= 300 &&
                           !LooksLikeSubhead(line.Text);
            if (eligible && consumed[first + 1])
                dek = line.Text;
            else if (eligible && line.Text.Length <= 250 && !LineText.EndsLikeSentence(line.Text) &&
                     !(rest[first + 1].Line == line.Line + 1 && char.IsLower(rest[first + 1].Text[0]))) // not a hard-wrapped paragraph
            {
                dek = line.Text;
                warn(line.Line, "this line was taken as the dek (standfirst); move it into the body if it is the first paragraph.");
            }
            if (dek is not null) consumed[first] = true;
        }
        return dek;
    }

    /// <summary>The lines not consumed, as headings, list items and paragraphs (hard-wrapped lines joined).</summary>
    private static List<Block> Body(List<SourceLine> rest, bool[] consumed)
    {
        var body = new List<Block>();
        for (var i = 0; i < rest.Count; i++)
        {
            if (consumed[i]) continue;
            var line = rest[i];
            var previous = body.Count > 0 ? body[^1] : null;
            var hasNext = Enumerable.Range(i + 1, rest.Count - i - 1).Any(k => !consumed[k]);
            if (line.Hint == LineHint.ListItem)
                body.Add(new Block(BlockKind.ListItem, line.Text, line.Line, line.Line));
            else if (line.Hint == LineHint.None && LineText.BulletText(line.Text) is { } item)
                body.Add(new Block(BlockKind.ListItem, item, line.Line, line.Line));
            else if (line.Hint == LineHint.Heading ||
                     (line.Hint == LineHint.None && previous is { Kind: not BlockKind.Heading } && hasNext && LooksLikeSubhead(line.Text)))
                body.Add(new Block(BlockKind.Heading, line.Text, line.Line, line.Line));
            else if (line.Hint == LineHint.None && previous is { Kind: BlockKind.Paragraph } p && p.LastLine == line.Line - 1 &&
                     p.Text.Length >= 40 && !LineText.EndsLikeSentence(p.Text) && line.Text.Length > 0 && char.IsLower(line.Text[0]))
                body[^1] = p with { Text = p.Text + " " + line.Text, LastLine = line.Line }; // a hard-wrapped paragraph
            else
                body.Add(new Block(BlockKind.Paragraph, line.Text, line.Line, line.Line));
        }
        return body;
    }

    /// <summary>A short title-case line without final punctuation ("China-Vietnam Ties").</summary>
    public static bool LooksLikeSubhead(string text) =>
        text.Length <= 70 && LineText.WordCount(text) <= 10 && !LineText.EndsWithPunctuation(text) &&
        text.Count(char.IsLetter) >= 3 && LineText.IsTitleCase(text);
}
