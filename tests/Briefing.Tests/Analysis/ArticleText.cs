using System.Text.RegularExpressions;
using Briefing.Analysis;

namespace Briefing.Tests.Analysis;

/// <summary>
/// A deliberately small reader of the repository's <c>input/articles/*.md</c> for the
/// analysis tests: front matter, then the body as plain-text paragraphs. It does not depend
/// on the generator's loader, so the reuse tests stand on their own.
/// </summary>
internal static partial class ArticleText
{
    /// <summary>The folder holding Briefing.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefing.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Briefing.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>An article: its slug, front matter lines (key → raw value) and body paragraphs.</summary>
    public sealed record Article(string Slug, IReadOnlyDictionary<string, string> FrontMatter, IReadOnlyList<string> Paragraphs)
    {
        public ReuseDocument ToDocument() => new(Slug, Paragraphs);
    }

    public static Article Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var frontMatter = new Dictionary<string, string>(StringComparer.Ordinal);
        int bodyStart = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            int end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
            if (end < 0)
            {
                throw new InvalidDataException($"{path}: front matter is not closed with '---'.");
            }
            foreach (var line in lines[1..end])
            {
                var match = FrontMatterLine().Match(line);
                if (match.Success)
                {
                    frontMatter[match.Groups[1].Value] = match.Groups[2].Value.Trim().Trim('"', '\'');
                }
            }
            bodyStart = end + 1;
        }
        return new Article(Path.GetFileNameWithoutExtension(path), frontMatter, Paragraphs(lines[bodyStart..]));
    }

    /// <summary>
    /// Blank lines separate paragraphs; each list item is a paragraph of its own; leading
    /// '#', '&gt;' and list markers and emphasis markers are removed.
    /// </summary>
    private static List<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var item = ListItem().Match(line);
            if (item.Success)
            {
                Flush();
                current.Add(item.Groups[1].Value);
                Flush();
                continue;
            }
            current.Add(BlockMarker().Replace(line, string.Empty));
        }
        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(Emphasis().Replace(string.Join(' ', current), "$2"));
                current.Clear();
            }
        }
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$")]
    private static partial Regex FrontMatterLine();

    [GeneratedRegex(@"^(?:[-*+]|\d+\.)\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?:#{1,6}|>)\s*")]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();
}
