using System.Net;
using System.Text;
using Briefing.Diagnostics;

namespace Briefing.Preview;

/// <summary>The page the preview shows instead of stale content when the newest build failed.</summary>
public static class ErrorPage
{
    public static byte[] Render(IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>Build failed · Briefing preview</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}")
          .Append("li{margin:.75rem 0;padding:.5rem .75rem;border-left:4px solid #b00020;background:#fdf0f2}code{font:14px ui-monospace,monospace}.w{border-color:#8a6d00;background:#fff8e1}</style></head><body><main>")
          .Append("<h1>The build failed</h1><p>The last good build is still on disk, but this preview will not show stale pages. Fix these problems and save: the page reloads by itself.</p><ol>");
        foreach (var d in diagnostics)
        {
            sb.Append(d.Severity == Severity.Error ? "<li>" : "<li class=\"w\">")
              .Append("<code>").Append(WebUtility.HtmlEncode(d.Line > 0 ? $"{d.File}({d.Line},{Math.Max(1, d.Column)})" : d.File)).Append("</code> ")
              .Append("<strong>").Append(d.Severity == Severity.Error ? "error" : "warning").Append(' ').Append(d.Code).Append("</strong><br>")
              .Append(WebUtility.HtmlEncode(d.Message)).Append("</li>");
        }
        sb.Append("</ol></main></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
