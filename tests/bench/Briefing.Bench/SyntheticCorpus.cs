using System.Text;
using Briefing.Analysis;

namespace Briefing.Bench;

/// <summary>A document of a <see cref="SyntheticCorpus"/> that was written as a rewrite of another.</summary>
/// <param name="Original">Id of the document that was rewritten.</param>
/// <param name="Rewrite">Id of the rewrite.</param>
/// <param name="EditRate">Probability with which each word of the original was edited: replaced
/// (60% of edits), deleted (20%) or followed by an inserted word (20%). Between 0.03 and 0.18,
/// so about (1 − EditRate)^8 ≥ 20% of the 8-word shingles survive: always a copy the analysis
/// must flag (see <see cref="TextReuseOptions.FlagThreshold"/>).</param>
public sealed record PlantedPair(string Original, string Rewrite, double EditRate);

/// <summary>
/// A deterministic synthetic corpus for timing and testing the text-reuse analysis at scale:
/// news-like documents of 600–1,200 words in paragraphs, with Zipf-distributed vocabulary,
/// stock phrases and long "joint statement" quotations shared across many documents (which
/// must not be flagged), a boilerplate footer in about 8% of documents (which the
/// analysis treats as boilerplate in large corpora), and planted rewrites (every twentieth document rewrites one of the nineteen before it)
/// which must be flagged.
/// </summary>
/// <param name="Documents">The documents, ids <c>doc-0000</c>, <c>doc-0001</c>, ….</param>
/// <param name="Planted">The planted rewrite pairs.</param>
public sealed partial record SyntheticCorpus(IReadOnlyList<ReuseDocument> Documents, IReadOnlyList<PlantedPair> Planted)
{
    /// <summary>
    /// The planted copies of one report, as groups of document ids (earliest first): each planted pair for the
    /// unique and stock shapes, each cluster of copies for the wire shape.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> PlantedGroups { get; init; } = [];

