namespace Briefing.Bench;

/// <summary>What a reader downloads from a built site: its largest page other than an article's own, and the feed.</summary>
internal sealed record OutputSizes(string LargestPage, long LargestBytes, long FeedBytes)
{
    public static OutputSizes Of(string output)
    {
        var largest = Directory.Exists(output)
            ? Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(output, f).Replace('\\', '/').StartsWith("articles/", StringComparison.Ordinal))
                .Select(f => (Path: Path.GetRelativePath(output, f).Replace('\\', '/'), Bytes: new FileInfo(f).Length))
                .OrderByDescending(f => f.Bytes).ThenBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault()
            : default;
        var feed = Path.Combine(output, "feed.xml");
        return new OutputSizes(largest.Path ?? "", largest.Bytes, File.Exists(feed) ? new FileInfo(feed).Length : 0);
    }
}
