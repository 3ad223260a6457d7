using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefing.Bench;

/// <summary>
/// One build by a compiled Briefing program started directly, under <c>/usr/bin/time -v</c> when it is there: its wall
/// and CPU time, peak memory, the program's own <c>--timings</c> per stage, and its pages; or why it failed.
/// </summary>
internal sealed record BuildRun(double Wall, double Cpu, double PeakMb, Dictionary<string, double> Stages, int Pages, string? Failure)
{
    public static readonly string? Time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;

    public static BuildRun Once(string bin, string theme, string input, string output, string cwd)
    {
        string[] cmd = [bin, "build", "--input", input, "--theme", theme, "--output", output, "--timings"];
        var sw = Stopwatch.StartNew();
        var (code, stdout, stderr) = Time is null ? Process(cmd[0], cmd[1..], cwd) : Process(Time, ["-v", .. cmd], cwd);
        var wall = sw.Elapsed.TotalSeconds;
        var peakKb = Regex.Match(stderr, @"Maximum resident set size \(kbytes\): (\d+)").Groups[1].Value;
        var peak = peakKb.Length > 0 ? long.Parse(peakKb, CultureInfo.InvariantCulture) / 1024.0 : 0;
        if (code != 0)
        {
            // a failed build (e.g. out of memory) is a result too
            var reason = Regex.Match(stderr, @"(OutOfMemoryException|error [A-Z]+\d+[^\n]*)").Value;
            return new BuildRun(wall, double.NaN, peak, [], 0, reason.Length > 0 ? reason : $"exit code {code}: {stderr.Split('\n').FirstOrDefault()}");
        }
        var cpu = double.NaN;
        if (Time is not null)
        {
            wall = ParseElapsed(Regex.Match(stderr, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)").Groups[1].Value);
            cpu = double.Parse(Regex.Match(stderr, @"User time \(seconds\): (\S+)").Groups[1].Value, CultureInfo.InvariantCulture)
                + double.Parse(Regex.Match(stderr, @"System time \(seconds\): (\S+)").Groups[1].Value, CultureInfo.InvariantCulture);
        }
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(stdout, @"^\s+(\w+)\s+([\d.]+) ms", RegexOptions.Multiline))
            stages[m.Groups[1].Value] = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        // the CPU time of the render stage, where the templates run (issue 18 compares it)
        if (Regex.Match(stdout, @"^\s+render\s+[\d.]+ ms\s+\(CPU\s+(\d+) ms", RegexOptions.Multiline) is { Success: true } render)
            stages["render_cpu"] = double.Parse(render.Groups[1].Value, CultureInfo.InvariantCulture);
        var pages = int.Parse(Regex.Match(stdout, @"Built (\d+) pages").Groups[1].Value, CultureInfo.InvariantCulture);
        return new BuildRun(wall, cpu, peak, stages, pages, null);
    }

    /// <summary>The median of each measure over several runs of one program.</summary>
    public static BuildRun Median(IReadOnlyList<BuildRun> runs) => new(
        Median(runs.Select(r => r.Wall).ToList()), Median(runs.Select(r => r.Cpu).ToList()), Median(runs.Select(r => r.PeakMb).ToList()),
        runs.SelectMany(r => r.Stages.Keys).Distinct().ToDictionary(k => k, k => Median(runs.Select(r => r.Stages.GetValueOrDefault(k)).ToList())),
        runs[^1].Pages, null);

    public static double Median(List<double> xs)
    {
        if (xs.Count == 0) return double.NaN;
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static double ParseElapsed(string s)
    {
        double seconds = 0;
        foreach (var p in s.Split(':')) seconds = seconds * 60 + double.Parse(p, CultureInfo.InvariantCulture);
        return seconds;
    }

    public static (int Code, string Stdout, string Stderr) Process(string file, string[] arguments, string cwd)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, err.Result);
    }
}
