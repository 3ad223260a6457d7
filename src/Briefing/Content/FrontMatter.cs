using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>Splits a Markdown file into its YAML front matter and body, keeping line numbers.</summary>
public static class FrontMatter
{
    public sealed record Split(string Yaml, int YamlLineOffset, string Body, int BodyLine);

    /// <summary>
    /// The front matter runs from a first line "---" to the next line "---" (or "...").
    /// <c>YamlLineOffset</c> is what to add to a line inside the YAML to get the line in the file.
    /// </summary>
    public static Split? Parse(string text, string display, DiagnosticBag diags) => Parse(text.AsSpan(), display, diags);

    /// <summary>As <see cref="Parse(string, string, DiagnosticBag)"/>, from a text that is not a string: only the front matter and the body become strings.</summary>
    public static Split? Parse(ReadOnlySpan<char> text, string display, DiagnosticBag diags)
    {
        var firstEnd = text.IndexOf('\n');
        var first = (firstEnd < 0 ? text : text[..firstEnd]).TrimEnd();
        if (!first.SequenceEqual("---"))
        {
            diags.Error(Codes.FrontMatterMissing, new SourcePos(display, 1, 1), "The file does not start with front matter. Put a line '---' first, then 'title:', 'source:' … and a closing '---'.");
            return null;
        }
        if (firstEnd < 0)
        {
            diags.Error(Codes.FrontMatterUnclosed, new SourcePos(display, 1, 1), "The front matter opened on line 1 is never closed. Add a line '---' after its last field.");
            return null;
        }
        var pos = firstEnd + 1;
        var line = 2;
        while (pos <= text.Length)
        {
            var next = text[pos..].IndexOf('\n');
            var end = next < 0 ? -1 : pos + next;
            var l = (end < 0 ? text[pos..] : text[pos..end]).TrimEnd();
            if (l.SequenceEqual("---") || l.SequenceEqual("..."))
            {
                var yaml = new string(text[(firstEnd + 1)..pos]);
                var bodyStart = end < 0 ? text.Length : end + 1;
                return new Split(yaml, 1, new string(text[bodyStart..]), line + 1);
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        diags.Error(Codes.FrontMatterUnclosed, new SourcePos(display, 1, 1), "The front matter opened on line 1 is never closed. Add a line '---' after its last field, before the article text.");
        return null;
    }
}
