using Briefing.Bench;
using System.Diagnostics;
using Briefing.Analysis;
using Xunit.Abstractions;

namespace Briefing.Tests.Analysis;

public sealed class SyntheticCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Synthetic_corpus_is_the_same_for_the_same_seed()
    {
        var first = SyntheticCorpus.Generate(30, seed: 5);
        var second = SyntheticCorpus.Generate(30, seed: 5);

        Assert.Equal(first.Documents.SelectMany(d => d.Paragraphs), second.Documents.SelectMany(d => d.Paragraphs));
        Assert.Equal(first.Planted, second.Planted);
        Assert.NotEqual(first.Documents.SelectMany(d => d.Paragraphs), SyntheticCorpus.Generate(30, seed: 6).Documents.SelectMany(d => d.Paragraphs));
    }

    [Fact]
    public void Synthetic_documents_are_600_to_1200_words_with_one_planted_rewrite_in_twenty()
    {
        var corpus = SyntheticCorpus.Generate(200);

        Assert.Equal(10, corpus.Planted.Count);
        var originals = corpus.Documents.Where(d => !corpus.Planted.Any(p => p.Rewrite == d.Id));
        Assert.All(originals, d => Assert.InRange(d.Paragraphs.Sum(p => p.Split(' ').Length), 600, 1300));
    }

    [Fact]
    public void Analysis_flags_exactly_the_planted_rewrites_of_a_synthetic_corpus()
    {
        var corpus = SyntheticCorpus.Generate(400, seed: 99);

        var pairs = TextReuse.Analyse(corpus.Documents);

        Assert.Equal(
            corpus.Planted.Select(p => (p.Original, p.Rewrite)).Order(),
            pairs.Where(p => p.Flagged).Select(p => (p.A, p.B)).Order());
        Assert.Contains(pairs, p => !p.Flagged); // stock phrases and quotations are shared, but not flagged
    }

    [Fact]
    public void Analysis_of_1000_synthetic_documents_finds_the_planted_rewrites()
    {
        var corpus = SyntheticCorpus.Generate(1000);
        int words = corpus.Documents.Sum(d => d.Paragraphs.Sum(p => p.Split(' ').Length));

        var watch = Stopwatch.StartNew();
        var pairs = TextReuse.Analyse(corpus.Documents);
        var analyse = watch.Elapsed;
        var flagged = pairs.Where(p => p.Flagged).ToList();
        watch.Restart();
        foreach (var pair in flagged)
        {
            PairAligner.Align(corpus.Documents.Single(d => d.Id == pair.A), corpus.Documents.Single(d => d.Id == pair.B));
        }
        var align = watch.Elapsed;

        // Timing is reported, not asserted: it depends on the machine.
        output.WriteLine($"{corpus.Documents.Count} documents, {words} words: analysis {analyse.TotalMilliseconds:F0} ms, "
            + $"{pairs.Count} pairs sharing shingles, {flagged.Count} flagged; aligning the flagged pairs {align.TotalMilliseconds:F0} ms.");
        Assert.Equal(corpus.Planted.Select(p => (p.Original, p.Rewrite)).Order(), flagged.Select(p => (p.A, p.B)).Order());
    }
}
