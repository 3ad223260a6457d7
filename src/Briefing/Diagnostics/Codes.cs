namespace Briefing.Diagnostics;

/// <summary>The table of diagnostic codes. The README's error table is written from these descriptions.</summary>
public static class Codes
{
    public const string InputMissing = "BRF001";
    public const string Unreadable = "BRF002";
    public const string InvalidUtf8 = "BRF003";
    public const string YamlSyntax = "BRF010";
    public const string FrontMatterUnclosed = "BRF011";
    public const string FrontMatterMissing = "BRF012";
    public const string YamlUnsupported = "BRF013";
    public const string MarkdownTooDeep = "BRF014";
    public const string RequiredMissing = "BRF020";
    public const string WrongType = "BRF021";
    public const string UnknownKey = "BRF022";
    public const string InvalidValue = "BRF023";
    public const string DuplicateKey = "BRF024";
    public const string Placeholder = "BRF025";
    public const string Advice = "BRF026";
    public const string InvalidId = "BRF030";
    public const string DuplicateId = "BRF031";
    public const string UnknownReference = "BRF040";
    public const string SummaryWithoutArticle = "BRF050";
    public const string ArticleWithoutSummary = "BRF051";
    public const string VariantUnused = "BRF052";
    public const string QuoteNotFound = "BRF060";
    public const string QuoteTooShort = "BRF061";
    public const string QuoteAcrossParagraphs = "BRF062";
    public const string UnsafeLink = "BRF070";
    public const string RawHtmlIgnored = "BRF071";
    public const string TemplateError = "BRF080";
    public const string OutputError = "BRF090";
    public const string SearchUnavailable = "BRF093";
    public const string TooLarge = "BRF091";

    public static readonly IReadOnlyList<(string Code, string Severity, string Meaning, string Fix)> Table =
    [
        (InputMissing, "error", "The input folder is missing or holds no content.", "Run from the repository root or pass --input <folder>; the folder needs site.yml and articles/."),
        (Unreadable, "error", "A file could not be read.", "Check the file's permissions; symbolic links that point outside input/ are refused."),
        (InvalidUtf8, "error", "A file is not valid UTF-8 (or contains NUL bytes).", "Re-save the file as UTF-8."),
        (YamlSyntax, "error", "YAML (a data file or front matter) is malformed.", "Fix the YAML at the line shown: indentation, a missing colon, an unclosed quote."),
        (FrontMatterUnclosed, "error", "An article's front matter starts with --- but never ends.", "Add a line with only --- after the front matter."),
        (FrontMatterMissing, "error", "A Markdown file has no front matter.", "Start the file with ---, the front matter fields, then ---."),
        (YamlUnsupported, "error", "YAML anchors/aliases, tags or nesting too deep.", "Write the values out in full; nest no more than 32 levels."),
        (MarkdownTooDeep, "error", "Markdown text is nested too deeply (more than 128 levels of block quotes, lists, brackets or emphasis).", "Remove the excess '>', list indentation, brackets or emphasis markers."),
        (RequiredMissing, "error", "A required field is missing.", "Add the field named in the message."),
        (WrongType, "error", "A value has the wrong type (e.g. a list where text is expected).", "Write the value as the message says (text, number, true/false, list)."),
        (UnknownKey, "error", "A key that Briefing does not know (usually a typo).", "Use the suggested key, or remove it."),
        (InvalidValue, "error", "A value is not allowed (a malformed date, an unknown kind).", "Use one of the values the message lists."),
        (DuplicateKey, "error", "The same key appears twice in one mapping.", "Keep one of them."),
        (Placeholder, "error", "A 'FILL IN' placeholder that new article wrote is still there.", "Replace it with the real text (a quote: words copied from the article)."),
        (Advice, "warning", "A number the editor's guide advises is not met: 3–5 takeaways, a lede of at least 60 words.", "Add takeaways or words, or fewer takeaways; --strict fails on it."),
        (InvalidId, "error", "An id or slug is not lower-case letters, digits and hyphens.", "Rename it, e.g. 'Security Cooperation' to 'security-cooperation'."),
        (DuplicateId, "error", "Two items share one id or slug.", "Give each item its own id."),
        (UnknownReference, "error", "A reference names a source, topic, claim or article that does not exist.", "Use one of the ids the message lists, or add the missing item."),
        (SummaryWithoutArticle, "error", "A summary has no article with the same slug.", "Rename the summary to match its article's file name, or add the article."),
        (ArticleWithoutSummary, "warning", "An article has no summary.", "Add input/summaries/<slug>.yml."),
        (VariantUnused, "warning", "A glossary variant occurs in no article's text.", "Check the variant's spelling against the articles, or remove it from the entry's 'variants'."),
        (QuoteNotFound, "error", "A quote does not occur in its article's text.", "Copy the words exactly from the article; the message shows the closest passage and where the quote first differs from it."),
        (QuoteTooShort, "error", "A quote has fewer than 4 words, too few to prove anything.", "Quote at least 4 words of the article."),
        (QuoteAcrossParagraphs, "error", "A quote runs from one paragraph into the next.", "Write it as a list with one part per paragraph, as the message shows: quote: [\"…\", \"…\"]."),
        (UnsafeLink, "warning", "A link or image uses a javascript:, vbscript: or data: URL; it was removed.", "Link to an http(s) address instead."),
        (RawHtmlIgnored, "warning", "An article contains raw HTML, which is shown as text.", "Write it in Markdown, or set allow_html: true in site.yml if the HTML is trusted."),
        (TemplateError, "error", "A theme template failed to compile or render.", "Fix the template at the file and line shown."),
        (OutputError, "error", "The output folder could not be written, or it is the input or theme folder (or holds or lies inside one).", "Check that the output folder's parent exists and is writable, and choose a separate --output; the previous output is left untouched."),
        (SearchUnavailable, "warning", "site.yml asks for search, but Node.js or the pinned Pagefind is not installed; the site is built without search.", "Install Node.js 18 or later, then run 'npm ci' in theme/search."),
        (TooLarge, "error", "A file is larger than Briefing accepts (an article over 20 MB, a data file over 5 MB).", "Split the file or remove what is not article text."),
    ];
}
