using System.Net;
using System.Text.RegularExpressions;

namespace Briefing.Tests.Hostile;

/// <summary>
/// An HTML-aware check for executable markup in built pages: it tokenises every tag and its attributes
/// (quoted, unquoted, entity-encoded) rather than searching for one literal string.
/// </summary>
internal static partial class HtmlSafety
{
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[\s/]+[^\s=>/""']+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'>]+))?)*)[\s/]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"([^\s=>/""']+)(?:\s*=\s*(""[^""]*""|'[^']*'|[^\s""'>]+))?", RegexOptions.Singleline)]
    private static partial Regex Attribute();

    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
        { "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "svg", "math", "style", "template", "portal" };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
        { "href", "src", "action", "formaction", "poster", "background", "cite", "data", "xlink:href", "srcset", "ping", "manifest" };

    private static readonly string[] BadSchemes = ["javascript:", "vbscript:", "data:", "file:"];

    /// <summary>Every way the page could run script or load active content, described; empty when there is none.</summary>
    public static List<string> Problems(string html)
    {
        var problems = new List<string>();
        var body = Comment().Replace(html, "");
        foreach (Match tag in Tag().Matches(body))
        {
            var closing = tag.Groups[1].Value == "/";
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (closing) continue;
            if (Forbidden.Contains(name)) problems.Add($"<{name}> element: {Short(tag.Value)}");
            var attrs = Attribute().Matches(tag.Groups[3].Value)
                .Select(a => (Name: a.Groups[1].Value.ToLowerInvariant(), Value: Unquote(a.Groups[2].Value)))
                .ToList();
            foreach (var (attr, value) in attrs)
            {
                if (attr.StartsWith("on", StringComparison.Ordinal)) problems.Add($"event handler {attr}= in {Short(tag.Value)}");
                if (attr is "srcdoc" or "formaction") problems.Add($"{attr}= in {Short(tag.Value)}");
                if (attr == "style" && Regex.IsMatch(value, @"expression\(|url\(|javascript", RegexOptions.IgnoreCase)) problems.Add($"active style in {Short(tag.Value)}");
                if (UrlAttributes.Contains(attr) && IsBadUrl(value)) problems.Add($"{attr}=\"{value}\" in {Short(tag.Value)}");
                if (name == "meta" && attr == "http-equiv" && value.Equals("refresh", StringComparison.OrdinalIgnoreCase)) problems.Add("meta refresh");
            }
            // the theme's one script, which writes the print date into the printed footer: from the site itself, empty
            if (name == "script" && attrs.Count == 2 && attrs[0].Name == "src" && Regex.IsMatch(attrs[0].Value, "^/(?!/)[^\"<>]*print-date\\.js$") && attrs[1] == ("defer", ""))
            {
                if (!body.AsSpan(tag.Index + tag.Length).StartsWith("</script>", StringComparison.OrdinalIgnoreCase)) problems.Add($"the print-date script has content: {Short(tag.Value)}");
                continue;
            }
            if (name == "script")
            {
                if (attrs.Count != 1 || attrs[0] != ("type", "application/ld+json"))
                    problems.Add($"<script> that is not the theme's JSON-LD: {Short(tag.Value)}");
                var end = body.IndexOf("</script", tag.Index + tag.Length, StringComparison.OrdinalIgnoreCase);
                var content = end < 0 ? body[(tag.Index + tag.Length)..] : body[(tag.Index + tag.Length)..end];
                if (content.Contains('<')) problems.Add($"'<' inside JSON-LD (could end or re-open the script): {Short(content)}");
            }
        }
        var titles = Regex.Matches(body, @"</title\s*>", RegexOptions.IgnoreCase).Count;
        if (titles > 1) problems.Add($"{titles} </title> tags: a title broke out of the head");
        return problems;
    }

    private static bool IsBadUrl(string value)
    {
        var decoded = WebUtility.HtmlDecode(value);
        var compact = new string(decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        try { compact = Uri.UnescapeDataString(compact); } catch (UriFormatException) { }
        return BadSchemes.Any(s => compact.StartsWith(s, StringComparison.Ordinal) || compact.Contains(", " + s, StringComparison.Ordinal));
    }

    private static string Unquote(string v) => v.Length >= 2 && (v[0] == '"' || v[0] == '\'') ? v[1..^1] : v;

    private static string Short(string s) => s.Length <= 120 ? s : s[..120] + "…";

    /// <summary>Asserts that no built HTML file holds executable markup, naming the file and the problem.</summary>
    public static void AssertSafe(string outputDir)
    {
        var files = Directory.GetFiles(outputDir, "*.html", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var all = files.SelectMany(f => Problems(File.ReadAllText(f)).Select(p => $"{Path.GetRelativePath(outputDir, f)}: {p}")).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }
}
