using System.Diagnostics;
using Briefing.Tests.Support;

namespace Briefing.Tests.Publishing;

public sealed class NetlifyTests
{
    private static NetlifyConfig Config => NetlifyConfig.Parse(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")));

    [Fact]
    public void Netlify_builds_with_the_build_script_and_publishes_output()
    {
        Assert.Equal("bash .ci/netlify-build", Config.Command);
        Assert.Equal("output", Config.Publish);
        Assert.True(File.Exists(Path.Combine(Repo.Root, ".ci", "netlify-build")));
    }

    [Fact]
    public void Html_gets_a_strict_csp_and_the_security_headers_and_is_revalidated()
    {
        var h = Config.HeadersFor("/articles/x/").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        var csp = h["Content-Security-Policy"];
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        // Pagefind's WebAssembly needs 'wasm-unsafe-eval' in script-src, and nothing more is allowed for it
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(csp, "wasm-unsafe-eval"));
        Assert.Equal("nosniff", h["X-Content-Type-Options"]);
        Assert.Equal("strict-origin-when-cross-origin", h["Referrer-Policy"]);
        Assert.Contains("camera=()", h["Permissions-Policy"]);
        Assert.Equal("public, max-age=0, must-revalidate", h["Cache-Control"]);
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_for_a_year()
    {
        var h = Config.HeadersFor("/assets/site.0123456789.css").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("public, max-age=31536000, immutable", h["Cache-Control"]);
        Assert.Contains("script-src 'self'", h["Content-Security-Policy"]);
    }

    [Fact]
    public void Later_header_rules_replace_earlier_values_for_the_same_header()
    {
        var c = NetlifyConfig.Parse("[[headers]]\nfor = \"/*\"\n[headers.values]\nCache-Control = \"no-cache\"\nX = \"1\"\n[[headers]]\nfor = \"/assets/*\"\n[headers.values]\nCache-Control = \"immutable\"\n");
        Assert.Contains(c.HeadersFor("/assets/site.css"), h => h.Key == "Cache-Control" && h.Value == "immutable");
        Assert.Contains(c.HeadersFor("/assets/site.css"), h => h.Key == "X");
        Assert.Contains(c.HeadersFor("/index.html"), h => h.Key == "Cache-Control" && h.Value == "no-cache");
    }

    [Fact]
    public void A_toml_syntax_error_is_not_read_as_an_empty_configuration()
    {
        Assert.Throws<Tomlyn.TomlException>(() => NetlifyConfig.Parse("[build]\ncommand = \"unclosed\n"));
    }

    [Fact]
    public void Pages_have_no_inline_script_or_style_that_the_csp_would_block()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Success);
        foreach (var f in Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(f);
            Assert.DoesNotMatch("<script(?![^>]*(src=|type=\"application/ld\\+json\"))", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
        }
    }

    [Fact]
    public void The_404_page_is_at_the_root_with_site_absolute_links()
    {
        using var site = new TestSite();
        Assert.True(site.Build(baseUrl: "https://user.github.io/repo/").Success);
        var html = site.Page("404.html");
        Assert.Contains("href=\"/repo/assets/site.", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);
        Assert.DoesNotContain("404.html", site.Page("sitemap.xml"));
    }

