using Briefing.Analysis;

namespace Briefing.Bench;

/// <summary>What the text of a synthetic corpus is like.</summary>
public enum CorpusShape
{
    /// <summary>Every article in its own words, but for stock phrases, a few long quotations and planted rewrites.</summary>
    Unique,

    /// <summary>
    /// Seven in ten of every article's sentences drawn from a pool of 100 stock sentence templates, half of them with
    /// a slot filled (names, places, days, numbers), a dateline and a credit line in every article, the usual "did not immediately respond"
    /// line, and stock subheads; plus planted rewrites, one article in twenty.
    /// </summary>
    Stock,

    /// <summary>
    /// Wire-heavy: most articles belong to clusters of 2–50 copies of one report (each copy a rewrite of the first,
    /// with its own dateline and credit), with stock phrasing as in <see cref="Stock"/> at a lower rate.
    /// </summary>
    Wire,
}

public sealed partial record SyntheticCorpus
{
    private const int TemplateCount = 100;

    private static readonly string[] Names =
    [
        "Nguyen Van An", "Tran Thi Binh", "Le Minh Chau", "Pham Quoc Dung", "Hoang Anh Tuan", "Vu Thu Ha", "Dang Hai Long",
        "Bui Thanh Son", "Do Kim Lan", "Ngo Bao Chau", "Li Wei", "Wang Fang", "Zhang Min", "Liu Yang", "Chen Jing",
        "Yang Lei", "Zhao Xin", "Huang Tao", "Zhou Ying", "Wu Gang", "James Pearson", "Anna Clarke", "David Brunnstrom",
        "Simon Lewis", "Khanh Vu", "Francesco Guarascio", "Phuong Nguyen", "Martin Petty", "Ryan Woo", "Ben Blanchard",
    ];

    private static readonly string[] Places =
    [
        "HANOI", "BEIJING", "HO CHI MINH CITY", "SHANGHAI", "DANANG", "HAIPHONG", "GUANGZHOU", "NANNING", "KUNMING",
        "WASHINGTON", "SINGAPORE", "MANILA", "BANGKOK", "HONG KONG", "TOKYO", "SEOUL", "CANBERRA", "JAKARTA",
    ];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Agencies = ["Reuters", "AFP", "AP", "Xinhua", "VNA", "Bloomberg", "Kyodo", "dpa"];

    private static readonly string[] StockSubheads =
    [
        "What happens next and why it matters for the region",
        "How the talks unfolded over the course of the week",
        "The background to the dispute in the South China Sea",
    ];

    private static SyntheticCorpus GenerateShaped(int count, ulong seed, CorpusShape shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new SplitMix64(seed);
        var vocabulary = BuildVocabulary();
        var zipf = BuildZipf(vocabulary.Length);
        // the templates are the same in every corpus: a stock phrase is stock across corpora too
        var templates = Templates(new SplitMix64(0x57_0C_4), vocabulary, zipf);
        var stockRate = shape == CorpusShape.Stock ? 0.7 : 0.3;
        List<List<string>> Article() => StockArticle(rng, vocabulary, zipf, templates, stockRate);

        var paragraphs = new List<List<string>>[count];
        var ids = Enumerable.Range(0, count).Select(d => $"doc-{d:D5}").ToArray();
        var planted = new List<PlantedPair>();
        var groups = new List<IReadOnlyList<string>>();
        var maxCluster = Math.Clamp(count / 6, 2, 50);
        for (int d = 0; d < count;)
        {
            if (shape == CorpusShape.Stock)
            {
                if (d % 20 == 19)
                {
                    // Stock wording does not count toward a verdict but stays in an article's total, so with seven
                    // sentences in ten stock, a copy that changes more than about one word in ten keeps less than a
                    // tenth of its text in common with the original: by the site's rule, no longer a copy.
                    int original = d - 19 + rng.Next(19);
                    double editRate = 0.03 + (0.06 * rng.NextDouble());
                    paragraphs[d] = Restamp(Rewrite(paragraphs[original], editRate, rng, vocabulary, zipf), rng);
                    planted.Add(new PlantedPair(ids[original], ids[d], editRate));
                    groups.Add([ids[original], ids[d]]);
                }
                else paragraphs[d] = Article();
                d++;
                continue;
            }
            // wire: one article in four stands alone; the others come in clusters, many small and a few large
            int size = rng.NextDouble() < 0.25 ? 1 : 2 + (int)(Math.Pow(rng.NextDouble(), 3) * (maxCluster - 1));
            size = Math.Min(size, count - d);
            paragraphs[d] = Article();
            for (int k = 1; k < size; k++)
            {
                double editRate = 0.03 + (0.09 * rng.NextDouble());
                paragraphs[d + k] = Restamp(Rewrite(paragraphs[d], editRate, rng, vocabulary, zipf), rng);
                planted.Add(new PlantedPair(ids[d], ids[d + k], editRate));
            }
            if (size > 1) groups.Add(ids[d..(d + size)]);
            d += size;
        }
        var documents = paragraphs.Select((p, d) => new ReuseDocument(ids[d], p.Select(x => string.Join(' ', x)).ToArray())).ToArray();
        return new SyntheticCorpus(documents, planted) { PlantedGroups = groups };
    }

