using System.Net;
using System.Text;
using Briefing.Diagnostics;

namespace Briefing.Preview;

/// <summary>
/// What the preview shows of a failed build: the full list of its errors (at <see cref="SiteHost.ErrorsPath"/>, and
/// instead of every page when there is no good build yet), and a banner on the last good pages that links to it.
/// </summary>
public static class ErrorPage
{
    /// <summary>The banner put at the top of every page served while the newest build has errors.</summary>
    public static string Banner(int errors, string errorsUrl) =>
        "<div role=\"alert\" style=\"font:15px/1.5 system-ui,sans-serif;margin:0;padding:.6rem 1rem;background:#b00020;color:#fff\">" +
        $"The newest build has {errors} error{(errors == 1 ? "" : "s")}: this page is from the last good build. " +
        $"<a href=\"{errorsUrl}\" style=\"color:#fff;font-weight:bold\">See every error</a></div>";

    /// <summary>One diagnostic as HTML: its place, severity and code, and its message.</summary>
    public static string Item(Diagnostic d) =>
        "<code>" + WebUtility.HtmlEncode(d.Line > 0 ? $"{d.File}({d.Line},{Math.Max(1, d.Column)})" : d.File) + "</code> " +
        "<strong>" + (d.Severity == Severity.Error ? "error" : "warning") + " " + d.Code + "</strong><br>" + WebUtility.HtmlEncode(d.Message);

    public static byte[] Render(IReadOnlyList<Diagnostic> diagnostics, bool lastGoodServed = false)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>Build failed · Briefing preview</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}")
          .Append("li{margin:.75rem 0;padding:.5rem .75rem;border-left:4px solid #b00020;background:#fdf0f2}code{font:14px ui-monospace,monospace}.w{border-color:#8a6d00;background:#fff8e1}</style></head><body><main>")
          .Append("<h1>The build failed</h1><p>")
          .Append(lastGoodServed
              ? "Until these problems are fixed, the preview serves the last good build, with a banner on every page, and the page of each article whose files have errors as the article now is, its errors at the top. "
              : "There is no good build to show yet. ")
          .Append("output/ keeps the last good build. Fix these problems and save: the page reloads by itself.</p><ol>");
        foreach (var d in diagnostics)
            sb.Append(d.Severity == Severity.Error ? "<li>" : "<li class=\"w\">").Append(Item(d)).Append("</li>");
        sb.Append("</ol></main></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
