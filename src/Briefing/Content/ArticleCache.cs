using System.Collections.Concurrent;
using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>
/// Keeps parsed articles between builds of a preview session, keyed by path and invalidated by
/// size and modification time, so a change to one article re-parses only that article.
/// </summary>
public sealed class ArticleCache
{
    // One store for every kind of parsed file (articles, summaries, list files): paths never collide.
    private sealed record Entry(long Length, DateTime Modified, object? Value, IReadOnlyList<Diagnostic> Diagnostics);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _misses;

    /// <summary>How many articles were parsed (not taken from the cache) since the last call.</summary>
    public int TakeMisses() => Interlocked.Exchange(ref _misses, 0);

    public bool TryGet(string path, out (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) value)
    {
        var hit = TryGetParsed<Article?>(path, out var article, out var diagnostics);
        value = (article, diagnostics);
        return hit;
    }

    public void Put(string path, Article? article, IReadOnlyList<Diagnostic> diagnostics)
    {
        Interlocked.Increment(ref _misses);
        PutParsed(path, article, diagnostics);
    }

    /// <summary>What parsing <paramref name="path"/> gave last time, while the file keeps its size and modification time.</summary>
    public bool TryGetParsed<T>(string path, out T value, out IReadOnlyList<Diagnostic> diagnostics)
    {
        value = default!;
        diagnostics = [];
        if (!_entries.TryGetValue(path, out var e)) return false;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != e.Length || info.LastWriteTimeUtc != e.Modified) return false;
        if (e.Value is T t) value = t;
        else if (e.Value is not null) return false;
        diagnostics = e.Diagnostics;
        return true;
    }

    /// <summary>Keeps what parsing <paramref name="path"/> gave (summaries and list files are not counted as parsed articles).</summary>
    public void PutParsed(string path, object? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        var info = new FileInfo(path);
        if (info.Exists) _entries[path] = new Entry(info.Length, info.LastWriteTimeUtc, value, diagnostics);
    }
}
