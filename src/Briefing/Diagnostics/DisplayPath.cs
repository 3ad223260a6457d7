namespace Briefing.Diagnostics;

/// <summary>Paths in messages as the user wrote them.</summary>
public static class DisplayPath
{
    /// <summary>A path as the user wrote it, for messages ("input", "../x/input").</summary>
    public static string Of(string path) => Path.IsPathRooted(path) ? RelativeIfInside(path) : path.Replace('\\', '/').TrimEnd('/');

    private static string RelativeIfInside(string path)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
