using Briefing.Bench;
using Briefing.Analysis;

namespace Briefing.Tests.Analysis;

public sealed class PairAlignerTests
{
    private static ReuseDocument Doc(string id, params string[] paragraphs) => new(id, paragraphs);

    /// <summary>Spans written compactly: [-deleted-], {+inserted+}, equal text as is.</summary>
    private static string Render(IEnumerable<DiffSpan> spans) => string.Concat(spans.Select(s => s.Kind switch
    {
        DiffKind.Deleted => $"[-{s.Text}-]",
        DiffKind.Inserted => $"{{+{s.Text}+}}",
        _ => s.Text,
    }));

    [Fact]
    public void Identical_texts_align_paragraph_by_paragraph_with_everything_equal()
    {
        var a = Doc("a", "First paragraph about the visit to Hanoi.", "Second paragraph about the pacts signed.");

        var rows = PairAligner.Align(a, a);

        Assert.Equal([(0, 0), (1, 1)], Pairing(rows));
        foreach (var row in rows)
        {
            Assert.Equal(a.Paragraphs[row.ParagraphA!.Value], Assert.Single(row.SpansA, s => s.Kind == DiffKind.Equal).Text);
            Assert.Equal(a.Paragraphs[row.ParagraphB!.Value], Assert.Single(row.SpansB, s => s.Kind == DiffKind.Equal).Text);
            Assert.Null(row.CounterpartParagraph);
        }
    }

    [Fact]
    public void A_word_added_by_B_is_marked_inserted()
    {
        var row = Assert.Single(PairAligner.Align(
            Doc("a", "The two sides agreed to set up more hotlines at sea."),
            Doc("b", "The two sides quickly agreed to set up more hotlines at sea.")));

        Assert.Equal("The two sides agreed to set up more hotlines at sea.", Render(row.SpansA));
        Assert.Equal("The two sides {+quickly+} agreed to set up more hotlines at sea.", Render(row.SpansB));
    }

    [Fact]
    public void Words_dropped_by_B_are_marked_deleted()
    {
        var row = Assert.Single(PairAligner.Align(
            Doc("a", "The two sides, who share a long border, agreed to set up more hotlines."),
            Doc("b", "The two sides agreed to set up more hotlines.")));

        Assert.Equal("The two sides, [-who share a long border-], agreed to set up more hotlines.", Render(row.SpansA));
        Assert.Equal("The two sides agreed to set up more hotlines.", Render(row.SpansB));
    }

    [Fact]
    public void A_changed_word_is_deleted_in_A_and_inserted_in_B()
    {
        var row = Assert.Single(PairAligner.Align(
            Doc("a", "More hotlines to deal with any emergencies in the contested waters."),
            Doc("b", "More hotlines to defuse any emergencies in the contested waters.")));

        Assert.Equal("More hotlines to [-deal with-] any emergencies in the contested waters.", Render(row.SpansA));
        Assert.Equal("More hotlines to {+defuse+} any emergencies in the contested waters.", Render(row.SpansB));
    }

    [Fact]
    public void Differences_of_case_punctuation_quotes_and_dashes_are_not_changes()
    {
        var row = Assert.Single(PairAligner.Align(
            Doc("a", "A strategic China–Vietnam community of “shared future,” Xi’s aim."),
            Doc("b", "a strategic China-Vietnam community of 'shared future' Xi's aim")));

        Assert.Equal([DiffKind.Equal], row.SpansA.Select(s => s.Kind));
        Assert.Equal([DiffKind.Equal], row.SpansB.Select(s => s.Kind));
    }

    [Fact]
    public void Unmatched_paragraphs_become_one_sided_rows_in_reading_order()
    {
        var a = Doc("a",
            "China and Vietnam agreed to step up security cooperation during the visit.",
            "The White House had praised the upgrade of ties with Washington in September.",
            "The pacts signed cover possible investments in rail links and security.");
        var b = Doc("b",
            "China and Vietnam agreed to step up security cooperation matters during the visit.",
            "The pacts signed cover possible investments in rail links and security.",
            "Plans for special economic zones had to be shelved after protests in 2018.");

        var rows = PairAligner.Align(a, b);

        Assert.Equal([(0, 0), (1, null), (2, 1), (null, 2)], Pairing(rows));
        Assert.Equal("[-The White House had praised the upgrade of ties with Washington in September.-]", Render(rows[1].SpansA));
        Assert.Empty(rows[1].SpansB);
        Assert.Empty(rows[3].SpansA);
        Assert.Equal("{+Plans for special economic zones had to be shelved after protests in 2018.+}", Render(rows[3].SpansB));
        Assert.All(rows, r => Assert.Null(r.CounterpartParagraph));
    }

