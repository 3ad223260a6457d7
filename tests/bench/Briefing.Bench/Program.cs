using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Briefing.Analysis;
using Briefing.Bench;

// The benchmark: generates synthetic briefings of N articles, publishes src/Briefing in Release and times the
// compiled program started directly (not `dotnet run`), whole process, under /usr/bin/time -v. Prints per N the
// median of --runs runs of wall time, CPU time and peak memory, and the program's own --timings per stage; then
// the real briefing (input/) and the incremental preview rebuild after editing one article of N=1,000; and per N the
// largest page other than an article's own, and the feed's size.
// Not a test: nothing here asserts a time.

var sizes = new List<int> { 5, 100, 1000, 10000 };
var shapes = Enum.GetValues<CorpusShape>().ToList();
var hugo = false;
var runs = 5;
var incrementalRuns = 20;
int? largeRuns = null;
string? work = null;
string? markdownOut = null;
var publish = true;
var incremental = true;
var incrementalOnly = false;
string? baseline = null;
string? baselineTheme = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sizes": sizes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
        case "--shapes": shapes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => Enum.Parse<CorpusShape>(x, ignoreCase: true)).ToList(); break;
        case "--hugo": hugo = true; break;
        case "--baseline": baseline = Path.GetFullPath(args[++i]); break;
        case "--baseline-theme": baselineTheme = Path.GetFullPath(args[++i]); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--edits": incrementalRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--large-runs": largeRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--work": work = args[++i]; break;
        case "--markdown": markdownOut = args[++i]; break;
        case "--no-publish": publish = false; break;
        case "--no-incremental": incremental = false; break;
        case "--incremental-only": incrementalOnly = true; break;
        case "--verdicts":
            // only the reuse verdicts on every corpus shape: --verdicts 300,1000
            var verdictSizes = args[++i].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
            foreach (var shape in Enum.GetValues<CorpusShape>())
                foreach (var size in verdictSizes)
                {
                    var sw = Stopwatch.StartNew();
                    var score = ReuseScore.Of(SyntheticCorpus.Generate(size, 17, shape));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shape} N={size}: planted {score.Planted}, grouped {score.Found}, right {score.Right}: precision {score.Precision:P1}, recall {score.Recall:P1}; stock above {score.StockDocuments} articles ({sw.ElapsedMilliseconds} ms)"));
                    foreach (var m in score.Missed)
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  missed: {m.A} and {m.B}, {m.SharedShingles} runs shared, {m.ContainmentAInB:P1} and {m.ContainmentBInA:P1}"));
                }
            return 0;
        case "--reuse-only":
            // only the text-reuse analysis, in process: --reuse-only N SHAPE (counting, then forming and measuring the clusters)
            var reuseCorpus = SyntheticCorpus.Generate(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 17, Enum.Parse<CorpusShape>(args[i + 2], ignoreCase: true));
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                var counted = TextReuse.AnalyseCorpus(reuseCorpus.Documents);
                var countMs = watch.Elapsed.TotalMilliseconds;
                var clusters = ReuseScore.Summary(reuseCorpus, counted).Clusters;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"count {countMs:0} ms ({counted.Pairs.Count} flagged pairs), clusters {watch.Elapsed.TotalMilliseconds - countMs:0} ms ({clusters.Count} clusters)"));
            }
            return 0;
        case "--generate":
            // only write a corpus: --generate N DIR [SHAPE]
            CorpusGenerator.Write(args[i + 2], int.Parse(args[i + 1], CultureInfo.InvariantCulture), args.Length > i + 3 ? Enum.Parse<CorpusShape>(args[i + 3], ignoreCase: true) : CorpusShape.Unique);
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}. Usage: [--sizes 5,100,1000,10000] [--shapes unique,stock,wire] [--hugo] [--runs 5] [--large-runs K (for N >= 10,000)] [--edits 20 (incremental)] [--work DIR] [--markdown FILE] [--no-publish] [--no-incremental] [--incremental-only] [--baseline PROGRAM [--baseline-theme DIR]] | --generate N DIR");
            return 2;
    }
}

