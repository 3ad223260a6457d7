using System.Diagnostics;
using Briefing.Preview;
using Microsoft.Playwright;

namespace Briefing.Browser.Tests;

/// <summary>
/// Builds the real briefing (input/ + theme/) once, serves it with the project's own Kestrel host on 127.0.0.1,
/// and starts Debian's Chromium through Playwright (no browser download). Shared by every browser test.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public SiteHost? Host { get; private set; }
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }
    public BuildResult? Build { get; private set; }
    public string OutputDir { get; } = Path.Combine(Path.GetTempPath(), "briefing-browser-" + Guid.NewGuid().ToString("N")[..10]);
    public static string ArtifactsDir { get; } = Path.Combine(RepoRoot, "tests", "Briefing.Browser.Tests", "artifacts");

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Briefing.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Briefing.sln).");
        }
    }

    /// <summary>Headers applied to every response (the CSP from netlify.toml, once publishing lands).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers => NetlifyHeaders.ForHtml(Path.Combine(RepoRoot, "netlify.toml"));

    public async Task InitializeAsync()
    {
        Build = new SiteBuilder().Build(new BuildOptions
        {
            InputDir = Path.Combine(RepoRoot, "input"),
            ThemeDir = Path.Combine(RepoRoot, "theme"),
            OutputDir = OutputDir,
            BaseUrl = "https://briefing.example/",
        });
        if (!Build.Success) throw new InvalidOperationException("The real site does not build:\n" + string.Join("\n", Build.Diagnostics));
        Build = Build with { Files = [.. Build.Files, .. PagedBuild()] };
        if (Build.Search)
        {
            // as the command line does after a build: Pagefind indexes the written site, and the index is served too
            var (code, output) = Briefing.Search.Pagefind.Index(OutputDir, Path.Combine(RepoRoot, "theme"), "node");
            if (code != 0) throw new InvalidOperationException("Pagefind could not index the site:\n" + output);
            Build = Build with { Files = [.. Build.Files, .. Briefing.Search.Pagefind.Files(OutputDir)] };
        }
        Host = new SiteHost(new SiteSnapshot(Build.Files, 1), port: 0, liveReload: false, headers: Headers);
        await Host.StartAsync();
        EnsureChromium();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ArtifactsDir);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        try { if (Directory.Exists(OutputDir)) Directory.Delete(OutputDir, true); } catch (IOException) { }
    }

    /// <summary>Where the real briefing built with one item per page is served, so that every paginated page is checked too.</summary>
    public const string PagedPrefix = "/paged/";

    /// <summary>The real briefing with <c>page_size: 1</c>, under <see cref="PagedPrefix"/>: every list of it is paginated.</summary>
    private List<Briefing.Pages.OutputFile> PagedBuild()
    {
        var input = Path.Combine(OutputDir + "-paged-input");
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, "input"), "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(input, Path.GetRelativePath(Path.Combine(RepoRoot, "input"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        // every list paginated; the search index is the real briefing's, not this copy's
        var siteYml = Path.Combine(input, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("search: true", "search: false", StringComparison.Ordinal) + "\npage_size: 1\n");
        try
        {
            var paged = new SiteBuilder().Build(new BuildOptions { InputDir = input, ThemeDir = Path.Combine(RepoRoot, "theme"), OutputDir = OutputDir + "-paged", Write = false, BaseUrl = "https://briefing.example" + PagedPrefix });
            if (!paged.Success) throw new InvalidOperationException("The real site with page_size: 1 does not build:\n" + string.Join("\n", paged.Diagnostics));
            return paged.Files.Select(f => f with { Path = PagedPrefix.TrimStart('/') + f.Path }).ToList();
        }
        finally { Directory.Delete(input, true); }
    }

    /// <summary>
    /// Every HTML page of the real briefing as a URL path, e.g. "/articles/x/", and one of each kind of the paginated
    /// build (its other pages differ only in their items; the link, anchor and HTML checks read all of them).
    /// </summary>
    public IReadOnlyList<string> HtmlPages => [.. AllHtmlPages.Where(p => !p.StartsWith(PagedPrefix, StringComparison.Ordinal)), .. PageTypes.Select(p => p.Path).Where(p => p.StartsWith(PagedPrefix, StringComparison.Ordinal))];

    private IReadOnlyList<string> AllHtmlPages => Build!.Files
        .Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
        .Select(f => "/" + (f.Path.EndsWith("index.html", StringComparison.Ordinal) ? f.Path[..^"index.html".Length] : f.Path))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>One page of each kind: home, topic, article, compare, pair, timeline, glossary, sources, 404, brief, corrections, words, search, and each kind of page of a paginated list.</summary>
    public IReadOnlyList<(string Kind, string Path)> PageTypes
    {
        get
        {
            var pages = AllHtmlPages;
            var list = new List<(string, string)> { ("home", "/") };
            void Add(string kind, Func<string, bool> match) { if (pages.FirstOrDefault(match) is { } p) list.Add((kind, p)); }
            Add("topic", p => p.StartsWith("/topics/", StringComparison.Ordinal));
            Add("article", p => p.StartsWith("/articles/", StringComparison.Ordinal));
            Add("compare", p => p == "/compare/");
            Add("pair", p => p.StartsWith("/compare/", StringComparison.Ordinal) && p.Contains("--", StringComparison.Ordinal));
            Add("timeline", p => p == "/timeline/");
            Add("glossary", p => p == "/glossary/");
            Add("sources", p => p == "/sources/");
            Add("404", p => p == "/404.html");
            // the pages of lists longer than a page (issue 23)
            Add("topic-paged", p => p == PagedPrefix + "topics/us-ties/");
            Add("topic-paged-2", p => p == PagedPrefix + "topics/us-ties/page/2/");
            Add("sources-paged", p => p == PagedPrefix + "sources/");
            Add("source-articles", p => p == PagedPrefix + "sources/scmp/page/2/");
            Add("compare-summary", p => p == PagedPrefix + "compare/");
            Add("compare-claims", p => p == PagedPrefix + "compare/topics/us-ties/page/2/");
            Add("compare-shared-wording", p => p == PagedPrefix + "compare/shared-wording/");
            Add("compare-exclusive", p => p == PagedPrefix + "compare/exclusive/page/2/");
            Add("compare-angles", p => p == PagedPrefix + "compare/angles/page/2/");
            Add("timeline-paged", p => p == PagedPrefix + "timeline/page/2/");
            Add("brief", p => p.StartsWith("/topics/", StringComparison.Ordinal) && p.EndsWith("/brief/", StringComparison.Ordinal));
            Add("corrections", p => p == "/corrections/");
            Add("words", p => p == "/compare/words/");
            Add("search", p => p == "/search/");
            return list;
        }
    }

    public string Url(string path) => new Uri(Host!.Address, path).ToString();

    private static void EnsureChromium()
    {
        if (File.Exists(ChromiumPath)) return;
        var canApt = Environment.UserName == "root" && File.Exists("/usr/bin/apt-get");
        if (canApt)
        {
            Run("apt-get", "update -qq");
            Run("apt-get", "install -y -qq chromium");
        }
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Install Debian's package: sudo apt-get install -y chromium (the browser tests never download a browser).");
    }

    internal static (int Code, string Output) Run(string file, string args, string? workingDir = null, int timeoutMs = 600_000)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDir ?? Environment.CurrentDirectory };
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{file} {args} did not finish in {timeoutMs / 1000} s."); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

[CollectionDefinition("site")]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>;
