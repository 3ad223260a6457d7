using Briefing.Bench;
using Briefing.Analysis;

namespace Briefing.Tests.Analysis;

public sealed class TextReuseTests
{
    // 20 distinct words each: 13 shingles of 8 words.
    private const string Shared =
        "The two neighbours signed dozens of cooperation pacts and agreed to set up more hotlines for emergencies at sea today";
    private const string Other =
        "Analysts in Singapore expect further talks on rail links before the next party congress meets in the old capital city";
    private const string Third =
        "Fishermen from coastal provinces reported calmer waters today while exporters welcomed lower tariffs on rubber goods sold overseas this year";

    private static ReuseDocument Doc(string id, params string[] paragraphs) => new(id, paragraphs);

    private static ReusePair Single(IReadOnlyList<ReusePair> pairs) => Assert.Single(pairs);

    [Fact]
    public void Identical_texts_contain_each_other_fully()
    {
        var pair = Single(TextReuse.Analyse([Doc("a", Shared), Doc("b", Shared)]));

        Assert.Equal(1.0, pair.ContainmentAInB);
        Assert.Equal(1.0, pair.ContainmentBInA);
        Assert.Equal(13, pair.SharedShingles);
        Assert.True(pair.Flagged);
    }

    [Fact]
    public void Texts_that_share_no_shingle_are_omitted()
    {
        Assert.Empty(TextReuse.Analyse([Doc("a", Shared), Doc("b", Other), Doc("c", Third)]));
    }

    [Fact]
    public void A_text_contained_in_a_longer_one_gives_asymmetric_containment()
    {
        // B = A's paragraph plus two more: A's 13 shingles are all in B's 39.
        var pair = Single(TextReuse.Analyse([Doc("a", Shared), Doc("b", Other, Shared, Third)]));

        Assert.Equal(1.0, pair.ContainmentAInB);
        Assert.Equal(13.0 / 39.0, pair.ContainmentBInA, 10);
        Assert.Equal(1.0, pair.MaxContainment);
        Assert.True(pair.Flagged);
    }

    [Fact]
    public void Containment_is_over_distinct_shingles_so_repeats_do_not_count_twice()
    {
        var pair = Single(TextReuse.Analyse([Doc("a", Shared, Shared), Doc("b", Shared, Other)]));

        Assert.Equal(1.0, pair.ContainmentAInB);
        Assert.Equal(13.0 / 26.0, pair.ContainmentBInA, 10);
    }

    [Fact]
    public void Case_punctuation_quotes_apostrophes_and_dashes_do_not_affect_containment()
    {
        var a = Doc("a", "China–Vietnam ties: the “community with a shared future,” Xi’s visit — and the U.S. role, said officials.");
        var b = Doc("b", "CHINA-VIETNAM TIES the 'community with a shared future' Xi's visit - and the US role said officials");

        var pair = Single(TextReuse.Analyse([a, b]));

        Assert.Equal(1.0, pair.ContainmentAInB);
        Assert.Equal(1.0, pair.ContainmentBInA);
    }

    [Fact]
    public void Texts_shorter_than_a_shingle_have_no_shingles_and_share_nothing()
    {
        var a = Doc("a", "Seven words are not enough here");
        var b = Doc("b", "Seven words are not enough here");

        Assert.Empty(TextReuse.Analyse([a, b]));
        var withShortShingles = Single(TextReuse.Analyse([a, b], new TextReuseOptions { ShingleSize = 3 }));
        Assert.Equal(1.0, withShortShingles.ContainmentAInB);
    }

    [Fact]
    public void An_empty_document_takes_part_without_error()
    {
        Assert.Empty(TextReuse.Analyse([Doc("a"), Doc("b", string.Empty, Shared)]));
    }

    [Fact]
    public void Shingles_do_not_cross_paragraph_boundaries()
    {
        // The same 10 words, in one paragraph in A but split 5 + 5 in B: no 8-word shingle in common.
        var a = Doc("a", "one two three four five six seven eight nine ten");
        var b = Doc("b", "one two three four five", "six seven eight nine ten");

        Assert.Empty(TextReuse.Analyse([a, b]));
    }

    [Fact]
    public void Sharing_common_phrases_and_a_quotation_is_not_flagged()
    {
        // Two article-length texts (about 300 words) of their own words that both quote the
        // same 17 words of a joint statement and use the same stock phrase.
        const string quotation =
            "“similar political regimes, a compatible ideology and belief, a similar development path, a shared vision and future”";
        var a = Doc("a", Filler("alpha", 150), $"They described each other as sharing {quotation}.", Filler("beta", 120),
            "A community with a shared future was announced.");
        var b = Doc("b", Filler("gamma", 140), $"The statement spoke of {quotation}, analysts noted.", Filler("delta", 130),
            "Leaders praised the community with a shared future.");

        var pair = Single(TextReuse.Analyse([a, b]));

        Assert.Equal(10, pair.SharedShingles); // the quotation: 17 words, 10 shingles
        Assert.InRange(pair.MaxContainment, 0.03, 0.04);
        Assert.False(pair.Flagged);
    }

