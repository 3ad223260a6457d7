using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Briefing.Tests.Support;

namespace Briefing.Tests.Publishing;

/// <summary>
/// The release publish for a platform is compiled ahead of time (native AOT), where reflection and generic code work
/// only as far as the compiler saw them: this publishes it and checks the program against the in-process build.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("briefing-aot-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_native_program_builds_the_same_site_and_its_preview_serves_and_rebuilds()
    {
        var publish = Path.Combine(_root, "publish");
        // its own obj/ and bin/ (--artifacts-path): the publish does not touch the working tree's build outputs
        var (code, log) = Run("dotnet", ["publish", Path.Combine(Repo.Root, "src", "Briefing"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "-o", publish, "--artifacts-path", Path.Combine(_root, "artifacts"), "--nologo"], TimeSpan.FromMinutes(10));
        Assert.True(code == 0, "The native AOT publish failed. It needs a C compiler and linker: on Debian, apt-get install -y gcc.\n" + log);
        var program = Path.Combine(publish, OperatingSystem.IsWindows() ? "Briefing.exe" : "Briefing");
        Assert.False(File.Exists(Path.Combine(publish, "Briefing.dll")), "the publish is not native: it has Briefing.dll");

        // every command a build runs: the same bytes as the in-process (JIT-compiled) build
        var input = Path.Combine(_root, "input");
        Folders.Copy(Repo.Input, input);
        (code, log) = Run(program, ["build", "--input", input, "--theme", Repo.Theme, "--output", Path.Combine(_root, "native")], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, log);
        var jit = new SiteBuilder().Build(new BuildOptions { InputDir = input, ThemeDir = Repo.Theme, OutputDir = Path.Combine(_root, "jit") });
        Assert.True(jit.Success);
        SetSearchIndexAside(Path.Combine(_root, "native"));
        Folders.AssertSame(Path.Combine(_root, "jit"), Path.Combine(_root, "native"));
        // nor does the machine's locale change a byte (the program runs in the invariant culture): Turkish casing, German numbers
        foreach (var locale in new[] { "tr_TR.UTF-8", "de_DE.UTF-8" })
        {
            var localised = Path.Combine(_root, "native-" + locale);
            (code, log) = Run(program, ["build", "--input", input, "--theme", Repo.Theme, "--output", localised], TimeSpan.FromMinutes(1), new() { ["LANG"] = locale, ["LC_ALL"] = locale });
            Assert.True(code == 0, log);
            SetSearchIndexAside(localised);
            Folders.AssertSame(Path.Combine(_root, "jit"), localised);
        }

        // the preview (page fingerprints, the server) serves, and rebuilds after an edit
        var port = FreePort();
        using var preview = new Child(program, ["preview", "--input", input, "--theme", Repo.Theme, "--output", Path.Combine(_root, "preview"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        var home = await Poll(http, "", html => html.Contains("<h1", StringComparison.Ordinal), preview);
        Assert.Contains("China", home);
        const string article = "articles/2023-12-13-scmp-new-stage";
        var path = Path.Combine(input, article + ".md");
        var text = File.ReadAllText(path);
        var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        File.WriteAllText(path, text[..body] + "\nA paragraph added while the native preview runs.\n\n" + text[body..]);
        var page = await Poll(http, article + "/", html => html.Contains("A paragraph added while the native preview runs.", StringComparison.Ordinal), preview);
        Assert.Contains("id=\"p-1\"", page);
    }

    /// <summary>GETs the page until <paramref name="done"/> holds (20 seconds at most), failing early if the program ended.</summary>
    private static async Task<string> Poll(HttpClient http, string path, Func<string, bool> done, Child program)
    {
        var last = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            Assert.False(program.Process.HasExited, "the preview ended:\n" + program.Log);
            try { last = await http.GetStringAsync(path); }
            catch (HttpRequestException) { continue; } // not listening yet
            if (done(last)) return last;
        }
        Assert.Fail($"'/{path}' did not show what was expected within 20 s; it served:\n{last[..Math.Min(last.Length, 500)]}");
        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A program started with its output (both streams) collected.</summary>
    private sealed class Child : IDisposable
    {
        private readonly System.Text.StringBuilder _log = new();
        public Process Process { get; }

        public Child(string file, IEnumerable<string> args, Dictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
            foreach (var a in args) info.ArgumentList.Add(a);
            foreach (var (key, value) in environment ?? []) info.Environment[key] = value;
            // a child `dotnet` must not inherit the test host's MSBuild and test-platform settings
            foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
                info.Environment.Remove(key);
            Process = new Process { StartInfo = info };
            Process.OutputDataReceived += (_, e) => Add(e.Data);
            Process.ErrorDataReceived += (_, e) => Add(e.Data);
            Process.Start();
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        private void Add(string? line)
        {
            if (line is null) return;
            lock (_log) _log.AppendLine(line);
        }

        public string Log { get { lock (_log) return _log.ToString(); } }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    private static (int Code, string Log) Run(string file, IEnumerable<string> args, TimeSpan timeout, Dictionary<string, string>? environment = null)
    {
        using var child = new Child(file, args, environment);
        if (!child.Process.WaitForExit(timeout)) return (-1, $"{file} did not finish within {timeout.TotalMinutes} min.\n{child.Log}");
        child.Process.WaitForExit(); // the output is read to its end
        return (child.Process.ExitCode, child.Log);
    }

    /// <summary>
    /// The command line indexes the site it wrote with Pagefind (site.yml: search: true), which the in-process build
    /// does not: the index must be there, and is then left out of the byte-for-byte comparison.
    /// </summary>
    private static void SetSearchIndexAside(string output)
    {
        Assert.True(File.Exists(Path.Combine(output, "pagefind", "pagefind.js")), "the native build indexed the site");
        Directory.Delete(Path.Combine(output, "pagefind"), recursive: true);
    }
}
