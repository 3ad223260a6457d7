using System.Diagnostics;

namespace Briefing.Bench;

/// <summary>
/// Hugo building the same articles, as a yardstick: a site with one page per article and a list, through the
/// plainest layouts (Debian's package: apt-get install hugo). Reports the median wall time of whole runs.
/// </summary>
internal static class Hugo
{
    public static double? Measure(string input, string site, int runs)
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
        var walls = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var psi = new ProcessStartInfo("/usr/bin/hugo", ["--quiet", "--destination", Path.Combine(site, "public"), "--source", site]) { RedirectStandardOutput = true, RedirectStandardError = true };
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) { Console.Error.WriteLine("hugo failed: " + err); return null; }
            walls.Add(sw.Elapsed.TotalSeconds);
        }
        walls.Sort();
        return walls[walls.Count / 2];
    }
}
