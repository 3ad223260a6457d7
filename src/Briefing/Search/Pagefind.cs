using System.Diagnostics;
using Briefing.Pages;

namespace Briefing.Search;

/// <summary>
/// The site's search index: Pagefind (npm package <c>pagefind</c>, pinned in theme/search/package.json), run with
/// Node.js on the written output after a build, into output/pagefind/.
/// </summary>
public static class Pagefind
{
    /// <summary>The folder of the pinned package, under the theme.</summary>
    public static string PackageDir(string themeDir) => Path.Combine(themeDir, "search");

    private static string Runner(string themeDir) => Path.Combine(PackageDir(themeDir), "node_modules", "pagefind", "lib", "runner", "bin.cjs");

    /// <summary>The full path of <paramref name="command"/> found on PATH (or as given, when it is a path), or null.</summary>
    public static string? FindOnPath(string command)
    {
        if (command.Contains('/') || command.Contains('\\')) return File.Exists(command) ? Path.GetFullPath(command) : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(dir, command);
            if (File.Exists(full)) return full;
            if (OperatingSystem.IsWindows() && File.Exists(full + ".exe")) return full + ".exe";
        }
        return null;
    }

    /// <summary>Why the index cannot be made here (with how to fix it), or null when it can.</summary>
    public static string? Problem(string themeDir, string nodeCommand)
    {
        var package = PackageDir(themeDir).Replace('\\', '/');
        if (FindOnPath(nodeCommand) is null)
            return $"site.yml asks for search (search: true), but Node.js, which runs the Pagefind indexer, is not installed (no '{nodeCommand}' on PATH). Install Node.js 18 or later (Debian or Ubuntu: sudo apt-get install nodejs npm; otherwise from nodejs.org), then run 'npm ci' in {package}. The site is built without search.";
        if (!File.Exists(Runner(themeDir)))
            return $"site.yml asks for search (search: true), but Pagefind is not installed. Run 'npm ci' in {package} (it installs the pinned version). The site is built without search.";
        return null;
    }

    /// <summary>Indexes the written site in <paramref name="outputDir"/>; the exit code and what Pagefind printed.</summary>
    public static (int Code, string Output) Index(string outputDir, string themeDir, string nodeCommand)
    {
        // Pagefind adds its files beside those of an earlier run: an index made again starts from an empty folder
        var old = Path.Combine(outputDir, "pagefind");
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        var psi = new ProcessStartInfo(FindOnPath(nodeCommand) ?? nodeCommand) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.GetFullPath(Runner(themeDir)));
        psi.ArgumentList.Add("--site");
        psi.ArgumentList.Add(Path.GetFullPath(outputDir));
        using var p = Process.Start(psi) ?? throw new IOException("Node.js could not be started.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The index's files (output/pagefind/…), for a server that serves the site from memory.</summary>
    public static IReadOnlyList<OutputFile> Files(string outputDir)
    {
        var dir = Path.Combine(outputDir, "pagefind");
        if (!Directory.Exists(dir)) return [];
        var root = Path.GetFullPath(outputDir);
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new OutputFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f))).ToList();
    }
}
