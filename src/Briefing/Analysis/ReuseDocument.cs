namespace Briefing.Analysis;

/// <summary>
/// One article's text as the text-reuse analysis sees it.
/// </summary>
/// <param name="Id">The article's id (its slug). Ids must be unique within one analysis.</param>
/// <param name="Paragraphs">
/// The body paragraphs as plain text (Markdown removed), in order. Paragraph index <c>i</c>
/// corresponds to the anchor <c>p-(i+1)</c> on the article page.
/// </param>
public sealed record ReuseDocument(string Id, IReadOnlyList<string> Paragraphs);
