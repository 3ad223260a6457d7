using System.Text.RegularExpressions;
using Briefing.Cli;
using Briefing.Tests.Support;

namespace Briefing.Tests.Hostile;

/// <summary>Runs the generator through the command-line entry point and checks that a failure is clean.</summary>
internal static class Hostile
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    public static (int Code, string Out, string Err) Build(TestSite site, string command = "build") =>
        Run(command, "--input", site.Input, "--theme", site.Theme, "--output", site.Output);

    /// <summary>A valid test site that has been built once, so there is a previous output to protect.</summary>
    public static TestSite BuiltSite()
    {
        var site = new TestSite();
        var (code, _, err) = Build(site);
        Assert.True(code == 0, err);
        return site;
    }

    /// <summary>
    /// Builds through the CLI and asserts: exit code 1, the diagnostic <paramref name="code"/> printed for a file
    /// ending with <paramref name="file"/> (at <paramref name="line"/> when given), no stack trace, the previous
    /// output byte-identical and no temporary folder left behind. Returns stderr.
    /// </summary>
    public static string FailsCleanly(TestSite site, string code, string file, int line = -1)
    {
        var before = Directory.Exists(site.Output) ? BuildTests.Snapshot(site.Output) : null;
        var (exit, _, err) = Build(site);
        Assert.True(exit == 1, $"exit {exit}\n{err}");
        var where = Regex.Escape(file) + (line >= 0 ? @"\(" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + @",\d+\)" : @"(\(\d+,\d+\))?") + ": error " + code + ": ";
        Assert.True(Regex.IsMatch(err, where), $"expected {code} at {file}({(line >= 0 ? line : "*")}) in:\n{err}");
        NoCrash(err);
        if (before is null) Assert.False(Directory.Exists(site.Output), "a failed first build created the output folder");
        else Assert.Equal(before, BuildTests.Snapshot(site.Output));
        NoLeftovers(site);
        return err;
    }

    public static void NoCrash(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }

    public static void NoLeftovers(TestSite site) =>
        Assert.Empty(Directory.GetDirectories(site.Root, ".output.*"));
}
