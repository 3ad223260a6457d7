using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Briefing.Tests.Support;
using Xunit.Abstractions;

namespace Briefing.Tests.Hostile;

/// <summary>
/// Fuzzing: deterministic random mutations of a valid fixture site (bytes flipped, lines deleted or duplicated,
/// keys renamed, files truncated or deleted, hostile snippets inserted), run through the CLI entry point.
/// For every case: no exception escapes, the exit code is 0 or 1, exit 1 comes with at least one error line and
/// no stack trace, and a failed build leaves the previous output byte-identical with no temporary folder left.
/// A failure prints the seed and the mutations, so <c>Replay(seed)</c> reproduces it.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper log)
{
    public const int Partitions = 4;
    public const int CasesPerPartition = 300;   // 4 × 300 = 1,200 cases
    private const int BaseSeed = 20261201;

    private static readonly string[] Snippets =
    [
        "&a ", "*a ", "!tag ", "!!binary ", "<<: *a\n", "[[[[[[", "{{{{", "]]", "}}", "---\n", "...\n", "\0", "\uFEFF", "\u202E", "\u0430",
        "{{site.title}}", "{{> layout}}", "<script>alert(1)</script>", "[x](javascript:alert(1))", "![x](data:text/html,x)",
        "\n" + new string('>', 200) + " deep\n", "\n" + string.Concat(Enumerable.Repeat("- ", 200)) + "deep\n", new string('[', 300), new string('*', 300) + "x" + new string('*', 300),
        "\t", ": ", "\"", "'", "- ", "  ", "\n  - ", "#", "|\n", ">-\n", "? ", "%YAML 1.1\n", "@", "`", "\r", "\u2028", "9999-99-99", "../", "\\",
    ];

    private static readonly string[] Keys =
        ["title", "source", "published", "topics", "summary", "key_points", "claims", "claim", "quote", "topic", "text", "id", "date", "articles", "name", "kind", "url", "derived_from", "redirect_from", "allow_html", "draft", "order", "native_name", "native_lang"];

    public static TheoryData<int> PartitionData() { var d = new TheoryData<int>(); for (var i = 0; i < Partitions; i++) d.Add(i); return d; }

    [Theory]
    [MemberData(nameof(PartitionData))]
    public void Random_mutations_of_a_valid_site_never_crash_and_never_touch_the_output_on_failure(int partition)
    {
        var watch = Stopwatch.StartNew();
        using var site = new TestSite();
        var pristine = Files(site.Input);
        var (code0, _, err0) = Hostile.Build(site);
        Assert.True(code0 == 0, err0);
        var previous = BuildTests.Snapshot(site.Output);
        var failures = new List<string>();
        int ok = 0, failed = 0, builds = 0;
        for (var i = 0; i < CasesPerPartition; i++)
        {
            var seed = BaseSeed + partition * 100_000 + i;
            Restore(site.Input, pristine);
            var what = Mutate(site.Input, pristine, seed);
            var build = i % 4 == 0;                      // every fourth case writes, the others run 'check'
            var strict = new Random(seed).Next(10) == 0;
            string[] args = [build ? "build" : "check", "--input", site.Input, "--theme", site.Theme, "--output", site.Output, .. strict ? new[] { "--strict" } : []];
            int code;
            string err;
            try
            {
                var o = new StringWriter();
                var e = new StringWriter();
                code = Briefing.Cli.Program.Run(args, o, e);
                err = e.ToString();
            }
            catch (Exception ex)
            {
                failures.Add($"seed {seed} [{what}]: unhandled {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
                continue;
            }
            if (code is not (0 or 1)) failures.Add($"seed {seed} [{what}]: exit code {code}\n{err}");
            if (err.Contains("   at ", StringComparison.Ordinal) || err.Contains("Exception", StringComparison.Ordinal)) failures.Add($"seed {seed} [{what}]: stack trace on stderr\n{err}");
            if (code == 1 && !Regex.IsMatch(err, @"(error|warning) BRF\d{3}: ")) failures.Add($"seed {seed} [{what}]: exit 1 without a diagnostic\n{err}");
            if (code == 1) failed++; else ok++;
            if (!build) continue;
            builds++;
            var now = BuildTests.Snapshot(site.Output);
            if (code == 1 && !SameFiles(previous, now)) failures.Add($"seed {seed} [{what}]: a failed build changed the previous output");
            if (Directory.GetDirectories(site.Root, ".output.*").Length > 0) failures.Add($"seed {seed} [{what}]: a temporary folder was left beside the output");
            if (code == 0)
            {
                if (!File.Exists(Path.Combine(site.Output, "index.html"))) failures.Add($"seed {seed} [{what}]: exit 0 but no index.html");
                previous = now;
            }
        }
        log.WriteLine($"partition {partition}: {CasesPerPartition} cases ({builds} builds, {failed} exit 1, {ok} exit 0) in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} failing case(s); reproduce with Replay(seed):\n" + string.Join("\n\n", failures.Take(10)));
    }

    /// <summary>Applies one seed's mutations to a site, for debugging a failure by hand.</summary>
    internal static string Replay(string input, int seed) => Mutate(input, Files(input), seed);

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    private static void Restore(string root, Dictionary<string, byte[]> pristine)
    {
        foreach (var f in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            if (!pristine.ContainsKey(Path.GetRelativePath(root, f))) File.Delete(f);
        foreach (var (rel, bytes) in pristine)
        {
            var path = Path.Combine(root, rel);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(path, bytes);
        }
    }

    private static bool SameFiles(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>One to three mutations chosen by <paramref name="seed"/>; returns what was done.</summary>
    private static string Mutate(string root, Dictionary<string, byte[]> pristine, int seed)
    {
        var rng = new Random(seed);
        var names = pristine.Keys.Order(StringComparer.Ordinal).ToList();
        var done = new List<string>();
        var count = 1 + rng.Next(3);
        for (var m = 0; m < count; m++)
        {
            var rel = names[rng.Next(names.Count)];
            var path = Path.Combine(root, rel);
            if (!File.Exists(path)) continue;
            var bytes = File.ReadAllBytes(path);
            var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
            var kind = rng.Next(9);
            switch (kind)
            {
                case 0: // flip bytes
                    {
                        var n = 1 + rng.Next(6);
                        for (var k = 0; k < n && bytes.Length > 0; k++) bytes[rng.Next(bytes.Length)] ^= (byte)(1 + rng.Next(255));
                        File.WriteAllBytes(path, bytes);
                        done.Add($"flip {n} byte(s) in {rel}");
                        break;
                    }
                case 1: // delete lines
                    {
                        var n = 1 + rng.Next(3);
                        for (var k = 0; k < n && lines.Count > 0; k++) lines.RemoveAt(rng.Next(lines.Count));
                        File.WriteAllText(path, string.Join('\n', lines));
                        done.Add($"delete {n} line(s) of {rel}");
                        break;
                    }
                case 2: // rename a key
                    {
                        var keyed = lines.Select((l, ix) => (l, ix)).Where(t => Regex.IsMatch(t.l, @"^\s*(- )?[a-z_]+:")).ToList();
                        if (keyed.Count == 0) goto case 1;
                        var (line, ix2) = keyed[rng.Next(keyed.Count)];
                        var key = Regex.Match(line, @"[a-z_]+(?=:)").Value;
                        var renamed = rng.Next(4) switch
                        {
                            0 => Keys[rng.Next(Keys.Length)],
                            1 => key.ToUpperInvariant(),
                            2 => key.Length > 1 ? key[1..] : key + key,
                            _ => key + "s",
                        };
                        lines[ix2] = Regex.Replace(line, @"[a-z_]+(?=:)", renamed, RegexOptions.None, TimeSpan.FromSeconds(1));
                        File.WriteAllText(path, string.Join('\n', lines));
                        done.Add($"rename key '{key}' to '{renamed}' on line {ix2 + 1} of {rel}");
                        break;
                    }
                case 3: // truncate
                    {
                        var at = rng.Next(bytes.Length + 1);
                        File.WriteAllBytes(path, bytes[..at]);
                        done.Add($"truncate {rel} to {at} bytes");
                        break;
                    }
                case 4: // duplicate a line
                    {
                        var ix = rng.Next(lines.Count);
                        lines.Insert(ix, lines[ix]);
                        File.WriteAllText(path, string.Join('\n', lines));
                        done.Add($"duplicate line {ix + 1} of {rel}");
                        break;
                    }
                case 5: // insert a hostile snippet
                    {
                        var text = Encoding.UTF8.GetString(bytes);
                        var at = rng.Next(text.Length + 1);
                        var snippet = Snippets[rng.Next(Snippets.Length)];
                        File.WriteAllText(path, text.Insert(at, snippet));
                        done.Add($"insert {Escape(snippet)} at char {at} of {rel}");
                        break;
                    }
                case 6: // change indentation
                    {
                        var ix = rng.Next(lines.Count);
                        lines[ix] = rng.Next(2) == 0 ? "  " + lines[ix] : lines[ix].TrimStart();
                        File.WriteAllText(path, string.Join('\n', lines));
                        done.Add($"re-indent line {ix + 1} of {rel}");
                        break;
                    }
                case 7: // swap two lines
                    {
                        int a = rng.Next(lines.Count), b = rng.Next(lines.Count);
                        (lines[a], lines[b]) = (lines[b], lines[a]);
                        File.WriteAllText(path, string.Join('\n', lines));
                        done.Add($"swap lines {a + 1} and {b + 1} of {rel}");
                        break;
                    }
                default: // delete the file
                    File.Delete(path);
                    done.Add($"delete {rel}");
                    break;
            }
        }
        return string.Join("; ", done);
    }

    private static string Escape(string s)
    {
        var shown = string.Concat(s.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
        return shown.Length <= 40 ? $"'{shown}'" : $"'{shown[..40]}…' ({s.Length} chars)";
    }
}
