using Briefing.Analysis;
using Briefing.Bench;

namespace Briefing.Tests.Analysis;

/// <summary>
/// The reuse verdicts on the benchmark's corpus shapes: stock phrasing that recurs across many articles, wire copy in
/// clusters, and unique text with planted rewrites. Verdicts, never times, are asserted.
/// </summary>
public sealed class ReuseShapesTests
{
    [Theory]
    [InlineData(CorpusShape.Unique, 300)]
    [InlineData(CorpusShape.Stock, 300)]
    [InlineData(CorpusShape.Wire, 300)]
    [InlineData(CorpusShape.Stock, 1000)]
    public void The_site_groups_exactly_the_planted_copies(CorpusShape shape, int n)
    {
        var corpus = SyntheticCorpus.Generate(n, seed: 17, shape);
        Assert.NotEmpty(corpus.PlantedGroups);

        var score = ReuseScore.Of(corpus);

        Assert.Equal(score.Planted, score.Right);
        Assert.Equal(score.Found, score.Right);
        Assert.Equal((1.0, 1.0), (score.Precision, score.Recall));
    }

    [Fact]
    public void The_stock_corpus_would_be_misjudged_if_stock_wording_counted()
    {
        // the corpus really is stock-heavy: counting every shared phrase, articles that share only templates are grouped
        var corpus = SyntheticCorpus.Generate(300, seed: 17, CorpusShape.Stock);
        var counted = ReuseScore.Of(corpus, new TextReuseOptions { StockMinDocuments = 300, StockMaxDocuments = 300 });

        Assert.True(counted.Precision < 0.5, $"precision {counted.Precision}");
        Assert.Equal(1.0, ReuseScore.Of(corpus).Precision);
    }

    [Fact]
    public void A_wire_cluster_is_one_group_shown_against_its_earliest_copy_not_as_every_pair()
    {
        var corpus = SyntheticCorpus.Generate(300, seed: 17, CorpusShape.Wire);
        var largest = corpus.PlantedGroups.MaxBy(g => g.Count)!;
        Assert.True(largest.Count >= 10, $"largest planted cluster {largest.Count}");

        var result = TextReuse.AnalyseCorpus(corpus.Documents);
        var summary = ReuseScore.Summary(corpus, result);

        var cluster = Assert.Single(summary.Clusters, c => c.Earliest == largest[0]);
        Assert.Equal(largest.Count, cluster.Size);
        Assert.All(cluster.Copies, f => Assert.True(f.A == largest[0] || f.B == largest[0]));
        Assert.All(cluster.Copies, f => Assert.False(f.HasPairPage)); // one page for the cluster, not one per copy
        Assert.Equal(result.Measure(corpus.Documents.Single(d => d.Id == largest[0]), corpus.Documents.Single(d => d.Id == largest[1])).ContainmentBInA,
            cluster.Copies[0].BInA);
        Assert.Equal(corpus.Documents.Single(d => d.Id == largest[0]).Paragraphs.Count, cluster.Kept.Count);
        Assert.All(cluster.Kept, k => Assert.InRange(k, -1, largest.Count - 1));
        Assert.True(cluster.Kept.Count(k => 2 * k > largest.Count - 1) > cluster.Kept.Count / 2, "most paragraphs are kept by most copies");
        // n − 1 findings per cluster, not n·(n − 1)/2
        Assert.Equal(summary.Clusters.Sum(c => c.Size - 1), summary.Pairs.Count);
    }

    [Fact]
    public void Candidate_pairs_stay_linear_when_one_passage_is_in_many_documents()
    {
        // 60 documents that each carry their own paragraph and one shared paragraph: the shared one credits each
        // document's pair with the first, 59 pairs, not the 1,770 pairs of every two documents
        const string shared = "The two neighbours signed dozens of cooperation pacts and agreed to set up more hotlines for emergencies at sea today";
        var corpus = SyntheticCorpus.Generate(60, seed: 3);
        var docs = corpus.Documents.Select(d => new ReuseDocument(d.Id, [d.Paragraphs[0], shared])).ToList();
        var options = new TextReuseOptions { StockMinDocuments = 100 };

        var pairs = TextReuse.Analyse(docs, options).Where(p => p.SharedShingles == 13).ToList();

        Assert.Equal(59, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(docs[0].Id, p.A));
    }

    [Theory]
    [InlineData(5, 50)]
    [InlineData(1000, 50)]
    [InlineData(1500, 75)]
    [InlineData(10_000, 100)]
    [InlineData(1_000_000, 100)]
    public void The_stock_bound_is_bounded_whatever_the_number_of_articles(int n, int bound)
    {
        Assert.Equal(bound, TextReuseOptions.Default.StockDocuments(n));
    }

    [Fact]
    public void A_phrase_in_more_articles_than_the_bound_forms_no_pair_and_no_flag()
    {
        var corpus = SyntheticCorpus.Generate(40, seed: 5);
        const string stock = "did not immediately respond to a request for comment on the matter on Tuesday";
        var docs = corpus.Documents.Select((d, i) => i < 25 ? new ReuseDocument(d.Id, [.. d.Paragraphs, stock]) : d).ToList();

        var withStock = TextReuse.Analyse(docs, new TextReuseOptions { StockMinDocuments = 20, StockMaxDocuments = 20 });
        var without = TextReuse.Analyse(corpus.Documents, new TextReuseOptions { StockMinDocuments = 20, StockMaxDocuments = 20 });

        Assert.Equal(without.Select(p => (p.A, p.B, p.SharedShingles)), withStock.Select(p => (p.A, p.B, p.SharedShingles)));
    }
}
