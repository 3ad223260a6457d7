namespace Briefing.Import;

/// <summary>What the HTML said a line is; plain text lines have no hint.</summary>
internal enum LineHint { None, Title, Heading, ListItem, Paragraph }

/// <summary>One non-blank, trimmed line of the input, with its 1-based line number.</summary>
internal sealed record SourceLine(int Line, string Text, LineHint Hint = LineHint.None);

/// <summary>The input as lines, plus what an HTML page's metadata said about the date and author.</summary>
internal sealed record SourceDocument(IReadOnlyList<SourceLine> Lines, bool IsHtml, string? MetaPublished = null, string? MetaAuthor = null)
{
    public static SourceDocument FromPlainText(string text)
    {
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0) lines.Add(new SourceLine(number, line));
        }
        return new SourceDocument(lines, IsHtml: false);
    }
}
