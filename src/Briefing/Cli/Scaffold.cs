using Briefing.Text;
using Briefing.Validation;

namespace Briefing.Cli;

/// <summary><c>new article</c>: skeleton files that pass <c>check</c> once filled in. Never overwrites.</summary>
public static class Scaffold
{
    public static int NewArticle(string input, string slug, string source, IReadOnlyList<string> topics, TextWriter stdout, TextWriter stderr)
    {
        var problems = new List<string>();
        if (!Validator.IsValidId(slug)) problems.Add($"The slug '{slug}' must be lower-case letters, digits and hyphens, e.g. 2024-01-05-outlet-subject.");
        var topicIds = Ids(Path.Combine(input, "topics"), ".md");
        if (UnknownSource(input, source) is { } unknown) problems.Add(unknown);
        if (topics.Count == 0) problems.Add("Name at least one topic with --topic <id>.");
        foreach (var t in topics)
            if (!topicIds.Contains(t)) problems.Add($"No topic has the id '{t}'. " + Fuzzy.Suggest(t, topicIds, "topic ids"));
        var articlePath = Path.Combine(input, "articles", slug + ".md");
        var summaryPath = Path.Combine(input, "summaries", slug + ".yml");
        foreach (var p in new[] { articlePath, summaryPath })
            if (File.Exists(p)) problems.Add($"{p} already exists; 'new' never overwrites. Choose another slug or edit the existing file.");
        if (problems.Count > 0)
        {
            foreach (var p in problems) stderr.WriteLine($"error: {p}");
            return Program.UsageErrors;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(articlePath)!);
        Directory.CreateDirectory(Path.GetDirectoryName(summaryPath)!);
        var date = slug.Length >= 10 && Content.PartialDate.TryParse(slug[..10], out var d) ? d.Iso : "YYYY-MM-DD";
        File.WriteAllText(articlePath, $"""
            ---
            title: "FILL IN: the headline as published"
            source: {source}
            published: {date}              # YYYY-MM-DD as the article gives it; YYYY-MM or YYYY if only that; delete the line if unknown
            # author: Name                 # only if the article names one
            # dek: The standfirst, if any
            # url: https://…               # only the real original address, never a guess
            topics: [{string.Join(", ", topics)}]
            ---
            FILL IN: the article's first paragraph, in its original wording.

            FILL IN: the next paragraph. One blank line between paragraphs; "## Subhead" for subheads.

            """);
        var topicLines = string.Join("", topics.Take(1).Select(t => $"""
              - text: "FILL IN: a key point in the editors' words."
                topic: {t}
                quote: "FILL IN: words copied exactly from the article"

            """));
        File.WriteAllText(summaryPath, $"""
            summary: >
              FILL IN: two or three sentences in the editors' words.
            angle: >
              FILL IN: what this source emphasises compared with the others.
            key_points:
            {topicLines}claims: []
            # claims:
            #   - claim: an-id-from-claims-yml
            #     quote: "words copied exactly from the article"

            """);
        stdout.WriteLine($"Wrote {articlePath} and {summaryPath}. Replace every FILL IN, then run: dotnet run --project src/Briefing -- check");
        return Program.Success;
    }

    /// <summary>What is wrong when no file in input/sources/ has the id <paramref name="source"/> (with the closest ids), or null.</summary>
    public static string? UnknownSource(string input, string source)
    {
        var sources = Ids(Path.Combine(input, "sources"), ".yml");
        return sources.Contains(source) ? null : $"No source has the id '{source}'. " + Fuzzy.Suggest(source, sources, "source ids");
    }

    private static HashSet<string> Ids(string dir, string ext) => Directory.Exists(dir)
        ? Directory.EnumerateFiles(dir, "*" + ext).Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal)
        : [];
}
