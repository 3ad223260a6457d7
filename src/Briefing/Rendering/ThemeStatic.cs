using Briefing.Pages;

namespace Briefing.Rendering;

/// <summary>
/// Files the theme publishes as they are, at the site's root (theme/static/favicon.ico → favicon.ico): what browsers
/// ask for by a fixed name, so it cannot carry a content hash as the assets do.
/// </summary>
public static class ThemeStatic
{
    public static IEnumerable<OutputFile> Files(string themeDir)
    {
        var dir = Path.Combine(themeDir, "static");
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(rel => new OutputFile(rel, File.ReadAllBytes(Path.Combine(dir, rel))))
            .ToList();
    }
}
