using System.Globalization;
using System.Text;

namespace Briefing.Bench;

/// <summary>
/// A deterministic synthetic briefing of N articles in the project's input format: site.yml, 5 topics,
/// 8 sources, claims, a timeline, a glossary, and per article a Markdown body of 600–1,200 words (headings,
/// a list, a blockquote, links) and a summary whose key points and claim quotes occur in the text.
/// The bodies are of one <see cref="CorpusShape"/>: unique text in which every twentieth article rewrites an earlier
/// one, or <see cref="SyntheticCorpus"/>'s stock-phrasing or wire-heavy text (a copy is dated after its original).
/// Same N and shape, same files, byte for byte.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Topics = ["bilateral-ties", "maritime-disputes", "security-cooperation", "trade-investment", "us-ties"];
    private static readonly string[] Sources = ["scmp", "reuters", "vnexpress", "xinhua", "asia-times", "the-diplomat", "nikkei", "afp"];
    private static readonly string[] Syllables = ["ba", "ko", "ri", "tan", "mel", "su", "vo", "dar", "pe", "lin", "qua", "zo", "hen", "gri", "fa", "nor", "ti", "wex", "cla", "mu", "sed", "ha", "jo", "ple", "vin", "rak", "to", "bre"];
    private static readonly string[] Function = ["the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as", "by", "it", "at", "from", "their", "have", "has", "be", "said", "were", "an", "this", "which", "or", "but", "not", "had", "are", "they", "would", "its", "also", "after", "more", "between", "over", "will", "been", "who", "new", "up"];
    private static readonly string[] Vocabulary = BuildVocabulary(8000);

    public static int ClaimCount(int n) => Math.Max(10, n / 5);

    public static void Write(string dir, int n, CorpusShape shape = CorpusShape.Unique)
    {
        var shaped = shape == CorpusShape.Unique ? null : SyntheticCorpus.Generate(n, 0x5eed + (ulong)n, shape);
        var originalOf = new Dictionary<int, int>();
        foreach (var group in shaped?.PlantedGroups ?? [])
            foreach (var copy in group.Skip(1)) originalOf[Index(copy)] = Index(group[0]);
        var dates = new DateOnly[n];
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        foreach (var sub in new[] { "articles", "summaries", "topics", "sources" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        var rng = new SplitMix64(0x5eed + (ulong)n);
        var slugs = Enumerable.Range(0, n).Select(Slug).ToArray();

        // topics and sources
        for (var t = 0; t < Topics.Length; t++)
            File.WriteAllText(Path.Combine(dir, "topics", Topics[t] + ".md"),
                $"---\ntitle: {Title(Topics[t])}\norder: {t + 1}\nquestion: What do the reports say about {Topics[t].Replace('-', ' ')}?\n---\n{Paragraphs(rng, 2, 90, 140)}");
        for (var s = 0; s < Sources.Length; s++)
            File.WriteAllText(Path.Combine(dir, "sources", Sources[s] + ".yml"),
                $"name: {Title(Sources[s])} News\nkind: {(s % 3 == 0 ? "newspaper" : s % 3 == 1 ? "news-site" : "commentary")}\ncountry: Country {s}\nurl: https://{Sources[s]}.example.com/\nnote: >\n  {Sentence(rng, 20)}\n");

        // claims: each with a topic; articles cite two claims of their own topics
        var claimCount = ClaimCount(n);
        var claims = new StringBuilder("# Synthetic claims\n");
        for (var c = 0; c < claimCount; c++)
            claims.Append(CultureInfo.InvariantCulture, $"- id: claim-{c:D5}\n  topic: {Topics[c % Topics.Length]}\n  text: {Sentence(rng, 12)}\n");
        File.WriteAllText(Path.Combine(dir, "claims.yml"), claims.ToString());

        // articles and summaries
        var bodies = new string[n];
        var articleTopics = new string[n][];
        for (var i = 0; i < n; i++)
        {
            var t1 = i % Topics.Length;
            var t2 = (i / Topics.Length + t1 + 1) % Topics.Length;
            articleTopics[i] = t1 == t2 ? [Topics[t1]] : [Topics[t1], Topics[t2]];
            var rewriteOf = shaped is null && i % 20 == 19 ? i - 1 - (int)(rng.NextUInt64() % 19) : -1;
            var paras = shaped is not null ? string.Join("\n\n", shaped.Documents[i].Paragraphs) + "\n\n"
                : rewriteOf >= 0 ? Rewrite(rng, bodies[rewriteOf]) : Body(rng, i, slugs);
            bodies[i] = paras;
            var date = new DateOnly(2015, 1, 1).AddDays((int)(rng.NextUInt64() % 3650));
            if (originalOf.TryGetValue(i, out var original)) date = dates[original].AddDays(1 + i % 3);
            dates[i] = date;
            var front = new StringBuilder("---\n");
            front.Append(CultureInfo.InvariantCulture, $"title: \"{Title(Sentence(rng, 8).TrimEnd('.'))}\"\n");
            front.Append(CultureInfo.InvariantCulture, $"source: {Sources[i % Sources.Length]}\n");
            front.Append(CultureInfo.InvariantCulture, $"published: {date:yyyy-MM-dd}\n");
            if (i % 3 != 0) front.Append(CultureInfo.InvariantCulture, $"author: {Title(Word(rng))} {Title(Word(rng))}\n");
            if (i % 2 == 0) front.Append(CultureInfo.InvariantCulture, $"dek: {Sentence(rng, 16)}\n");
            front.Append(CultureInfo.InvariantCulture, $"topics: [{string.Join(", ", articleTopics[i])}]\n");
            front.Append(CultureInfo.InvariantCulture, $"url: https://{Sources[i % Sources.Length]}.example.com/{slugs[i]}\n");
            if (rewriteOf >= 0 && i % 40 == 39) front.Append(CultureInfo.InvariantCulture, $"derived_from: {slugs[rewriteOf]}\n");
            front.Append("---\n");
            File.WriteAllText(Path.Combine(dir, "articles", slugs[i] + ".md"), front + paras);
            File.WriteAllText(Path.Combine(dir, "summaries", slugs[i] + ".yml"), Summary(rng, i, paras, articleTopics[i], claimCount));
        }

        // timeline, glossary, site
        var timeline = new StringBuilder();
        for (var e = 0; e < 20 + n / 50; e++)
        {
            var date = new DateOnly(2015, 1, 1).AddDays((int)(rng.NextUInt64() % 3650));
            var when = e % 7 == 0 ? date.Year.ToString(CultureInfo.InvariantCulture) : e % 5 == 0 ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            timeline.Append(CultureInfo.InvariantCulture, $"- date: {when}\n  title: {Title(Sentence(rng, 6).TrimEnd('.'))}\n  text: {Sentence(rng, 18)}\n  articles: [{slugs[(int)(rng.NextUInt64() % (ulong)n)]}]\n\n");
        }
        File.WriteAllText(Path.Combine(dir, "timeline.yml"), timeline.ToString());
        var glossary = new StringBuilder();
        for (var g = 0; g < 20; g++)
        {
            var name = Title(Word(rng)) + " " + Title(Word(rng));
            glossary.Append(CultureInfo.InvariantCulture, $"- id: gloss-{g:D2}\n  name: {name}\n  kind: {(g % 3 == 0 ? "person" : g % 3 == 1 ? "term" : "organisation")}\n  text: {Sentence(rng, 20)}\n  articles: [{slugs[g % n]}]\n\n");
        }
        File.WriteAllText(Path.Combine(dir, "glossary.yml"), glossary.ToString());
        var site = new StringBuilder();
        site.Append("title: \"A synthetic briefing\"\ndescription: A synthetic briefing for the benchmark.\nbase_url: https://example.org/\nlanguage: en\nlede: >\n  ");
        site.Append(Sentence(rng, 40)).Append(' ').Append(Sentence(rng, 40)).Append("\ntakeaways:\n");
        for (var k = 0; k < 4; k++) site.Append(CultureInfo.InvariantCulture, $"  - text: {Sentence(rng, 20)}\n    articles: [{slugs[k % n]}]\n");
        site.Append("allow_html: false\n");
        File.WriteAllText(Path.Combine(dir, "site.yml"), site.ToString());
    }

    private static int Index(string syntheticId) => int.Parse(syntheticId.AsSpan(syntheticId.IndexOf('-') + 1), CultureInfo.InvariantCulture);

    public static string Slug(int i) => string.Create(CultureInfo.InvariantCulture, $"a{i:D5}-{Sources[i % Sources.Length]}-report");

    /// <summary>The Markdown body: paragraphs, two headings, a list, a blockquote, links; 600–1,200 words.</summary>
    private static string Body(SplitMix64 rng, int i, string[] slugs)
    {
        var target = 600 + (int)(rng.NextUInt64() % 601);
        var sb = new StringBuilder();
        var words = 0;
        var block = 0;
        while (words < target)
        {
            if (block == 3 || block == 8) { sb.Append("## ").Append(Title(Sentence(rng, 4).TrimEnd('.'))).Append("\n\n"); }
            if (block == 4)
            {
                for (var k = 0; k < 3; k++) { var s = Sentence(rng, 10); words += 10; sb.Append("- ").Append(s).Append('\n'); }
                sb.Append('\n');
            }
            else if (block == 6)
            {
                var s = Sentence(rng, 25); words += 25;
                sb.Append("> ").Append(s).Append("\n\n");
            }
            else
            {
                var len = 40 + (int)(rng.NextUInt64() % 50);
                var p = Sentences(rng, len);
                words += len;
                if (block % 4 == 1)
                    p += $" {Title(Word(rng))} [{Word(rng)} {Word(rng)} {Word(rng)}](https://example.com/{i}/{block}) {Word(rng)} [**{Word(rng)} {Word(rng)}**](https://example.org/statement-{block}).";
                sb.Append(p).Append("\n\n");
            }
            block++;
        }
        return sb.ToString();
    }

    /// <summary>A rewrite of an earlier body: same blocks, about one word in ten changed in paragraphs.</summary>
    private static string Rewrite(SplitMix64 rng, string body)
    {
        var sb = new StringBuilder();
        foreach (var line in body.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('-') || line.StartsWith('>') || line.Contains('[')) { sb.Append(line).Append('\n'); continue; }
            var ws = line.Split(' ');
            for (var k = 0; k < ws.Length; k++)
                if (rng.NextUInt64() % 10 == 0 && !ws[k].EndsWith('.')) ws[k] = Word(rng);
            sb.Append(string.Join(' ', ws)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Summary(SplitMix64 rng, int i, string body, string[] topics, int claimCount)
    {
        // quotable paragraphs: plain prose (no links, headings, list or quote markers)
        var plain = body.Split("\n\n").Where(b => b.Length > 0 && !b.Contains('[') && char.IsLetter(b[0]) && !b.StartsWith('#')).ToList();
        string Quote()
        {
            var p = plain[(int)(rng.NextUInt64() % (ulong)plain.Count)].Split(' ');
            var len = 6 + (int)(rng.NextUInt64() % 6);
            var start = (int)(rng.NextUInt64() % (ulong)Math.Max(1, p.Length - len));
            return string.Join(' ', p.Skip(start).Take(len)).TrimEnd('.');
        }
        var sb = new StringBuilder();
        sb.Append("summary: >\n  ").Append(Sentence(rng, 30)).Append(' ').Append(Sentence(rng, 20)).Append('\n');
        sb.Append("angle: >\n  ").Append(Sentence(rng, 25)).Append('\n');
        sb.Append("key_points:\n");
        var points = 4 + (int)(rng.NextUInt64() % 3);
        for (var k = 0; k < points; k++)
            sb.Append(CultureInfo.InvariantCulture, $"  - text: {Sentence(rng, 14)}\n    topic: {topics[k % topics.Length]}\n    quote: \"{Quote()}\"\n");
        sb.Append("claims:\n");
        // two claims of the article's first topic, spread over the claim list
        var perTopic = claimCount / Topics.Length;
        var t = Array.IndexOf(Topics, topics[0]);
        for (var k = 0; k < 2; k++)
        {
            var c = t + Topics.Length * (int)((ulong)(i * 7 + k * 13) % (ulong)Math.Max(1, perTopic));
            sb.Append(CultureInfo.InvariantCulture, $"  - claim: claim-{c:D5}\n    quote: \"{Quote()}\"\n");
        }
        return sb.ToString();
    }

    private static string Paragraphs(SplitMix64 rng, int count, int min, int max)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < count; k++) sb.Append(Sentences(rng, min + (int)(rng.NextUInt64() % (ulong)(max - min)))).Append("\n\n");
        return sb.ToString();
    }

    private static string Sentences(SplitMix64 rng, int words)
    {
        var sb = new StringBuilder();
        while (words > 0)
        {
            var len = Math.Min(words, 8 + (int)(rng.NextUInt64() % 14));
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Sentence(rng, len));
            words -= len;
        }
        return sb.ToString();
    }

    private static string Sentence(SplitMix64 rng, int words)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < words; k++)
        {
            if (k > 0) sb.Append(k % 9 == 8 ? ", " : " ");
            var w = rng.NextUInt64() % 3 == 0 ? Function[rng.NextUInt64() % (ulong)Function.Length] : Word(rng);
            sb.Append(k == 0 ? Title(w) : w);
        }
        return sb.Append('.').ToString();
    }

    /// <summary>A content word, Zipf-like: low indices far more often.</summary>
    private static string Word(SplitMix64 rng)
    {
        var u = (rng.NextUInt64() % 1_000_000) / 1_000_000.0;
        var idx = (int)(Math.Pow(Vocabulary.Length, u)) - 1;
        return Vocabulary[Math.Clamp(idx, 0, Vocabulary.Length - 1)];
    }

    private static string[] BuildVocabulary(int size)
    {
        var rng = new SplitMix64(42);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>(size);
        while (list.Count < size)
        {
            var parts = 1 + (int)(rng.NextUInt64() % 3);
            var w = string.Concat(Enumerable.Range(0, parts).Select(_ => Syllables[rng.NextUInt64() % (ulong)Syllables.Length]));
            if (seen.Add(w)) list.Add(w);
        }
        return [.. list];
    }

    private static string Title(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].Replace('-', ' ');
}
