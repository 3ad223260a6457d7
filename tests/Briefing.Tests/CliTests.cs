using Briefing.Cli;
using Briefing.Tests.Support;

namespace Briefing.Tests;

public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Build_prints_one_summary_line_and_exits_zero()
    {
        using var site = new TestSite();
        var (code, stdout, stderr) = Run("--input", site.Input, "--theme", site.Theme, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.Matches(@"^Built \d+ pages \(\d+ files\) in \d+ ms into .+\n$", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Build_spelled_out_is_the_same_command()
    {
        using var site = new TestSite();
        var (code, stdout, _) = Run("build", "--input", site.Input, "--theme", site.Theme, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.StartsWith("Built ", stdout);
    }

    [Fact]
    public void Timings_print_each_stage()
    {
        using var site = new TestSite();
        var (_, stdout, _) = Run("build", "--timings", "--input", site.Input, "--theme", site.Theme, "--output", site.Output);
        foreach (var stage in new[] { "load", "validate", "analyse", "plan", "render", "write" })
            Assert.Matches($@"(?m)^  {stage} +\d+\.\d ms  \(CPU +\d+ ms, GC +\d+ ms, +\d+ MB allocated, peak +\d+ MB\)$", stdout);
        Assert.Matches(@"(?m)^  gc +\d+\.\d ms paused; collections gen0 \d+, gen1 \d+, gen2 \d+; \d+ MB allocated$", stdout);
    }

    [Fact]
    public void Content_errors_exit_one_with_diagnostics_on_stderr()
    {
        using var site = new TestSite();
        site.Write("claims.yml", "- id: Bad\n  topic: maritime-disputes\n  text: x\n");
        var (code, _, stderr) = Run("check", "--input", site.Input, "--theme", site.Theme);
        Assert.Equal(1, code);
        Assert.Matches(@"claims\.yml\(1,\d+\): error BRF030: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Check_exits_zero_and_writes_nothing_on_a_valid_site()
    {
        using var site = new TestSite();
        var (code, stdout, _) = Run("check", "--input", site.Input, "--theme", site.Theme, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.StartsWith("Checked ", stdout);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("www.example.org")]
    [InlineData("ftp://example.org/")]
    public void A_base_url_option_that_is_neither_an_address_nor_a_path_is_a_usage_error(string url)
    {
        using var site = new TestSite();
        var (code, _, stderr) = Run("build", "--base-url", url, "--input", site.Input, "--theme", site.Theme, "--output", site.Output);

        Assert.Equal(Program.UsageErrors, code);
        Assert.Contains($"--base-url '{url}' is neither a full address nor a path", stderr);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_base_url_in_site_yml_without_its_scheme_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("site.yml", site.Read("site.yml").Replace("base_url: https://example.org/", "base_url: www.example.org"));
        var (code, _, stderr) = Run("build", "--input", site.Input, "--theme", site.Theme, "--output", site.Output);

        Assert.Equal(Program.ContentErrors, code);
        Assert.Matches(@"site\.yml\(\d+,\d+\): error BRF023: base_url 'www\.example\.org' is neither a full address nor a path from the root\. Write it with its scheme, e\.g\. https://www\.example\.org/", stderr);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void A_preview_port_out_of_range_is_a_usage_error_in_one_line(string port)
    {
        var (code, _, stderr) = Run("preview", "--port", port);

        Assert.Equal(Program.UsageErrors, code);
        Assert.Contains("--port must be a port number from 1 to 65535", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public void Usage_errors_exit_two()
    {
        var (code, _, stderr) = Run("--no-such-option");
        Assert.Equal(2, code);
        Assert.Contains("--help", stderr);
    }

    [Fact]
    public void Help_and_version_work()
    {
        var (code, stdout, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var word in new[] { "build", "check", "--input", "--theme", "--output", "--base-url", "--drafts", "--strict", "--timings" }) Assert.Contains(word, stdout);
        var (vcode, vout, _) = Run("--version");
        Assert.Equal(0, vcode);
        Assert.Matches(@"^\d+\.\d+\.\d+", vout);
    }

    [Fact]
    public void Strict_fails_on_warnings()
    {
        using var site = new TestSite();
        site.Delete("summaries/2023-12-14-beta.yml");
        var (code, _, stderr) = Run("build", "--strict", "--input", site.Input, "--theme", site.Theme, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Contains("warning BRF051", stderr);
        Assert.Contains("(--strict)", stderr);
    }
}

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_documents_every_error_code_and_the_two_commands()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        foreach (var (code, _, meaning, _) in Diagnostics.Codes.Table)
            Assert.Contains($"| {code} |", readme);
        Assert.Contains("dotnet run --project src/Briefing", readme);
        Assert.Contains("dotnet test", readme);
    }
}
