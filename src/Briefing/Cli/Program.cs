using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Briefing.Diagnostics;

namespace Briefing.Cli;

public static class Program
{
    public const int Success = 0, ContentErrors = 1, UsageErrors = 2;

    public static int Main(string[] args)
    {
        // The site must not depend on the machine's locale (LANG, LC_ALL): numbers, dates, casing and any comparison
        // not written as ordinal behave as in the invariant culture, on every thread.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        if (!Text.Nfc.Available)
        {
            Console.Error.WriteLine("error: " + Text.Nfc.Unavailable);
            return UsageErrors;
        }
        return Run(args, Console.Out, Console.Error);
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input", "-i") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme", "-t") { Description = "The theme folder.", DefaultValueFactory = _ => "theme" };
        var output = new Option<string>("--output", "-o") { Description = "Where the site is written.", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's public URL, e.g. https://example.org/ or https://user.github.io/repo/ (overrides site.yml)." };
        var drafts = new Option<bool>("--drafts") { Description = "Include articles marked draft: true." };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var timings = new Option<bool>("--timings") { Description = "Print the time each stage took." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print errors only." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every file written and each stage." };
        Option[] common = [input, theme, output, baseUrl, drafts, strict, timings, quiet, verbose];

        BuildOptions Options(ParseResult r, bool write)
        {
            var url = r.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable("BRIEFING_BASE_URL");
            if (url is not null && !Pages.Urls.IsValidBase(url)) throw new UsageException("--base-url " + Pages.Urls.InvalidBaseMessage(url));
            return new()
            {
                InputDir = r.GetValue(input)!,
                ThemeDir = r.GetValue(theme)!,
                OutputDir = r.GetValue(output)!,
                BaseUrl = url,
                Drafts = r.GetValue(drafts),
                Strict = r.GetValue(strict),
                Write = write,
            };
        }

        int RunBuild(ParseResult r, bool write) =>
            BuildAndReport(Options(r, write), write, r.GetValue(quiet), r.GetValue(timings), r.GetValue(verbose), stdout, stderr);

        var build = new Command("build", "Build input/ with theme/ into output/ (the default command).");
        foreach (var opt in common) build.Options.Add(opt);
        build.SetAction(r => RunBuild(r, write: true));

        var check = new Command("check", "Run everything a build runs except writing; exit 1 on any error.");
        foreach (var opt in common) check.Options.Add(opt);
        check.SetAction(r => RunBuild(r, write: false));

        var root = new RootCommand("Briefing: builds the China–Vietnam relations briefing site from input/ and theme/ into output/.");
        foreach (var opt in common) root.Options.Add(opt);
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        foreach (var extra in ExtraCommands.Create(common, Options, stdout, stderr)) root.Subcommands.Add(extra);
        root.SetAction(r => RunBuild(r, write: true));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("Run with --help to see the commands and options.");
            return UsageErrors;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return UsageErrors;
        }
    }

    /// <summary><c>build</c> and <c>check</c>: builds, then prints the diagnostics, the timings asked for and the outcome.</summary>
    private static int BuildAndReport(BuildOptions o, bool write, bool quiet, bool timings, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        // a build that runs for a while shows its stage and count on the terminal, and nothing when output is redirected
        using var progress = quiet || !ReferenceEquals(stderr, Console.Error) ? null
            : Build.TerminalProgress.ForConsole(stderr, Console.IsOutputRedirected, Console.IsErrorRedirected);
        o = o with { KeepFiles = false, Progress = progress }; // stream pages to disk; only the preview keeps them in memory
        var result = new SiteBuilder().Build(o);
        progress?.Dispose(); // the status line is wiped before anything else is printed
        var reporter = new ConsoleReporter(stderr,
            color: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
            githubActions: Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true",
            quiet: quiet);
        reporter.Report(result.Diagnostics);
        if (timings || verbose)
            foreach (var t in result.Timings) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Stage,-10} {t.Milliseconds,8:0.0} ms  (CPU {t.CpuMilliseconds,6:0} ms, GC {t.GcPauseMilliseconds,5:0} ms, {t.AllocatedMegabytes,5:0} MB allocated, peak {t.PeakMegabytes,5:0} MB)"));
        if (timings)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  gc         {GC.GetTotalPauseDuration().TotalMilliseconds,8:0.0} ms paused; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB allocated"));
            if (result.Success)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  templates  {result.PagesWritten - result.PagesInterpreted} pages through the compiled templates, {result.PagesInterpreted} by Scriban's interpreter"));
        }
        if (verbose && write)
            foreach (var f in result.Files) stdout.WriteLine($"  wrote {f.Path}");
        if (!result.Success)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Build failed: {result.Errors} error(s), {result.Warnings} warning(s){(o.Strict && result.Errors == 0 ? " (--strict)" : "")}. {(write ? "The previous output was left untouched." : "")}"));
            return ContentErrors;
        }
        if (write && result.Search && !IndexSearch(o, stderr)) return ContentErrors;
        if (!quiet)
        {
            stdout.WriteLine(write
                ? string.Create(CultureInfo.InvariantCulture, $"Built {result.PagesWritten} pages ({result.FilesWritten} files) in {result.ElapsedMilliseconds:0} ms into {Relative(result.OutputDir)}{Warn(result)}")
                : string.Create(CultureInfo.InvariantCulture, $"Checked {result.PagesWritten} pages in {result.ElapsedMilliseconds:0} ms: no errors{Warn(result)}"));
        }
        return Success;
    }

    /// <summary>Indexes the written site with Pagefind (site.yml's search: true); a failure is reported and fails the build.</summary>
    private static bool IndexSearch(BuildOptions o, TextWriter stderr)
    {
        var (code, output) = Search.Pagefind.Index(o.OutputDir, o.ThemeDir, o.NodeCommand);
        if (code == 0) return true;
        stderr.WriteLine($"{o.ThemeDir}/search/package.json: error {Diagnostics.Codes.SearchUnavailable}: Pagefind could not index {o.OutputDir} (exit code {code}); the pages are written, without a search index. Run 'npm ci' in {o.ThemeDir}/search and build again. Pagefind said:\n{output.Trim()}");
        return false;
    }

    private static string Warn(BuildResult r) => r.Warnings > 0 ? $", {r.Warnings} warning(s)" : "";

    private static string Relative(string path)
    {
        var rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel;
    }

    public static string Version => typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}

/// <summary>A command-line mistake (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
