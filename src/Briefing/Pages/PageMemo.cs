using System.Collections.Concurrent;
using System.Text;

namespace Briefing.Pages;

/// <summary>
/// What a page was planned from, cheaply comparable: objects that the preview keeps while their input is unchanged
/// (a parsed article, its summary, its rendered body), compared by reference, and the few other values the page
/// shows (titles, counts, labels), written out as text. Two equal keys plan the same page.
/// </summary>
public sealed class PageKey
{
    private readonly object?[] _refs;
    private readonly string _text;

    private PageKey(object?[] refs, string text) { _refs = refs; _text = text; }

    public bool Same(PageKey other)
    {
        if (!string.Equals(_text, other._text, StringComparison.Ordinal) || _refs.Length != other._refs.Length) return false;
        for (var i = 0; i < _refs.Length; i++)
            if (!ReferenceEquals(_refs[i], other._refs[i])) return false;
        return true;
    }

    /// <summary>Builds a key: <see cref="Ref"/> for kept objects, <see cref="Add(string?)"/> for values.</summary>
    public sealed class Builder
    {
        private readonly List<object?> _refs = [];
        private readonly StringBuilder _text = new();

        public Builder Ref(object? o) { _refs.Add(o); return this; }

        public Builder Add(string? s)
        {
            // a value and its absence differ; the separator cannot be confused with content of the same length
            if (s is null) _text.Append('\u0002');
            else _text.Append(s.Length).Append(':').Append(s);
            _text.Append('\u001F');
            return this;
        }

        public Builder Add(int n) => Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        public Builder Add(bool b) => Add(b ? "1" : "0");

        public PageKey Build() => new([.. _refs], _text.ToString());
    }
}

/// <summary>
/// The preview keeps the pages it planned, with their <see cref="PageKey"/>, between builds: a page whose key is the
/// same as last time is not planned again (and, as the same <see cref="Page"/> object, not rendered again either).
/// Everything that is the same for every page (the base URL) is the memo's <c>scope</c>: when it changes, nothing is kept.
/// </summary>
public sealed class PageMemo
{
    private ConcurrentDictionary<string, (PageKey Key, Page Page)> _pages = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (PageKey Key, Page Page)> _next = new(StringComparer.Ordinal);
    private string? _scope;

    /// <summary>How many pages the last build took from the memo.</summary>
    public int Hits => _hits;
    private int _hits;

    /// <summary>Starts a build. Pages not asked for during it are forgotten at <see cref="EndBuild"/>.</summary>
    public void BeginBuild(string scope)
    {
        if (!string.Equals(scope, _scope, StringComparison.Ordinal)) { _pages.Clear(); _tokens.Clear(); _derived.Clear(); }
        _scope = scope;
        _next = new(StringComparer.Ordinal);
        _hits = 0;
    }

    public void EndBuild() => _pages = _next;

    /// <summary>Forgets everything (a failed build: the next one starts afresh).</summary>
    public void Clear()
    {
        _pages.Clear();
        _next.Clear();
        _tokens.Clear();
        _derived.Clear();
        _scope = null;
    }

    private readonly ConcurrentDictionary<string, (PageKey Key, object Token)> _tokens = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();

    /// <summary>An object that stands for <paramref name="key"/>: the same object as last time while the key is the same.</summary>
    public object Token(string id, PageKey key)
    {
        lock (_gate)
        {
            if (_tokens.TryGetValue(id, out var last) && last.Key.Same(key)) return last.Token;
            var token = new object();
            _tokens[id] = (key, token);
            return token;
        }
    }

    private readonly ConcurrentDictionary<string, (object? A, object? B, object Token)> _derived = new(StringComparer.Ordinal);

    /// <summary>
    /// A <see cref="Token"/> for a key made from two kept objects: while both are the same objects as last time the key
    /// is not even made.
    /// </summary>
    public object Token(string id, object? a, object? b, Func<PageKey> key)
    {
        if (_derived.TryGetValue(id, out var e) && ReferenceEquals(e.A, a) && ReferenceEquals(e.B, b)) return e.Token;
        lock (_gate)
        {
            if (_derived.TryGetValue(id, out e) && ReferenceEquals(e.A, a) && ReferenceEquals(e.B, b)) return e.Token;
            var made = key();
            object token;
            if (_tokens.TryGetValue(id, out var last) && last.Key.Same(made)) token = last.Token;
            else
            {
                token = new object();
                _tokens[id] = (made, token);
            }
            _derived[id] = (a, b, token);
            return token;
        }
    }

    public Page Get(string id, PageKey key, Func<Page> plan)
    {
        if (_pages.TryGetValue(id, out var hit) && hit.Key.Same(key))
        {
            Interlocked.Increment(ref _hits);
            _next[id] = hit;
            return hit.Page;
        }
        var page = plan();
        _next[id] = (key, page);
        return page;
    }
}
