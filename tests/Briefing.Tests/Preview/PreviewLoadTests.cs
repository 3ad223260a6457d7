using System.Net;
using System.Text.RegularExpressions;
using Briefing.Diagnostics;
using Briefing.Preview;
using Briefing.Tests.Support;

namespace Briefing.Tests.Preview;

/// <summary>Preview under load: concurrent requests on loopback while the site rebuilds, no failure, no torn page.</summary>
public sealed class PreviewLoadTests
{
    [Fact]
    public async Task Two_hundred_concurrent_clients_during_twenty_rebuilds_see_only_whole_pages_from_one_build()
    {
        using var site = new TestSite();
        var sitePath = Path.Combine(site.Input, "site.yml");
        var siteYml = File.ReadAllText(sitePath);
        // saved the way editors save (a temporary file renamed over the old one): a rebuild that starts while
        // WriteAllText is half done would read a cut-off title ("Test briefing v") and serve a whole page without a version
        void Version(int n)
        {
            var temp = sitePath + ".tmp";
            File.WriteAllText(temp, siteYml.Replace("title: Test briefing", $"title: Test briefing v{n}"));
            File.Move(temp, sitePath, overwrite: true);
        }
        Version(0);
        var log = new StringWriter();
        await using var s = new PreviewSession(new BuildOptions { InputDir = site.Input, ThemeDir = site.Theme, OutputDir = site.Output }, 0, log, new ConsoleReporter(log, false, false))
        { Debounce = TimeSpan.FromMilliseconds(30) };
        await s.StartAsync();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler) { BaseAddress = s.Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        string[] paths = ["/", "/topics/security-cooperation/", "/articles/2023-12-13-alpha/", "/compare/", "/timeline/", "/glossary/"];
        var done = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var versionsSeen = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        var requests = 0;

        async Task Client(int id)
        {
            for (var i = 0; i < 60 && !done.IsCancellationRequested; i++)
            {
                var path = paths[(id + i) % paths.Length];
                try
                {
                    using var response = await http.GetAsync(path);
                    Interlocked.Increment(ref requests);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{path}: HTTP {(int)response.StatusCode}"); continue; }
                    if (!body.TrimEnd().EndsWith("</html>", StringComparison.Ordinal)) { failures.Add($"{path}: truncated page"); continue; }
                    var versions = Regex.Matches(body, @"Test briefing v(\d+)").Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
                    if (versions.Count != 1) failures.Add($"{path}: versions {string.Join(",", versions)} in one page");
                    else versionsSeen.TryAdd(versions[0], 0);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    failures.Add($"{path}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        var clients = Enumerable.Range(0, 200).Select(i => Task.Run(() => Client(i))).ToList();
        for (var n = 1; n <= 20; n++)
        {
            var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Handler(BuildResult _) => rebuilt.TrySetResult();
            s.Rebuilt += Handler;
            Version(n);
            await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));
            s.Rebuilt -= Handler;
        }
        var afterRebuilds = s.Rebuilds;
        done.CancelAfter(TimeSpan.FromSeconds(2));
        await Task.WhenAll(clients);

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.True(afterRebuilds >= 21, $"only {afterRebuilds} builds");
        Assert.True(requests >= 1000, $"only {requests} requests");
        Assert.True(versionsSeen.Count >= 2, "clients saw only one build");
    }
}
