using System.Diagnostics;
using Briefing.Content;

namespace Briefing.Bench;

/// <summary>
/// The preview's incremental rebuild, in process as <c>preview</c> does it: one <see cref="SiteBuilder"/> with an
/// <see cref="ArticleCache"/> kept between builds. After a first full build (and one warm-up edit), edit one
/// article's text and time the rebuild; the median and 90th percentile of <c>runs</c> edits after <see cref="WarmUp"/>
/// edits that are not counted (a preview session's first edits also pay for compiling the code they run). Each edit's
/// line also gives the CPU time the process used meanwhile (all cores), which the host's other load disturbs less.
/// </summary>
public static class Incremental
{
    public const int WarmUp = 3;

    public static (double Median, double P90) Measure(string input, string theme, string output, int runs)
    {
        var cache = new ArticleCache();
        var builder = new SiteBuilder(cache);
        var options = new BuildOptions { InputDir = input, ThemeDir = theme, OutputDir = output };
        var first = Stopwatch.StartNew();
        var r0 = builder.Build(options);
        if (!r0.Success) throw new InvalidOperationException("incremental: the first build failed: " + string.Join("\n", r0.Diagnostics.Take(5)));
        Console.WriteLine($"incremental: first preview build of N=1000 in {first.Elapsed.TotalMilliseconds:0} ms");
        var articles = Directory.GetFiles(Path.Combine(input, "articles"), "*.md").Order(StringComparer.Ordinal).ToArray();
        var times = new List<double>();
        for (var r = 0; r < WarmUp + runs; r++)
        {
            var path = articles[(r * 37) % articles.Length];
            var text = File.ReadAllText(path);
            var at = text.LastIndexOf("\n\n", text.Length - 2, StringComparison.Ordinal);
            File.WriteAllText(path, text.Insert(at, $"\n\nAn added paragraph, edit {r}."));
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(2));
            var sw = Stopwatch.StartNew();
            var result = builder.Build(options);
            _ = new Briefing.Preview.SiteSnapshot(result.Files, r + 2); // what the preview then serves
            var ms = sw.Elapsed.TotalMilliseconds;
            cache.TakeMisses();
            if (!result.Success) throw new InvalidOperationException("incremental: the rebuild failed: " + string.Join("\n", result.Diagnostics.Take(5)));
            if (r >= WarmUp) times.Add(ms);
            Console.WriteLine($"incremental: edit {r}: {ms:0} ms, CPU {result.Timings.Sum(t => t.CpuMilliseconds):0} ms ({builder.LastRendered} article body(ies) parsed, {result.PagesWritten - builder.LastReusedPages} of {result.PagesWritten} pages rendered; GCs: {GC.CollectionCount(0) - gcs.Item1}, of them full: {GC.CollectionCount(2) - gcs.Item2}) [{string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Milliseconds:0}"))}]");
        }
        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.9) - 1)]);
    }
}