    private const int VocabularySize = 20_000;

    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as", "by",
        "it", "at", "from", "his", "their", "have", "has", "be", "said", "were", "an", "this",
        "which", "or", "but", "not", "had", "are", "they", "would", "its", "also", "after",
        "two", "more", "between", "over", "will", "been", "who", "year", "new", "up",
    ];

    private static readonly string[] Syllables =
    [
        "ba", "ko", "ri", "tan", "mel", "su", "vo", "dar", "pe", "lin", "qua", "zo", "hen", "gri",
        "fa", "nor", "ti", "wex", "cla", "mu", "sed", "ha", "jo", "ple", "vin", "rak", "to", "bre",
    ];

    /// <summary>Phrases every outlet uses (3–6 words): shorter than or about one shingle.</summary>
    private static readonly string[] StockPhrases =
    [
        "community with a shared future", "Comprehensive Strategic Partnership", "Chinese President Xi Jinping",
        "the South China Sea", "colour revolution", "hostile forces", "according to state media",
        "the two sides agreed", "said in a statement on Wednesday",
    ];

    /// <summary>Long verbatim quotations of one joint statement, quoted by many documents.</summary>
    private static readonly string[] Quotations =
    [
        "similar political regimes, a compatible ideology and belief, a similar development path, a shared vision and future",
        "greater political mutual trust, more substantive security cooperation, deeper practical cooperation, firmer social foundation, closer multilateral coordination, and better management of differences",
        "the fight against terrorism, peaceful evolution, colour revolution and the politicisation of human rights issues",
    ];

    private const string Boilerplate =
        "Sign up for our newsletter to receive the latest news and analysis from the region every morning.";

    /// <summary>
    /// Generates <paramref name="count"/> documents from <paramref name="seed"/>; the same
    /// arguments always give the same corpus (the generator is SplitMix64, not
    /// <see cref="Random"/>, whose sequence is not guaranteed across runtime versions).
    /// </summary>
    public static SyntheticCorpus Generate(int count, ulong seed = 20231213, CorpusShape shape = CorpusShape.Unique)
    {
        if (shape != CorpusShape.Unique) return GenerateShaped(count, seed, shape);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new SplitMix64(seed);
        var vocabulary = BuildVocabulary();
        var zipf = BuildZipf(vocabulary.Length);

        var paragraphs = new List<List<string>>[count];
        var documents = new ReuseDocument[count];
        var planted = new List<PlantedPair>();
        for (int d = 0; d < count; d++)
        {
            string id = $"doc-{d:D4}";
            if (d % 20 == 19)
            {
                // The original is one of the 19 documents just before: never a rewrite itself,
                // and never the original of another rewrite, so the planted pairs are the only
                // pairs of shared copy.
                int original = d - 19 + rng.Next(19);
                double editRate = 0.03 + (0.15 * rng.NextDouble());
                paragraphs[d] = Rewrite(paragraphs[original], editRate, rng, vocabulary, zipf);
                planted.Add(new PlantedPair(documents[original].Id, id, editRate));
            }
            else
            {
                paragraphs[d] = Write(rng, vocabulary, zipf);
            }
            documents[d] = new ReuseDocument(id, paragraphs[d].Select(p => string.Join(' ', p)).ToArray());
        }
        return new SyntheticCorpus(documents, planted) { PlantedGroups = planted.Select(p => (IReadOnlyList<string>)[p.Original, p.Rewrite]).ToList() };
    }

    private static List<List<string>> Write(SplitMix64 rng, string[] vocabulary, double[] zipf)
    {
        int target = 600 + rng.Next(601);
        var paragraphs = new List<List<string>>();
        int words = 0;
        while (words < target)
        {
            var paragraph = new List<string>();
            int length = Math.Min(30 + rng.Next(61), Math.Max(10, target - words));
            while (paragraph.Count < length)
            {
                paragraph.AddRange(Sentence(rng, vocabulary, zipf));
            }
            if (rng.NextDouble() < 0.35)
            {
                var phrase = StockPhrases[rng.Next(StockPhrases.Length)].Split(' ');
                paragraph.InsertRange(rng.Next(paragraph.Count), phrase);
            }
            if (rng.NextDouble() < 0.06)
            {
                var quote = ("“" + Quotations[rng.Next(Quotations.Length)] + "”").Split(' ');
                paragraph.InsertRange(rng.Next(paragraph.Count), quote);
            }
            paragraphs.Add(paragraph);
            words += paragraph.Count;
        }
        if (rng.NextDouble() < 0.08)
        {
            paragraphs.Add([.. Boilerplate.Split(' ')]);
        }
        return paragraphs;
    }

    private static List<string> Sentence(SplitMix64 rng, string[] vocabulary, double[] zipf)
    {
        int length = 10 + rng.Next(16);
        var sentence = new List<string>(length);
        for (int i = 0; i < length; i++)
        {
            sentence.Add(vocabulary[SampleZipf(rng, zipf)]);
        }
        sentence[0] = char.ToUpperInvariant(sentence[0][0]) + sentence[0][1..];
        sentence[^1] += rng.NextDouble() < 0.2 ? "," : ".";
        return sentence;
    }

    /// <summary>A copy-edited version: words edited at the edit rate, about one paragraph in ten
    /// dropped, and one to three new paragraphs added.</summary>
    private static List<List<string>> Rewrite(List<List<string>> original, double editRate, SplitMix64 rng, string[] vocabulary, double[] zipf)
    {
        var result = new List<List<string>>();
        foreach (var paragraph in original)
        {
            if (rng.NextDouble() < 0.1)
            {
                continue;
            }
            var copy = new List<string>(paragraph.Count);
            foreach (string word in paragraph)
            {
                double r = rng.NextDouble();
                if (r < editRate * 0.6)
                {
                    copy.Add(vocabulary[SampleZipf(rng, zipf)]);
                }
                else if (r < editRate * 0.8)
                {
                    // deleted
                }
                else if (r < editRate)
                {
                    copy.Add(word);
                    copy.Add(vocabulary[SampleZipf(rng, zipf)]);
                }
                else
                {
                    copy.Add(word);
                }
            }
            result.Add(copy);
        }
        int added = 1 + rng.Next(3);
        for (int i = 0; i < added; i++)
        {
            var paragraph = new List<string>();
            while (paragraph.Count < 40)
            {
                paragraph.AddRange(Sentence(rng, vocabulary, zipf));
            }
            result.Insert(rng.Next(result.Count + 1), paragraph);
        }
        return result;
    }

    private static string[] BuildVocabulary()
    {
        var words = new string[VocabularySize];
        var sb = new StringBuilder();
        for (int i = 0; i < words.Length; i++)
        {
            if (i < FunctionWords.Length)
            {
                words[i] = FunctionWords[i];
                continue;
            }
            sb.Clear();
            // i written in base |Syllables|, one syllable per digit.
            for (int n = i; n > 0; n /= Syllables.Length)
            {
                sb.Insert(0, Syllables[n % Syllables.Length]);
            }
            words[i] = sb.ToString();
        }
        return words;
    }

    // Cumulative Zipf (s = 1) probabilities over ranks 1..n.
    private static double[] BuildZipf(int n)
    {
        var cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int SampleZipf(SplitMix64 rng, double[] cumulative)
    {
        int index = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