    /// <summary>Text of <paramref name="count"/> distinct made-up words.</summary>
    private static string Filler(string prefix, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));

    [Fact]
    public void Flagging_needs_a_minimum_number_of_shared_shingles()
    {
        // One shared 12-word sentence is everything these tiny texts have: containment 1, but only 5 shingles.
        const string sentence = "The ministers agreed to meet again in Hanoi very early next year";
        var pair = Single(TextReuse.Analyse([Doc("a", sentence), Doc("b", sentence)]));

        Assert.Equal(1.0, pair.ContainmentAInB);
        Assert.Equal(5, pair.SharedShingles);
        Assert.False(pair.Flagged);
    }

    [Fact]
    public void Flag_threshold_applies_to_the_larger_containment()
    {
        var docs = new[] { Doc("a", Shared, Other), Doc("b", Shared, Third) }; // 13 of 26 both ways = 0.5

        Assert.True(Single(TextReuse.Analyse(docs, new TextReuseOptions { FlagThreshold = 0.5 })).Flagged);
        Assert.False(Single(TextReuse.Analyse(docs, new TextReuseOptions { FlagThreshold = 0.51 })).Flagged);
    }

    [Fact]
    public void Pairs_are_ordered_by_id_with_the_smaller_id_as_A()
    {
        var docs = new[] { Doc("zeta", Shared), Doc("alpha", Shared), Doc("Mid", Shared) };

        var pairs = TextReuse.Analyse(docs);

        Assert.Equal([("Mid", "alpha"), ("Mid", "zeta"), ("alpha", "zeta")], pairs.Select(p => (p.A, p.B)));
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TextReuse.Analyse([Doc("a", Shared), Doc("a", Other)]));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextReuse.Analyse([], new TextReuseOptions { ShingleSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextReuse.Analyse([], new TextReuseOptions { FlagThreshold = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextReuse.Analyse([], new TextReuseOptions { FlagThreshold = double.NaN }));
    }

    [Fact]
    public void Shingles_in_too_many_documents_are_skipped_as_boilerplate()
    {
        const string footer = "Sign up for our newsletter to receive the latest news and analysis every single morning";
        var docs = new[] { Doc("a", Shared, footer), Doc("b", Other, footer), Doc("c", Third, footer) };

        // A small corpus never treats anything as boilerplate...
        Assert.Equal(3, TextReuse.Analyse(docs).Count);

        // ...but a phrase found in more documents than the cap is not reuse.
        var strict = new TextReuseOptions { StockMinDocuments = 2, StockDocumentFraction = 0.5 };
        Assert.Empty(TextReuse.Analyse(docs, strict));

        // Boilerplate still counts in each document's total, and does not make passages.
        var withCopy = docs.Append(Doc("d", Shared, footer)).ToArray();
        var pair = Single(TextReuse.Analyse(withCopy, new TextReuseOptions { StockMinDocuments = 3, StockDocumentFraction = 0.5 }));
        Assert.Equal(("a", "d"), (pair.A, pair.B));
        Assert.Equal(13, pair.SharedShingles);
        Assert.Equal(13.0 / 21.0, pair.ContainmentAInB, 10);
        Assert.Equal(Shared, Assert.Single(pair.Passages).Text);
    }

    [Fact]
    public void A_passage_is_the_maximal_run_of_shared_words_in_As_wording()
    {
        var a = Doc("a", Other, "Beforehand: The quick brown fox jumps over the lazy dog near the river bank today, said officials.");
        var b = Doc("b", "Something else entirely – the QUICK brown fox jumps over the lazy dog near the river-bank today; and more.");

        var pair = Single(TextReuse.Analyse([a, b]));

        var passage = Assert.Single(pair.Passages);
        Assert.Equal(1, passage.ParagraphA);
        Assert.Equal(0, passage.ParagraphB);
        Assert.Equal("The quick brown fox jumps over the lazy dog near the river bank today", passage.Text);
        Assert.Equal(14, passage.WordCount);
        Assert.Equal(passage.Text, a.Paragraphs[1].Substring(passage.StartA, passage.Text.Length));
        Assert.Equal("the QUICK brown fox jumps over the lazy dog near the river-bank today", b.Paragraphs[0].Substring(passage.StartB, passage.LengthB));
    }

    [Fact]
    public void Separate_runs_are_separate_passages_in_As_reading_order()
    {
        var a = Doc("a", Shared + " but then " + Other, Third);
        var b = Doc("b", Third, Other + " and also " + Shared);

        var pair = Single(TextReuse.Analyse([a, b]));

        Assert.Equal(
            [(0, 1, Shared), (0, 1, Other), (1, 0, Third)],
            pair.Passages.Select(p => (p.ParagraphA, p.ParagraphB, p.Text)));
    }

    [Fact]
    public void Passages_are_only_computed_above_the_minimum_shared_shingles()
    {
        var docs = new[] { Doc("a", Shared), Doc("b", Shared) };

        Assert.Single(Single(TextReuse.Analyse(docs)).Passages);
        Assert.Empty(Single(TextReuse.Analyse(docs, new TextReuseOptions { PassageMinSharedShingles = 14 })).Passages);
    }

    [Fact]
    public void Analysis_is_deterministic_whatever_the_input_order()
    {
        var corpus = SyntheticCorpus.Generate(60, seed: 7);
        var reversed = corpus.Documents.Reverse().ToArray();

        string first = Describe(TextReuse.Analyse(corpus.Documents));
        string second = Describe(TextReuse.Analyse(reversed));

        Assert.Equal(first, second);
        Assert.Contains("Flagged", first, StringComparison.Ordinal);
    }

    internal static string Describe(IEnumerable<ReusePair> pairs) => string.Join('\n', pairs.Select(p =>
        $"{p.A}|{p.B}|{p.ContainmentAInB:R}|{p.ContainmentBInA:R}|{p.SharedShingles}|{(p.Flagged ? "Flagged" : "-")}|"
        + string.Join(';', p.Passages.Select(s => $"{s.ParagraphA},{s.ParagraphB},{s.StartA},{s.StartB},{s.LengthB},{s.Text}"))));
}