    /// <summary>
    /// Sentence templates of 10–18 words: half of them fixed (the background sentence an agency repeats word for word),
    /// half with one word a slot ("{name}", "{place}", "{day}", "{number}").
    /// </summary>
    private static string[][] Templates(SplitMix64 rng, string[] vocabulary, double[] zipf)
    {
        string[] slots = ["{name}", "{place}", "{day}", "{number}"];
        var templates = new string[TemplateCount][];
        for (int t = 0; t < templates.Length; t++)
        {
            var words = Sentence(rng, vocabulary, zipf).Take(10 + rng.Next(9)).ToList();
            if (t % 2 == 1) words[rng.Next(words.Count)] = slots[rng.Next(slots.Length)];
            templates[t] = [.. words];
        }
        return templates;
    }

    private static List<string> Fill(string[] template, SplitMix64 rng)
    {
        var sentence = new List<string>(template.Length + 2);
        foreach (var word in template)
        {
            sentence.AddRange(word switch
            {
                "{name}" => Names[rng.Next(Names.Length)].Split(' '),
                "{place}" => [Title(Places[rng.Next(Places.Length)])],
                "{day}" => [Days[rng.Next(Days.Length)]],
                "{number}" => [(1 + rng.Next(99)).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                _ => [word],
            });
        }
        return sentence;
    }

    /// <summary>An article of 600–1,200 words: dateline, paragraphs mixing stock and own sentences, stock subheads, a credit line.</summary>
    private static List<List<string>> StockArticle(SplitMix64 rng, string[] vocabulary, double[] zipf, string[][] templates, double stockRate)
    {
        int target = 600 + rng.Next(601);
        var paragraphs = new List<List<string>>();
        int words = 0;
        while (words < target)
        {
            if (paragraphs.Count is 3 or 8) paragraphs.Add([.. StockSubheads[rng.Next(StockSubheads.Length)].Split(' ')]);
            var paragraph = new List<string>();
            int length = Math.Min(30 + rng.Next(61), Math.Max(10, target - words));
            while (paragraph.Count < length)
                paragraph.AddRange(rng.NextDouble() < stockRate ? Fill(templates[rng.Next(templates.Length)], rng) : Sentence(rng, vocabulary, zipf));
            if (rng.NextDouble() < 0.15)
                paragraph.AddRange([.. Names[rng.Next(Names.Length)].Split(' '), "did", "not", "immediately", "respond", "to", "a", "request", "for", "comment."]);
            paragraphs.Add(paragraph);
            words += paragraph.Count;
        }
        return Restamp(paragraphs, rng);
    }

    /// <summary>An outlet's own dateline on the first paragraph and credit line at the end (a copy gets new ones).</summary>
    private static List<List<string>> Restamp(List<List<string>> paragraphs, SplitMix64 rng)
    {
        const string Mark = "—";
        var result = paragraphs.Select(p => p.ToList()).ToList();
        result.RemoveAll(p => p.Count > 1 && p[0] == "Reporting" && p[1] == "by");
        if (result.Count > 0)
        {
            var first = result[0];
            int dash = first.IndexOf(Mark);
            if (dash >= 0 && dash < 8) first.RemoveRange(0, dash + 1);
            first.InsertRange(0, [.. Places[rng.Next(Places.Length)].Split(' '), Days[rng.Next(Days.Length)] + ",", $"({Agencies[rng.Next(Agencies.Length)]})", Mark]);
        }
        result.Add(["Reporting", "by", .. Names[rng.Next(Names.Length)].Split(' '), "in", Title(Places[rng.Next(Places.Length)]) + ";", "Editing", "by", .. Names[rng.Next(Names.Length)].Split(' ')]);
        return result;
    }

    private static string Title(string place) => string.Join(' ', place.Split(' ').Select(w => w[0] + w[1..].ToLowerInvariant()));
}
