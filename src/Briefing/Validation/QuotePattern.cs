namespace Briefing.Validation;

/// <summary>
/// A quote as journalists write it (AP and Chicago): an ellipsis (<c>…</c>, <c>...</c>, <c>[…]</c>) for omitted words,
/// square brackets for an editor's insertion (<c>[China and Vietnam]</c>) or <c>[sic]</c> after the source's own typo.
/// The words outside the marks are the fragments the article must hold, in order, within one paragraph and close
/// together. Text here is already normalised as the finder compares it.
/// </summary>
internal sealed class QuotePattern
{
    /// <summary>How many of the article's words an ellipsis may stand for: more, and the fragments are not one quote.</summary>
    public const int MaxOmittedWords = 60;

    /// <summary>How many of the article's words an insertion in brackets may replace (none, when it only adds words).</summary>
    public const int MaxReplacedWords = 8;

    private enum Gap { Omission, Insertion, Sic }

    private readonly string[] _fragments;
    private readonly Gap[] _gaps;

    private QuotePattern(string[] fragments, Gap[] gaps)
    {
        _fragments = fragments;
        _gaps = gaps;
    }

    /// <summary>Whether a (normalised) quote holds any of the marks; most do not, and are looked up as they are.</summary>
    public static bool HasMarks(string quote) => quote.Contains('…') || quote.Contains("...", StringComparison.Ordinal) || quote.Contains('[');

    /// <summary>The quote's fragments and the marks between them, or null when it has no fragment at all.</summary>
    public static QuotePattern? Parse(string quote)
    {
        var fragments = new List<string>();
        var gaps = new List<Gap>();
        var pending = (Gap?)null;
        var at = 0;
        var start = 0;
        void Flush(int end)
        {
            var f = quote[start..end].Trim(' ');
            if (f.Length > 0)
            {
                if (fragments.Count > 0) gaps.Add(pending ?? Gap.Omission);
                fragments.Add(f);
                pending = null;
            }
        }
        void Mark(Gap g, int length)
        {
            Flush(at);
            // two marks in a row: an omission is the loosest, and [sic] the strictest
            if (fragments.Count > 0) pending = pending is null ? g : (Gap)Math.Min((int)pending, (int)g);
            at += length;
            start = at;
        }
        while (at < quote.Length)
        {
            if (quote[at] == '…') Mark(Gap.Omission, 1);
            else if (string.CompareOrdinal(quote, at, "...", 0, 3) == 0) Mark(Gap.Omission, 3);
            else if (quote[at] == '[' && quote.IndexOf(']', at) is var close and > 0)
            {
                var inside = quote[(at + 1)..close].Trim(' ');
                Mark(inside is "..." or "…" ? Gap.Omission : inside.Equals("sic", StringComparison.OrdinalIgnoreCase) ? Gap.Sic : Gap.Insertion, close - at + 1);
            }
            else at++;
        }
        Flush(quote.Length);
        return fragments.Count == 0 ? null : new QuotePattern([.. fragments], [.. gaps]);
    }

    /// <summary>The words of the article that the quote carries: those of its fragments.</summary>
    public static int Words(string quote)
    {
        var pattern = HasMarks(quote) ? Parse(quote) : null;
        var parts = pattern is null ? [quote] : pattern._fragments;
        var words = 0;
        foreach (var p in parts) words += LetteredWords(p);
        return words;
    }

    /// <summary>The words (split at white space) that hold a letter or a digit: counted in one pass, no word made a string.</summary>
    private static int LetteredWords(string text)
    {
        var n = 0;
        var lettered = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (lettered) n++;
                lettered = false;
            }
            else if (!lettered && char.IsLetterOrDigit(c)) lettered = true;
        }
        return lettered ? n + 1 : n;
    }

    /// <summary>Where the fragments occur in <paramref name="text"/> (one paragraph): the start of the first and the end of the last, or null.</summary>
    public (int Start, int End)? Match(string text)
    {
        for (var first = IndexOf(text, _fragments[0], 0); first >= 0; first = IndexOf(text, _fragments[0], first + 1))
        {
            var end = first + _fragments[0].Length;
            var k = 1;
            for (; k < _fragments.Length; k++)
            {
                // the leftmost occurrence after the previous fragment leaves the most room for the next ones
                var next = IndexOf(text, _fragments[k], end);
                if (next < 0) return null;
                if (!Fits(_gaps[k - 1], text, end, next)) break;
                end = next + _fragments[k].Length;
            }
            if (k == _fragments.Length) return (first, end);
        }
        return null;
    }

    private static bool Fits(Gap gap, string text, int from, int to)
    {
        var between = text.AsSpan(from, to - from).Trim(' ');
        return gap switch
        {
            Gap.Sic => between.Length == 0,
            Gap.Insertion => WordCount(between) <= MaxReplacedWords,
            _ => WordCount(between) <= MaxOmittedWords,
        };
    }

    private static int WordCount(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (c == ' ') inWord = false;
            else if (!inWord) { inWord = true; n++; }
        }
        return n;
    }

    /// <summary>
    /// A fragment in the text from <paramref name="from"/> on, its first letter in either case (a quote may start a
    /// sentence where the article's words are in the middle of one, and the other way round).
    /// </summary>
    internal static int IndexOf(string text, string fragment, int from)
    {
        if (from > text.Length) return -1;
        var at = text.IndexOf(fragment, from, StringComparison.Ordinal);
        var c = fragment[0];
        var other = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c;
        if (other == c) return at;
        var swapped = text.IndexOf(other + fragment[1..], from, StringComparison.Ordinal);
        return at < 0 ? swapped : swapped < 0 ? at : Math.Min(at, swapped);
    }
}
