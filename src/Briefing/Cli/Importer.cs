using System.Globalization;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Import;
using Briefing.Validation;

namespace Briefing.Cli;

/// <summary><c>import</c>: a captured article into input/articles/, clutter removed and reported for review. Never overwrites.</summary>
public static class Importer
{
    public static int Run(string file, string source, string input, string? slug, string? rulesPath, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"error: {file} does not exist. Give the path of a captured .txt or .html file.");
            return Program.UsageErrors;
        }
        if (Scaffold.UnknownSource(input, source) is { } unknown)
        {
            stderr.WriteLine($"error: {unknown}");
            return Program.UsageErrors;
        }
        var bag = new DiagnosticBag();
        var text = InputFiles.Decode(File.ReadAllBytes(file), file, bag);
        if (text is null)
        {
            foreach (var d in bag.Sorted()) stderr.WriteLine(d);
            return Program.ContentErrors;
        }
        IReadOnlyList<ClutterRule> rules;
        try { rules = ClutterPatterns.Load(rulesPath); }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return Program.UsageErrors;
        }
        ImportResult result;
        try { result = ArticleImporter.Import(text, source, Path.GetFileName(file), rules); }
        catch (ImportException ex)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}({ex.Line},{ex.Column}): error: {ex.Message}"));
            return Program.ContentErrors;
        }
        var target = slug ?? result.SuggestedSlug;
        if (!Validator.IsValidId(target))
        {
            stderr.WriteLine($"error: the slug '{target}' must be lower-case letters, digits and hyphens. Pass --slug.");
            return Program.UsageErrors;
        }
        var path = Path.Combine(input, "articles", target + ".md");
        if (File.Exists(path))
        {
            stderr.WriteLine($"error: {path} already exists; import never overwrites. Pass --slug to choose another name.");
            return Program.UsageErrors;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, result.Markdown);
        stdout.WriteLine($"Wrote {path}.");
        stdout.WriteLine($"Removed {result.Removed.Count} line(s) from {file}; check that none of them was article text:");
        foreach (var r in result.Removed) stdout.WriteLine($"  {file}({r.Line}): [{r.Rule}] {r.Text}");
        foreach (var w in result.Warnings) stdout.WriteLine($"  warning: {w}");
        stdout.WriteLine($"Next: fill in 'topics', write input/summaries/{target}.yml, then run check.");
        return Program.Success;
    }
}
