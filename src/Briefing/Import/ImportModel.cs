namespace Briefing.Import;

/// <summary>
/// One kind of page clutter, kept as data in <c>clutter.yml</c>.
/// <list type="bullet">
/// <item><c>line</c>: the whole trimmed line matches <see cref="Pattern"/> (a .NET regex); the line is removed.</item>
/// <item><c>line-with-next</c>: as <c>line</c>, and the next non-blank line goes too when it is short and reads like a
/// headline (the title attached to a video duration, for example).</item>
/// <item><c>block-start</c> / <c>block-end</c>: two rules with the same name; every line from a start line to the
/// first end line (at most 40 lines on) is removed.</item>
/// <item><c>duplicate</c>: <see cref="Pattern"/> is <c>title</c> (a line repeating the headline) or
/// <c>previous</c> (a line repeating the non-blank line before it).</item>
/// <item><c>flag</c>: the line is kept, and <see cref="Description"/> is given as a warning for the editor.</item>
/// </list>
/// </summary>
public sealed record ClutterRule(string Name, string Kind, string Pattern, string Description);

/// <summary>
/// A line of the captured text that is not in the article body: its 1-based line number in the input, its trimmed
/// text, and why — a <see cref="ClutterRule"/> name, or <c>dateline</c> / <c>byline</c> for a line whose date or
/// author was moved into the front matter.
/// </summary>
public sealed record RemovedLine(int Line, string Text, string Rule);

/// <summary>
/// What <see cref="ArticleImporter.Import"/> made of a captured article.
/// </summary>
/// <param name="Markdown">The whole article file: YAML front matter and Markdown body.</param>
/// <param name="SuggestedSlug"><c>&lt;date-or-undated&gt;-&lt;source&gt;-&lt;first-words-of-title&gt;</c>.</param>
/// <param name="Removed">Every input line left out of the body, in input order, for the editor to review.</param>
/// <param name="Warnings">Things the editor should check, each <c>file(line): message</c> or <c>file: message</c>.</param>
public sealed record ImportResult(string Markdown, string SuggestedSlug, IReadOnlyList<RemovedLine> Removed, IReadOnlyList<string> Warnings);

/// <summary>The rule kinds <c>clutter.yml</c> may use.</summary>
public static class ClutterKinds
{
    public const string Line = "line";
    public const string LineWithNext = "line-with-next";
    public const string BlockStart = "block-start";
    public const string BlockEnd = "block-end";
    public const string Duplicate = "duplicate";
    public const string Flag = "flag";

    public static readonly IReadOnlyList<string> All = [Line, LineWithNext, BlockStart, BlockEnd, Duplicate, Flag];
}

/// <summary>A captured page that cannot be imported: the 1-based line and column where that showed, and what to do.</summary>
public sealed class ImportException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