var root = FindRoot();
work ??= Path.Combine(Path.GetTempPath(), "briefing-bench");
Directory.CreateDirectory(work);
if (incrementalOnly)
{
    // only the preview's incremental rebuild (in process: nothing to publish)
    var input = Path.Combine(work, "incremental", "input");
    CorpusGenerator.Write(input, 1000);
    var (median, p90) = Incremental.Measure(input, Path.Combine(root, "theme"), Path.Combine(work, "incremental", "output"), incrementalRuns);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Incremental preview rebuild after editing one article of N=1,000: median {median:0} ms, 90th percentile {p90:0} ms ({incrementalRuns} edits after {Incremental.WarmUp} warm-up edits)."));
    return 0;
}
var bin = Path.Combine(work, "publish", OperatingSystem.IsWindows() ? "Briefing.exe" : "Briefing");
if (publish || !File.Exists(bin))
{
    // for this platform: one native program, compiled ahead of time (native AOT; see Briefing.csproj)
    var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
    Console.WriteLine($"publishing src/Briefing (Release, {rid}) to {Path.Combine(work, "publish")} … (a native AOT compile: about a minute)");
    var (code, _, err) = BuildRun.Process("dotnet", ["publish", Path.Combine(root, "src", "Briefing"), "-c", "Release", "-r", rid, "-o", Path.Combine(work, "publish"), "--nologo", "-v", "q"], root);
    if (code != 0) { Console.Error.WriteLine(err); return 1; }
}
if (BuildRun.Time is null) Console.Error.WriteLine("warning: /usr/bin/time not found (apt-get install time): peak memory is not measured and CPU time is this process's children's.");

var rows = new List<Row>();
var verdicts = new StringBuilder();
foreach (var shape in shapes)
    foreach (var n in sizes)
    {
        var input = Path.Combine(work, $"{shape}-n{n}".ToLowerInvariant(), "input");
        var gen = Stopwatch.StartNew();
        CorpusGenerator.Write(input, n, shape);
        Console.WriteLine($"{shape} N={n}: generated in {gen.Elapsed.TotalSeconds:0.0} s");
        var label = $"{shape.ToString().ToLowerInvariant()} N={n}";
        var folder = Path.Combine(work, $"{shape}-n{n}".ToLowerInvariant());
        rows.Add(Measure(label, n, input, folder, hugo ? Hugo.Prepare(input, Path.Combine(folder, "hugo")) : null));
        var score = ReuseScore.Of(SyntheticCorpus.Generate(n, 0x5eed + (ulong)n, shape));
        verdicts.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {score.Planted} | {score.Found} | {score.Precision:P1} | {score.Recall:P1} | {score.StockDocuments} |"));
    }
rows.Add(Measure("real briefing", -1, Path.Combine(root, "input"), Path.Combine(work, "real"), null));

(double Median, double P90)? incrementalMs = null;
if (incremental)
{
    var input = Path.Combine(work, "incremental", "input");
    CorpusGenerator.Write(input, 1000);
    incrementalMs = Incremental.Measure(input, Path.Combine(root, "theme"), Path.Combine(work, "incremental", "output"), incrementalRuns);
}

