using System.Diagnostics;
using System.Globalization;
using Briefing.Content;
using Briefing.Diagnostics;

namespace Briefing.Preview;

/// <summary>
/// <c>preview</c>: build, serve on 127.0.0.1 with live reload, watch input/ and theme/, rebuild on change.
/// Bursts of file events (an editor's temp-file-and-rename save, two quick saves) become one rebuild; a file
/// still locked or half-written is retried before its error is shown. While a rebuild has failed, the browser gets the
/// last good pages under a banner that links to the errors, and each article with errors as it now is; output/ keeps
/// the last good build.
/// </summary>
public sealed class PreviewSession : IAsyncDisposable
{
    private readonly BuildOptions _options;
    private readonly TextWriter _out;
    private readonly ConsoleReporter _reporter;
    private readonly SiteBuilder _builder;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _version;
    private long _lastEventTicks;

    public SiteHost Host { get; }
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(150);
    public int Rebuilds { get; private set; }
    /// <summary>Raised after each rebuild (tests wait on it).</summary>
    public event Action<BuildResult>? Rebuilt;
    public ArticleCache Cache { get; } = new();

    /// <param name="allowHosts">Host names answered besides 127.0.0.1, localhost and [::1] (<c>--allow-host</c>).</param>
    public PreviewSession(BuildOptions options, int port, TextWriter stdout, ConsoleReporter reporter, IEnumerable<string>? allowHosts = null)
    {
        _options = options;
        _out = TextWriter.Synchronized(stdout); // rebuilds and refused requests report from different threads
        _reporter = reporter;
        _builder = new SiteBuilder(Cache);
        var (first, firstResult) = BuildOnce();
        if (firstResult.Success && firstResult.Search) first = IndexSearch(first);
        // the site is served under its base URL's path, as it will be published: each build's snapshot carries it
        Host = new SiteHost(first, port, liveReload: true, hosts: new HostFilter(allowHosts, _out));
    }

    public async Task StartAsync()
    {
        await Host.StartAsync();
        foreach (var dir in new[] { _options.InputDir, _options.ThemeDir }.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(Path.GetFullPath(dir))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            w.Changed += OnChange;
            w.Created += OnChange;
            w.Deleted += OnChange;
            w.Renamed += OnChange;
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
        _loop = Task.Run(Loop);
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var name = Path.GetFileName(e.FullPath);
        if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal)) return;
        Interlocked.Exchange(ref _lastEventTicks, Stopwatch.GetTimestamp());
        _signal.Release();
    }

    /// <summary>Asks for a rebuild as if a file had changed.</summary>
    public void Touch()
    {
        Interlocked.Exchange(ref _lastEventTicks, Stopwatch.GetTimestamp());
        _signal.Release();
    }

    private async Task Loop()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await _signal.WaitAsync(token);
                // wait until the burst of events has been quiet for the debounce interval
                while (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastEventTicks)) < Debounce)
                    await Task.Delay(Debounce / 3, token);
                while (_signal.CurrentCount > 0) await _signal.WaitAsync(token);
                var (snapshot, result) = BuildOnce();
                Host.Publish(snapshot);
                // raised only once the new snapshot (or error page) is what the server answers with
                Rebuilt?.Invoke(result);
                // the pages are live; the search index follows them
                if (result.Success && result.Search) Host.Publish(IndexSearch(snapshot));
            }
        }
        catch (OperationCanceledException) { }
    }

    private (SiteSnapshot, BuildResult) BuildOnce()
    {
        var sw = Stopwatch.StartNew();
        BuildResult result = _builder.Build(_options);
        for (var attempt = 1; attempt <= 3 && !result.Success && result.Diagnostics.Any(d => d.Code == Codes.Unreadable); attempt++)
        {
            Thread.Sleep(100 * attempt); // a file may still be locked or mid-rename by the editor
            result = _builder.Build(_options);
        }
        var version = Interlocked.Increment(ref _version);
        Rebuilds++;
        _reporter.Report(result.Diagnostics);
        var parsed = Cache.TakeMisses();
        var ms = sw.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var now = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        _out.WriteLine(result.Success
            ? $"[{now}] rebuilt {result.PagesWritten} pages in {ms} ms ({parsed} article(s) parsed, {_builder.LastRendered} rendered)"
            : $"[{now}] build failed in {ms} ms: {result.Errors} error(s); the browser shows the last good pages with a link to them, the last good build stays on disk");
        if (result.Success) return (new SiteSnapshot(result.Files, version, basePath: result.BasePath), result);
        var previous = Host?.Snapshot ?? new SiteSnapshot([], 0);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        return (previous.WithErrors(errors, version, DraftPages.Make(_options.InputDir, errors)), result);
    }

    /// <summary>
    /// Indexes the written pages with Pagefind and serves the index with them (the same version: no reload). A failure
    /// is reported; the pages stay served without a fresh index.
    /// </summary>
    private SiteSnapshot IndexSearch(SiteSnapshot pages)
    {
        var (code, output) = Search.Pagefind.Index(_options.OutputDir, _options.ThemeDir, _options.NodeCommand);
        if (code != 0)
        {
            _out.WriteLine($"search: Pagefind could not index the preview (exit code {code}): {output.Trim()}");
            return pages;
        }
        var files = pages.Files.Where(kv => !kv.Key.StartsWith("pagefind/", StringComparison.Ordinal)).Select(kv => new Pages.OutputFile(kv.Key, kv.Value));
        return new SiteSnapshot([.. files, .. Search.Pagefind.Files(_options.OutputDir)], pages.Version, basePath: pages.BasePath);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (var w in _watchers) w.Dispose();
        if (_loop is not null) await _loop;
        await Host.DisposeAsync();
        _stop.Dispose();
    }
}
