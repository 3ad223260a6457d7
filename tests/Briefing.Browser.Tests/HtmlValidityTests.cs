using System.Text.Json;

namespace Briefing.Browser.Tests;

/// <summary>The W3C Nu HTML Checker (vnu.jar, from npm) over every page: zero errors.</summary>
[Collection("site")]
public sealed class HtmlValidityTests(SiteFixture site)
{
    private static string VnuJar => Path.Combine(SiteFixture.RepoRoot, "tests", "Briefing.Browser.Tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public void Every_page_passes_the_nu_html_checker()
    {
        EnsureVnu();
        var dir = Path.Combine(Path.GetTempPath(), "briefing-vnu-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var f in site.Build!.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var path = Path.Combine(dir, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, f.Content);
        }
        try
        {
            var (code, output) = SiteFixture.Run("java", $"-jar \"{VnuJar}\" --errors-only --format json --stdout --skip-non-html \"{dir}\"", timeoutMs: 300_000);
            var json = output[output.IndexOf('{')..];
            using var doc = JsonDocument.Parse(json);
            var errors = doc.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{m.GetProperty("url").GetString()!.Replace("file:", "").Replace(dir, "")}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(40)));
            Assert.Equal(0, code);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void EnsureVnu()
    {
        if (File.Exists(VnuJar)) return;
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(VnuJar)))))!;
        try { SiteFixture.Run("npm", "ci --no-audit --no-fund", folder); } catch (System.ComponentModel.Win32Exception) { }
        Assert.True(File.Exists(VnuJar), $"The Nu HTML Checker is missing: run 'npm ci' in tests/Briefing.Browser.Tests (needs Node.js and npm) and install Java (apt-get install -y default-jre-headless).");
    }
}
