using System.Diagnostics;

namespace Briefing.Bench;

/// <summary>
/// Hugo building the same articles, as a yardstick: a site with one page per article and a list, through the
/// plainest layouts (Debian's package: apt-get install hugo). Its runs take turns with the Briefing programs' runs.
/// </summary>
internal sealed class Hugo
{
    private readonly string _site;

    private Hugo(string site) => _site = site;

    /// <summary>The Hugo site for the articles of <paramref name="input"/>, written under <paramref name="site"/>; null without Hugo.</summary>
    public static Hugo? Prepare(string input, string site)
    {
        if (!File.Exists("/usr/bin/hugo")) { Console.Error.WriteLine("warning: hugo not found (apt-get install hugo): no Hugo column."); return null; }
        if (Directory.Exists(site)) Directory.Delete(site, recursive: true);
        var content = Path.Combine(site, "content", "articles");
        Directory.CreateDirectory(content);
        Directory.CreateDirectory(Path.Combine(site, "layouts", "_default"));
        File.WriteAllText(Path.Combine(site, "hugo.toml"), "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n");
        File.WriteAllText(Path.Combine(site, "layouts", "_default", "single.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n");
        File.WriteAllText(Path.Combine(site, "layouts", "_default", "list.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
        // Hugo reads `url` as the page's own address: the original article's URL goes under another key
        foreach (var file in Directory.EnumerateFiles(Path.Combine(input, "articles"), "*.md"))
            File.WriteAllText(Path.Combine(content, Path.GetFileName(file)), File.ReadAllText(file).Replace("\nurl: ", "\noriginal_url: "));
        return new Hugo(site);
    }

    /// <summary>One build's wall time in seconds, or null when Hugo failed.</summary>
    public double? Once()
    {
        var psi = new ProcessStartInfo("/usr/bin/hugo", ["--quiet", "--destination", Path.Combine(_site, "public"), "--source", _site]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode == 0) return sw.Elapsed.TotalSeconds;
        Console.Error.WriteLine("hugo failed: " + err);
        return null;
    }
}
