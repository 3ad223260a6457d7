namespace Briefing.Diagnostics;

/// <summary>
/// Prints diagnostics where editors look: <c>path(line,col): error BRFnnn: message</c> on stderr (the format of
/// MSBuild and VS Code problem matchers), GitHub Actions annotations under GITHUB_ACTIONS=true, colour only on a terminal.
/// </summary>
public sealed class ConsoleReporter(TextWriter err, bool color, bool githubActions, bool quiet = false)
{
    public static ConsoleReporter ForConsole(bool quiet = false) => new(Console.Error,
        color: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        githubActions: Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true",
        quiet);

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (quiet && d.Severity == Severity.Warning) continue;
            var line = Printable(d.ToString());
            if (color) line = (d.Severity == Severity.Error ? "\u001b[31m" : "\u001b[33m") + line + "\u001b[0m";
            err.WriteLine(line);
            if (githubActions) err.WriteLine(Annotation(d));
        }
    }

    /// <summary>The GitHub Actions workflow command for a diagnostic.</summary>
    public static string Annotation(Diagnostic d)
    {
        var kind = d.Severity == Severity.Error ? "error" : "warning";
        var place = d.Line > 0 ? $"file={Escape(d.File, true)},line={d.Line},col={Math.Max(1, d.Column)}" : $"file={Escape(d.File, true)}";
        return $"::{kind} {place},title={d.Code}::{Escape(Printable(d.Message), false)}";
    }

    /// <summary>
    /// Shows control characters and bidirectional overrides from content (an id, a file name) as &lt;U+001B&gt;, so a
    /// message can neither send escape sequences to the terminal nor break into a second, forged line.
    /// </summary>
    public static string Printable(string s)
    {
        static bool Hidden(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
        if (!s.Any(Hidden)) return s;
        var sb = new System.Text.StringBuilder(s.Length + 16);
        foreach (var c in s)
            if (Hidden(c)) sb.Append("<U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('>');
            else sb.Append(c);
        return sb.ToString();
    }

    private static string Escape(string s, bool property)
    {
        s = s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? s.Replace(":", "%3A").Replace(",", "%2C") : s;
    }
}
