namespace Briefing.Output;

/// <summary>
/// Refuses an output folder that a build would destroy more than the old output: the input or theme folder, a
/// folder that holds them or the working directory (the swap replaces the whole folder), or a folder inside them.
/// </summary>
public static class OutputGuard
{
    /// <summary>Why the build must not write to <paramref name="outputDir"/>, or null when it may.</summary>
    public static string? Problem(string outputDir, string inputDir, string themeDir)
    {
        var output = Full(outputDir);
        foreach (var (dir, what) in new[] { (inputDir, "input"), (themeDir, "theme") })
        {
            var other = Full(dir);
            if (output == other) return $"The output folder is the {what} folder; building would replace it with the site. Choose a separate --output, e.g. --output output.";
            if (Contains(output, other)) return $"The output folder contains the {what} folder ({dir}); building would replace it, and everything in it, with the site. Choose a separate --output, e.g. --output output.";
            if (Contains(other, output)) return $"The output folder is inside the {what} folder ({dir}); the site would be mixed into it. Choose a separate --output, e.g. --output output.";
        }
        var cwd = Full(Directory.GetCurrentDirectory());
        if (output == cwd || Contains(output, cwd))
            return "The output folder is the current folder or holds it; building would replace it with the site. Choose a separate --output, e.g. --output output.";
        return null;
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool Contains(string outer, string inner) =>
        inner.StartsWith(Path.EndsInDirectorySeparator(outer) ? outer : outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