    [Fact]
    public void A_paragraph_split_in_two_keeps_its_shared_words_equal()
    {
        var a = Doc("a",
            "In their joint statement the two vowed to work more closely to strengthen defence industry ties. "
            + "They said their aim was partly to avert the risk of what they called a colour revolution.");
        var b = Doc("b",
            "Worth mentioning that in a joint statement the two vowed to work more closely to strengthen defence industry ties.",
            "Both said their aim was partly to avert the risk of what they called a colour revolution.");

        var rows = PairAligner.Align(a, b);

        Assert.Equal(2, rows.Count);
        var paired = Assert.Single(rows, r => r.ParagraphA is not null);
        var piece = Assert.Single(rows, r => r.ParagraphA is null);
        Assert.Equal(0, piece.CounterpartParagraph);
        Assert.Equal(
            "In [-their-] joint statement the two vowed to work more closely to strengthen defence industry ties. "
            + "[-They-] said their aim was partly to avert the risk of what they called a colour revolution.",
            Render(paired.SpansA));
        Assert.Contains(DiffKind.Equal, piece.SpansB.Select(s => s.Kind));
        Assert.Equal(
            "{+Worth mentioning that+} in {+a+} joint statement the two vowed to work more closely to strengthen defence industry ties.",
            Render(piece.SpansB));
    }

    [Fact]
    public void A_headline_repeating_a_few_words_of_the_first_paragraph_is_not_a_piece_of_it()
    {
        var a = Doc("a", "China and Vietnam agreed to step up security cooperation in their move towards a shared future.");
        var b = Doc("b",
            "China and Vietnam agrees to enhance security cooperation",
            "China and Vietnam agreed to step up security cooperation matters in their move towards a shared future.");

        var rows = PairAligner.Align(a, b);

        Assert.Equal([(null, 0), (0, 1)], Pairing(rows));
        Assert.Null(rows[0].CounterpartParagraph);
        Assert.Equal([DiffKind.Inserted], rows[0].SpansB.Select(s => s.Kind));
        Assert.Equal("China and Vietnam agreed to step up security cooperation {+matters+} in their move towards a shared future.", Render(rows[1].SpansB));
    }

    [Fact]
    public void Spans_concatenate_to_the_original_paragraphs()
    {
        var corpus = SyntheticCorpus.Generate(20, seed: 3);
        var planted = corpus.Planted[0];
        var a = corpus.Documents.Single(d => d.Id == planted.Original);
        var b = corpus.Documents.Single(d => d.Id == planted.Rewrite);

        var rows = PairAligner.Align(a, b);

        AssertRowsCoverBothTexts(a, b, rows);
        Assert.Contains(rows, r => r.SpansB.Any(s => s.Kind == DiffKind.Inserted));
        Assert.Contains(rows, r => r.SpansA.Any(s => s.Kind == DiffKind.Deleted));
    }

    [Fact]
    public void Alignment_is_deterministic()
    {
        var corpus = SyntheticCorpus.Generate(40, seed: 11);
        var planted = corpus.Planted[1];
        var a = corpus.Documents.Single(d => d.Id == planted.Original);
        var b = corpus.Documents.Single(d => d.Id == planted.Rewrite);

        Assert.Equal(Describe(PairAligner.Align(a, b)), Describe(PairAligner.Align(a, b)));
    }

    [Fact]
    public void Empty_documents_align_to_nothing_or_to_one_sided_rows()
    {
        Assert.Empty(PairAligner.Align(Doc("a"), Doc("b")));
        var row = Assert.Single(PairAligner.Align(Doc("a"), Doc("b", "Only B has text.")));
        Assert.Equal((null, 0), (row.ParagraphA, row.ParagraphB));
    }

    /// <summary>
    /// Every paragraph of A and of B appears in exactly one row, in order, and its spans
    /// concatenate to its text; A's spans are Equal/Deleted and B's Equal/Inserted.
    /// </summary>
    internal static void AssertRowsCoverBothTexts(ReuseDocument a, ReuseDocument b, IReadOnlyList<AlignedRow> rows)
    {
        Assert.Equal(Enumerable.Range(0, a.Paragraphs.Count), rows.Where(r => r.ParagraphA is not null).Select(r => r.ParagraphA!.Value));
        Assert.Equal(Enumerable.Range(0, b.Paragraphs.Count), rows.Where(r => r.ParagraphB is not null).Select(r => r.ParagraphB!.Value));
        foreach (var row in rows)
        {
            Assert.True(row.ParagraphA is not null || row.ParagraphB is not null);
            Assert.Equal(row.ParagraphA is null ? string.Empty : a.Paragraphs[row.ParagraphA.Value], string.Concat(row.SpansA.Select(s => s.Text)));
            Assert.Equal(row.ParagraphB is null ? string.Empty : b.Paragraphs[row.ParagraphB.Value], string.Concat(row.SpansB.Select(s => s.Text)));
            Assert.All(row.SpansA, s => Assert.NotEqual(DiffKind.Inserted, s.Kind));
            Assert.All(row.SpansB, s => Assert.NotEqual(DiffKind.Deleted, s.Kind));
        }
    }

    private static List<(int? A, int? B)> Pairing(IEnumerable<AlignedRow> rows) =>
        [.. rows.Select(r => (r.ParagraphA, r.ParagraphB))];

    private static string Describe(IEnumerable<AlignedRow> rows) => string.Join('\n', rows.Select(r =>
        $"{r.ParagraphA}|{r.ParagraphB}|{r.CounterpartParagraph}|{Render(r.SpansA)}|{Render(r.SpansB)}"));
}
