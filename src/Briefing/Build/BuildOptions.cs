using Briefing.Diagnostics;
using Briefing.Pages;
using Briefing.Rendering;

namespace Briefing;

public sealed record BuildOptions
{
    public string InputDir { get; init; } = "input";
    public string ThemeDir { get; init; } = "theme";
    public string OutputDir { get; init; } = "output";
    public string? BaseUrl { get; init; }
    public bool Drafts { get; init; }
    public bool Strict { get; init; }
    /// <summary>False for <c>check</c>: everything but writing.</summary>
    public bool Write { get; init; } = true;
    /// <summary>Test hook passed to the writer.</summary>
    public Action<int>? BeforeEachFile { get; init; }
    /// <summary>
    /// Keep every output file's bytes in <see cref="BuildResult.Files"/> (the preview serves them from memory, tests read
    /// them). The command line turns this off: each page is written as soon as it is rendered and only its path is kept.
    /// </summary>
    public bool KeepFiles { get; init; } = true;
    /// <summary>Told each stage as it begins, and the files loaded and pages rendered as they are done (the command line's progress line).</summary>
    public Build.IBuildProgress? Progress { get; init; }
    /// <summary>The most URLs in one sitemap file before the sitemap is split under an index (tests set a small one).</summary>
    public int SitemapMaxUrls { get; init; } = Feeds.SitemapMaxUrls;
    /// <summary>
    /// Render every page with Scriban's interpreter, not through the compiled templates: the reference that the
    /// differential tests compare the compiled pages with.
    /// </summary>
    public bool InterpretTemplates { get; init; }
    /// <summary>The Node.js command that runs Pagefind when site.yml asks for search (a seam for tests).</summary>
    public string NodeCommand { get; init; } = "node";
}

/// <summary>A stage's wall time, the CPU time the whole process used meanwhile (all cores, the GC included), the bytes it
/// allocated, the process's peak resident memory so far (0 where the system does not tell), and how long the GC paused
/// the program meanwhile.</summary>
public sealed record StageTiming(string Stage, double Milliseconds, double CpuMilliseconds = 0, double AllocatedMegabytes = 0, double PeakMegabytes = 0, double GcPauseMilliseconds = 0);

public sealed record BuildResult(bool Success, IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, int FilesWritten,
    IReadOnlyList<StageTiming> Timings, string OutputDir, double ElapsedMilliseconds, IReadOnlyList<OutputFile> Files)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    /// <summary>The path the site lives under (from <c>--base-url</c> or <c>site.yml</c>'s <c>base_url</c>), e.g. "/repo/".</summary>
    public string BasePath { get; init; } = "/";
    /// <summary>How many pages Scriban's interpreter rendered rather than the compiled templates (a theme's construct they leave to it).</summary>
    public int PagesInterpreted { get; init; }
    /// <summary>The pages carry the search box: the written site is to be indexed with Pagefind (<see cref="Search.Pagefind"/>).</summary>
    public bool Search { get; init; }
}