var table = new StringBuilder();
table.AppendLine($"| corpus | pages | wall (s) | CPU (s) | peak memory (MB) | render CPU (s) | pages/s | baseline wall / CPU / peak / render CPU | Hugo (s) | wall / Hugo | largest non-article page (KB) | feed (KB) |");
table.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var r in rows)
{
    var b = r.Baseline;
    var baselineCell = b is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{b.Wall:0.00} s / {b.Cpu:0.00} s / {b.PeakMb:0} MB / {b.Stages.GetValueOrDefault("render_cpu") / 1000:0.00} s");
    table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Label} | {r.Pages} | {r.Wall:0.00} | {r.Cpu:0.00} | {(r.PeakMb > 0 ? r.PeakMb.ToString("0", CultureInfo.InvariantCulture) : "–")} | {r.Stages.GetValueOrDefault("render_cpu") / 1000:0.00} | {r.Pages / r.Wall:0} | {baselineCell} | {(r.HugoWall is { } h ? h.ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {(r.HugoWall is { } hw ? (r.Wall / hw).ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {r.Sizes.LargestBytes / 1024.0:0} ({r.Sizes.LargestPage}) | {r.Sizes.FeedBytes / 1024.0:0} |"));
}
table.AppendLine().AppendLine("Reuse verdicts against the planted copies (pairs of articles grouped as one report):").AppendLine()
    .AppendLine("| corpus | planted pairs | grouped pairs | precision | recall | stock above (articles) |").AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |")
    .Append(verdicts);
if (incrementalMs is { } ms) table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\nIncremental preview rebuild after editing one article of N=1,000: median {ms.Median:0} ms, 90th percentile {ms.P90:0} ms ({incrementalRuns} edits after {Incremental.WarmUp} warm-up edits)."));
var stages = new StringBuilder("\n| N | " + string.Join(" | ", rows.SelectMany(r => r.Stages.Keys).Distinct()) + " |\n");
var stageNames = rows.SelectMany(r => r.Stages.Keys).Distinct().Where(k => k != "render_cpu").ToList();
stages.Clear().AppendLine().AppendLine("Stages (--timings, ms, median):").AppendLine().Append("| N | ").Append(string.Join(" | ", stageNames.Select(n => n == "gc" ? "gc pauses" : n))).AppendLine(" |")
    .Append("| ---: |").Append(string.Concat(stageNames.Select(_ => " ---: |"))).AppendLine();
foreach (var r in rows)
    stages.Append("| ").Append(r.Label).Append(" | ").Append(string.Join(" | ", stageNames.Select(s => r.Stages.TryGetValue(s, out var v) ? v.ToString("0", CultureInfo.InvariantCulture) : ""))).AppendLine(" |");
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median of {runs} runs{(largeRuns is { } lr ? $" ({lr} for N >= 10,000)" : "")}, {Environment.ProcessorCount} cores, compiled program started directly; load average at the end {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}:"));
Console.WriteLine();
Console.Write(table);
Console.Write(stages);
if (markdownOut is not null) File.WriteAllText(markdownOut, table.ToString() + stages);
return 0;

// Each run is one build by this program, then one by the baseline program, then one by Hugo, in turn: the machine's load
// changes from minute to minute, and programs measured one after the other would be measured on different machines.
Row Measure(string label, int n, string input, string folder, Hugo? hugoSite)
{
    var count = n >= 10_000 && largeRuns is { } k ? k : runs;
    Directory.CreateDirectory(folder);
    var mine = new List<BuildRun>();
    var theirs = new List<BuildRun>();
    var hugoWalls = new List<double>();
    for (var r = 0; r < count; r++)
    {
        var run = BuildRun.Once(bin, Path.Combine(root, "theme"), input, Path.Combine(folder, "output"), root);
        if (run.Failure is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: the build FAILED after {run.Wall:0.0} s{(run.PeakMb > 0 ? $", peak {run.PeakMb:0} MB" : "")}: {run.Failure}"));
            return new Row(label + " (failed: " + run.Failure + ")", 0, run.Wall, double.NaN, run.PeakMb, [], new OutputSizes("", 0, 0));
        }
        mine.Add(run);
        if (baseline is not null) theirs.Add(BuildRun.Once(baseline, baselineTheme ?? Path.Combine(root, "theme"), input, Path.Combine(folder, "baseline-output"), root));
        if (hugoSite?.Once() is { } h) hugoWalls.Add(h);
    }
    var m = BuildRun.Median(mine);
    var row = new Row(label, m.Pages, m.Wall, m.Cpu, m.PeakMb, m.Stages, OutputSizes.Of(Path.Combine(folder, "output")))
    {
        Baseline = theirs.Count > 0 && theirs.All(t => t.Failure is null) ? BuildRun.Median(theirs) : null,
        HugoWall = hugoWalls.Count > 0 ? BuildRun.Median(hugoWalls) : null,
    };
    var line = string.Create(CultureInfo.InvariantCulture,
        $"{label}: {row.Pages} pages, wall {row.Wall:0.000} s, CPU {row.Cpu:0.00} s, peak {row.PeakMb:0} MB, {row.Pages / row.Wall:0} pages/s, largest non-article page {row.Sizes.LargestBytes / 1024.0:0} KB ({row.Sizes.LargestPage}), feed {row.Sizes.FeedBytes / 1024.0:0} KB  [{string.Join(", ", row.Stages.Select(kv => $"{kv.Key} {kv.Value:0}"))}]  (runs: {string.Join(" ", mine.Select(w => w.Wall.ToString("0.00", CultureInfo.InvariantCulture)))})");
    if (row.Baseline is { } b)
        line += string.Create(CultureInfo.InvariantCulture, $"; baseline wall {b.Wall:0.000} s, CPU {b.Cpu:0.00} s, peak {b.PeakMb:0} MB, render CPU {b.Stages.GetValueOrDefault("render_cpu"):0} ms (runs: {string.Join(" ", theirs.Select(w => w.Wall.ToString("0.00", CultureInfo.InvariantCulture)))})");
    if (row.HugoWall is { } hw)
        line += string.Create(CultureInfo.InvariantCulture, $"; Hugo {hw:0.000} s (runs: {string.Join(" ", hugoWalls.Select(w => w.ToString("0.00", CultureInfo.InvariantCulture)))})");
    Console.WriteLine(line);
    return row;
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Briefing.sln"))) return d.FullName;
    throw new InvalidOperationException("Run the benchmark from inside the repository (no Briefing.sln found above the current folder).");
}

/// <param name="Sizes">The largest page but an article's own, and the feed, as the last run wrote them.</param>
internal sealed record Row(string Label, int Pages, double Wall, double Cpu, double PeakMb, Dictionary<string, double> Stages, OutputSizes Sizes)
{
    /// <summary>Hugo's median wall time on the same articles, when measured (--hugo).</summary>
    public double? HugoWall { get; init; }

    /// <summary>The baseline program's medians on the same articles, when measured (--baseline).</summary>
    public BuildRun? Baseline { get; init; }
}
