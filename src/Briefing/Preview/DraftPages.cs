using System.Net;
using System.Text;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Rendering;

namespace Briefing.Preview;

/// <summary>
/// While a preview's build has errors, the page of each article whose own files (its Markdown or its summary) have
/// errors: the errors at the top, then the article's text as it now is, each paragraph numbered as the quote messages
/// number it. An editor writing a new article's summary reads the text there while its quotes are still wrong.
/// </summary>
/// <remarks>
/// Made by the preview alone, not by the theme: a failed build renders no page, and this page must show whatever the
/// file holds, placeholders and broken front matter included. It is never written to output/.
/// </remarks>
public static class DraftPages
{
    /// <summary>The pages by their site-relative file ("articles/&lt;slug&gt;/index.html").</summary>
    public static Dictionary<string, byte[]> Make(string inputDir, IReadOnlyList<Diagnostic> errors)
    {
        var pages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var bySlug = errors
            .Select(d => (d, Slug: SlugOf(d.File)))
            .Where(x => x.Slug is not null)
            .GroupBy(x => x.Slug!, StringComparer.Ordinal);
        var articles = Path.Combine(inputDir, "articles");
        if (!Directory.Exists(articles)) return pages;
        var files = Directory.EnumerateFiles(articles, "*.md").ToDictionary(Slugs.FromFileName, StringComparer.Ordinal);
        foreach (var group in bySlug)
        {
            if (!files.TryGetValue(group.Key, out var path)) continue;
            string text;
            try { text = File.ReadAllText(path); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            pages["articles/" + group.Key + "/index.html"] = Render(group.Key, text, group.Select(x => x.d).ToList());
        }
        return pages;
    }

    /// <summary>The article slug a diagnostic's file belongs to (an article's Markdown or its summary), or null.</summary>
    private static string? SlugOf(string file)
    {
        var normal = file.Replace('\\', '/');
        var folder = Path.GetFileName(Path.GetDirectoryName(normal) ?? "");
        return folder is "articles" or "summaries" ? Slugs.FromFileName(normal) : null;
    }

    private static byte[] Render(string slug, string text, IReadOnlyList<Diagnostic> errors)
    {
        var quiet = new DiagnosticBag();
        var split = FrontMatter.Parse(text.ReplaceLineEndings("\n"), slug, quiet);
        var title = slug;
        if (split is not null && YamlTree.Parse(split.Yaml, slug, 0, quiet) is YMapping front)
            foreach (var (key, value) in front.Entries)
                if (key.Value == "title" && value is YScalar s && s.Value.Trim().Length > 0) title = s.Value.Trim();
        var body = new MarkdownRenderer(allowHtml: false).Render(split?.Body ?? text, anchorParagraphs: true).Html;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" · draft · Briefing preview</title>")
          .Append("<style>body{font:17px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}")
          .Append("h1{font-family:system-ui,sans-serif;line-height:1.2}.errors{font:15px/1.5 system-ui,sans-serif}")
          .Append(".errors li{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #b00020;background:#fdf0f2}code{font:14px ui-monospace,monospace}")
          .Append("[id^=\"p-\"]::before{content:\"¶ \" attr(id);display:block;font:12px ui-monospace,monospace;color:#555}</style></head><body><main>")
          .Append("<p class=\"errors\"><strong>Draft:</strong> this article's files have errors, so this is its text as it now is, not its published page.</p>")
          .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
          .Append("<section class=\"errors\" aria-labelledby=\"errors\"><h2 id=\"errors\">").Append(errors.Count).Append(errors.Count == 1 ? " error" : " errors").Append(" in this article's files</h2><ol>");
        foreach (var d in errors)
            sb.Append("<li>").Append(ErrorPage.Item(d)).Append("</li>");
        sb.Append("</ol></section><article>").Append(body).Append("</article></main></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