    [Fact]
    public void Redirect_from_generates_netlify_redirects()
    {
        using var site = new TestSite();
        var path = Path.Combine(site.Input, "articles", "2023-12-14-beta.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("topics:", "redirect_from: [/old/beta/, /2023/beta.html]\ntopics:"));
        Assert.True(site.Build().Success);
        Assert.Equal("/old/beta/ /articles/2023-12-14-beta/ 301\n/2023/beta.html /articles/2023-12-14-beta/ 301\n", site.Page("_redirects"));
        Assert.True(site.Build(baseUrl: "https://user.github.io/repo/").Success);
        Assert.StartsWith("/repo/old/beta/ /repo/articles/2023-12-14-beta/ 301\n", site.Page("_redirects"));
    }

    [Fact]
    public void Path_prefix_build_has_no_link_outside_the_prefix()
    {
        using var site = new TestSite();
        Assert.True(site.Build(baseUrl: "https://user.github.io/repo/").Success);
        foreach (var f in Directory.GetFiles(site.Output, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html") || f.EndsWith(".xml") || f.EndsWith(".txt")))
        {
            var text = File.ReadAllText(f);
            Assert.DoesNotMatch("(href|src)=\"/(?!repo/)", text);
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "https://user\\.github\\.io[^\"<\\s]*"))
                Assert.StartsWith("https://user.github.io/repo/", m.Value);
        }
        Assert.Contains("<loc>https://user.github.io/repo/articles/2023-12-13-alpha/</loc>", site.Page("sitemap.xml"));
        Assert.Contains("href=\"https://user.github.io/repo/feed.xml\"", site.Page("feed.xml"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Build_script_uses_the_installed_sdk_downloads_nothing_and_uses_deploy_prime_url()
    {
        using var site = new TestSite();
        var shims = Path.Combine(site.Root, "shims");
        Directory.CreateDirectory(shims);
        var marker = Path.Combine(site.Root, "downloaded");
        foreach (var tool in new[] { "curl", "wget" })
        {
            var shim = Path.Combine(shims, tool);
            File.WriteAllText(shim, $"#!/bin/sh\necho \"$0 $@\" >> '{marker}'\nexit 1\n");
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var output = Path.Combine(site.Root, "netlify-output");
        var psi = new ProcessStartInfo("bash", Path.Combine(Repo.Root, ".ci", "netlify-build")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = site.Root };
        psi.Environment["PATH"] = shims + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["CONTEXT"] = "deploy-preview";
        psi.Environment["URL"] = "https://briefing.example.org";
        psi.Environment["DEPLOY_PRIME_URL"] = "https://deploy-preview-42--briefing.netlify.app";
        psi.Environment["BRIEFING_OUTPUT"] = output;
        psi.Environment["NETLIFY_CACHE_DIR"] = Path.Combine(site.Root, "cache");
        var (exitCode, stdout, stderr) = await RunScript(psi);
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.False(File.Exists(marker), "the script tried to download: " + (File.Exists(marker) ? File.ReadAllText(marker) : ""));
        Assert.Contains("using dotnet", stdout);
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("<link rel=\"canonical\" href=\"https://deploy-preview-42--briefing.netlify.app/\">", home);
        Assert.Contains("<loc>https://deploy-preview-42--briefing.netlify.app/articles/", File.ReadAllText(Path.Combine(output, "sitemap.xml")));
        Assert.Contains("https://deploy-preview-42--briefing.netlify.app/feed.xml", File.ReadAllText(Path.Combine(output, "feed.xml")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Build_script_restores_in_locked_mode_so_a_drifted_dependency_fails_with_nu1004()
    {
        using var site = new TestSite();
        // a clone with what a restore reads, and one package version changed without refreshing the lock file
        var clone = Path.Combine(site.Root, "clone");
        foreach (var file in new[] { ".ci/netlify-build", "global.json", "nuget.config", "Directory.Build.props", "src/Briefing/Briefing.csproj", "src/Briefing/packages.lock.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(clone, file))!);
            File.Copy(Path.Combine(Repo.Root, file), Path.Combine(clone, file));
        }
        var project = Path.Combine(clone, "src", "Briefing", "Briefing.csproj");
        var lockFile = File.ReadAllText(Path.Combine(clone, "src", "Briefing", "packages.lock.json"));
        var csproj = File.ReadAllText(project);
        var markdig = System.Text.RegularExpressions.Regex.Match(csproj, "Include=\"Markdig\" Version=\"([0-9.]+)\"");
        Assert.True(markdig.Success, "Briefing.csproj has no Markdig version to change");
        Assert.Contains($"\"resolved\": \"{markdig.Groups[1].Value}\"", lockFile);
        File.WriteAllText(project, csproj.Replace(markdig.Value, "Include=\"Markdig\" Version=\"1.0.0\"", StringComparison.Ordinal));

        var output = Path.Combine(site.Root, "netlify-output");
        var psi = new ProcessStartInfo("bash", Path.Combine(clone, ".ci", "netlify-build")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = site.Root };
        psi.Environment.Remove("CI"); // the script itself must lock the restore, not CI's environment
        psi.Environment.Remove("NETLIFY");
        psi.Environment["BRIEFING_OUTPUT"] = output;
        psi.Environment["NETLIFY_CACHE_DIR"] = Path.Combine(site.Root, "cache");
        var (exitCode, stdout, stderr) = await RunScript(psi);
        var log = stdout + stderr;
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error NU1004", log);
        Assert.Contains("Markdig", log);
        Assert.False(Directory.Exists(output), "the build went on after the failed restore");
        Assert.Equal(lockFile, File.ReadAllText(Path.Combine(clone, "src", "Briefing", "packages.lock.json")));
    }

    /// <summary>Runs the build script to its end (five minutes at most), with both its outputs.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScript(ProcessStartInfo psi)
    {
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdoutTask, await stderrTask);
    }
}
