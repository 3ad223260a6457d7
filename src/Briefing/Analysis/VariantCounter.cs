using Briefing.Content;

namespace Briefing.Analysis;

/// <summary>Where an article first uses a variant: its paragraph (from 0) and the words as the article prints them.</summary>
public readonly record struct VariantHit(int Count, int Paragraph, string Original);

/// <summary>
/// How each article writes the names and terms the glossary lists <c>variants</c> for ("colour revolution" against
/// "color revolution"): every variant counted in every article's own text (its paragraphs, never the editors' words),
/// with case and diacritics folded as the text-reuse words are (<see cref="WordTokenizer"/>).
/// </summary>
/// <remarks>
/// The variants are one dictionary from a first word to the variants that start with it, longest first, so an article
/// costs one pass over its words whatever the number of variants. At each word the longest variant that matches is
/// counted and its words are consumed: "community with a shared future" is not also counted as "shared future". A
/// variant's last word also matches with a plural -s ("color revolutions").
/// </remarks>
public sealed class VariantCounter
{
    /// <summary>One variant: the glossary entry it belongs to, its text as written, and its folded words.</summary>
    public sealed record Variant(GlossaryEntry Entry, Located<string> Text, string[] Words);

    private readonly Dictionary<string, Variant[]> _byFirstWord;
    private readonly Dictionary<Variant, int> _index = new(ReferenceEqualityComparer.Instance);
    public IReadOnlyList<Variant> Variants { get; }

    public VariantCounter(IEnumerable<GlossaryEntry> glossary)
    {
        var variants = new List<Variant>();
        foreach (var g in glossary)
            foreach (var v in g.Variants)
            {
                var words = WordTokenizer.Words(v.Value);
                if (words.Length > 0) variants.Add(new Variant(g, v, words));
            }
        Variants = variants;
        for (var i = 0; i < variants.Count; i++) _index[variants[i]] = i;
        _byFirstWord = variants.GroupBy(v => v.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One article's uses of each variant (indexed as <see cref="Variants"/>; null where it uses none).</summary>
    public VariantHit?[] Count(IReadOnlyList<string> paragraphs)
    {
        var hits = new VariantHit?[Variants.Count];
        if (_byFirstWord.Count == 0) return hits;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var text = paragraphs[p];
            var tokens = WordTokenizer.Tokenize(text);
            for (var t = 0; t < tokens.Length;)
            {
                var matched = _byFirstWord.TryGetValue(tokens[t].Word, out var candidates) ? candidates.FirstOrDefault(v => Matches(v.Words, tokens, t)) : null;
                if (matched is null) { t++; continue; }
                var k = _index[matched];
                var end = t + matched.Words.Length;
                hits[k] = hits[k] is { } h ? h with { Count = h.Count + 1 } : new VariantHit(1, p, text[tokens[t].Start..tokens[end - 1].End]);
                t = end;
            }
        }
        return hits;
    }

    private static bool Matches(string[] words, WordToken[] tokens, int at)
    {
        if (at + words.Length > tokens.Length) return false;
        for (var i = 0; i < words.Length; i++)
        {
            var token = tokens[at + i].Word;
            if (token == words[i]) continue;
            if (i == words.Length - 1 && token.Length == words[i].Length + 1 && token[^1] == 's' && token.StartsWith(words[i], StringComparison.Ordinal)) continue;
            return false;
        }
        return true;
    }
}

/// <summary>Every published article's uses of the glossary's variants, counted once per build.</summary>
public sealed class VariantUse
{
    public required VariantCounter Counter { get; init; }
    /// <summary>By article slug: its hits, indexed as <see cref="VariantCounter.Variants"/>.</summary>
    public required IReadOnlyDictionary<string, VariantHit?[]> BySlug { get; init; }

    public static readonly VariantUse None = new() { Counter = new VariantCounter([]), BySlug = new Dictionary<string, VariantHit?[]>() };

    // The preview keeps an unchanged article's paragraphs (the same list object): its counts are kept with them, for
    // as long as the variants are the same.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, Tuple<string, VariantHit?[]>> Kept = new();

    /// <summary>Counts every variant in every article; a variant that no article uses is a warning at its line.</summary>
    public static VariantUse Count(IReadOnlyList<GlossaryEntry> glossary, IReadOnlyList<ArticleInfo> articles, Diagnostics.DiagnosticBag diags)
    {
        var counter = new VariantCounter(glossary);
        if (counter.Variants.Count == 0) return None;
        var signature = string.Join("\u001F", counter.Variants.Select(v => v.Entry.Id + "\u001E" + v.Text.Value));
        var hits = new VariantHit?[articles.Count][];
        Parallel.For(0, articles.Count, i =>
        {
            var paragraphs = articles[i].Body.Paragraphs;
            if (Kept.TryGetValue(paragraphs, out var kept) && kept.Item1 == signature) { hits[i] = kept.Item2; return; }
            hits[i] = counter.Count(paragraphs);
            Kept.AddOrUpdate(paragraphs, Tuple.Create(signature, hits[i]));
        });
        for (var k = 0; k < counter.Variants.Count; k++)
        {
            if (hits.Any(h => h[k] is not null)) continue;
            var v = counter.Variants[k];
            diags.Warning(Diagnostics.Codes.VariantUnused, v.Text.Pos, $"The variant '{v.Text.Value}' of the glossary entry '{v.Entry.Id}' occurs in no article's text. Check its spelling against the articles, or remove it from 'variants'.");
        }
        var bySlug = new Dictionary<string, VariantHit?[]>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++) bySlug[articles[i].Slug] = hits[i];
        return new VariantUse { Counter = counter, BySlug = bySlug };
    }
}
