using System.Collections.Concurrent;
using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>
/// Keeps parsed articles between builds of a preview session, keyed by path and invalidated by
/// size and modification time, so a change to one article re-parses only that article.
/// </summary>
public sealed class ArticleCache
{
    private sealed record Entry(long Length, DateTime Modified, Article? Article, IReadOnlyList<Diagnostic> Diagnostics);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _misses;

    /// <summary>How many articles were parsed (not taken from the cache) since the last call.</summary>
    public int TakeMisses() => Interlocked.Exchange(ref _misses, 0);

    public bool TryGet(string path, out (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) value)
    {
        value = default;
        if (!_entries.TryGetValue(path, out var e)) return false;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != e.Length || info.LastWriteTimeUtc != e.Modified) return false;
        value = (e.Article, e.Diagnostics);
        return true;
    }

    public void Put(string path, Article? article, IReadOnlyList<Diagnostic> diagnostics)
    {
        Interlocked.Increment(ref _misses);
        var info = new FileInfo(path);
        if (info.Exists) _entries[path] = new Entry(info.Length, info.LastWriteTimeUtc, article, diagnostics);
    }

    // Summaries are kept the same way (not counted as parsed articles).
    private sealed record SummaryEntry(long Length, DateTime Modified, Summary? Summary, IReadOnlyList<Diagnostic> Diagnostics);
    private readonly ConcurrentDictionary<string, SummaryEntry> _summaries = new(StringComparer.Ordinal);

    public bool TryGetSummary(string path, out (Summary? Summary, IReadOnlyList<Diagnostic> Diagnostics) value)
    {
        value = default;
        if (!_summaries.TryGetValue(path, out var e)) return false;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != e.Length || info.LastWriteTimeUtc != e.Modified) return false;
        value = (e.Summary, e.Diagnostics);
        return true;
    }

    public void PutSummary(string path, Summary? summary, IReadOnlyList<Diagnostic> diagnostics)
    {
        var info = new FileInfo(path);
        if (info.Exists) _summaries[path] = new SummaryEntry(info.Length, info.LastWriteTimeUtc, summary, diagnostics);
    }

    // List files (claims, timeline, glossary) are kept the same way.
    private sealed record DataEntry(long Length, DateTime Modified, object Value, IReadOnlyList<Diagnostic> Diagnostics);
    private readonly ConcurrentDictionary<string, DataEntry> _data = new(StringComparer.Ordinal);

    public bool TryGetData(string path, out (object Value, IReadOnlyList<Diagnostic> Diagnostics) value)
    {
        value = default;
        if (!_data.TryGetValue(path, out var e)) return false;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != e.Length || info.LastWriteTimeUtc != e.Modified) return false;
        value = (e.Value, e.Diagnostics);
        return true;
    }

    public void PutData(string path, object value, IReadOnlyList<Diagnostic> diagnostics)
    {
        var info = new FileInfo(path);
        if (info.Exists) _data[path] = new DataEntry(info.Length, info.LastWriteTimeUtc, value, diagnostics);
    }
}
