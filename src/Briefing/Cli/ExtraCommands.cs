using System.CommandLine;
using Briefing.Diagnostics;
using Briefing.Preview;

namespace Briefing.Cli;

/// <summary>The editor commands beside build and check: preview, new, import.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create(Option[] common, Func<ParseResult, bool, BuildOptions> options, TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port", "-p") { Description = "The port to serve on (127.0.0.1 only; 0 picks a free one).", DefaultValueFactory = _ => 5080 };
        // out of range, Kestrel would stop the program with an unhandled exception: say so as a usage error instead
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError($"--port must be a port number from 1 to 65535 (or 0 for any free port), e.g. --port 5081 (got {r.GetValueOrDefault<int>()}).");
        });
        var allowHost = new Option<string[]>("--allow-host")
        {
            Description = "Also answer requests for this host name (any port), e.g. a tunnel's; repeat for several. By default only 127.0.0.1, localhost and [::1] are answered.",
        };
        var preview = new Command("preview", "Build, serve on http://127.0.0.1:5080 with live reload, and rebuild when input/ or theme/ change.");
        foreach (var o in common) preview.Options.Add(o);
        preview.Options.Add(port);
        preview.Options.Add(allowHost);
        preview.SetAction(async (r, token) =>
        {
            var o = options(r, true);
            var admitted = AllowedHosts(r.GetValue(allowHost) ?? []);
            var reporter = new ConsoleReporter(stderr, color: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
                githubActions: false, quiet: r.GetValue((Option<bool>)common.First(c => c.Name == "--quiet")));
            await using var session = new PreviewSession(o, r.GetValue(port), stdout, reporter, admitted);
            try { await session.StartAsync(); }
            catch (IOException ex)
            {
                stderr.WriteLine($"error: cannot listen on 127.0.0.1:{r.GetValue(port)} ({ex.Message}). Is another preview running? Use --port to pick another.");
                return Program.UsageErrors;
            }
            stdout.WriteLine($"Serving {session.Host.Address} (live reload on). Watching {o.InputDir}/ and {o.ThemeDir}/. Press Ctrl+C to stop.");
            if (admitted.Count > 0) stdout.WriteLine($"Also answering the host name(s) {string.Join(", ", admitted)} (--allow-host).");
            try { await Task.Delay(Timeout.Infinite, token); } catch (OperationCanceledException) { }
            return Program.Success;
        });

        var slug = new Argument<string>("slug") { Description = "The new article's slug, e.g. 2024-01-05-vnexpress-hotline (lower-case letters, digits, hyphens)." };
        var source = new Option<string>("--source", "-s") { Description = "The outlet's id (a file in input/sources/).", Required = true };
        var topic = new Option<string[]>("--topic") { Description = "A topic id (a file in input/topics/); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var inputOpt = (Option<string>)common.First(c => c.Name == "--input");
        var article = new Command("article", "Write skeletons for a new article and its summary.") { slug };
        article.Options.Add(source);
        article.Options.Add(topic);
        article.Options.Add(inputOpt);
        article.SetAction(r => Scaffold.NewArticle(r.GetValue(inputOpt)!, r.GetValue(slug)!, r.GetValue(source)!, r.GetValue(topic) ?? [], stdout, stderr));
        var @new = new Command("new", "Create new content from a skeleton.");
        @new.Subcommands.Add(article);

        var file = new Argument<string>("file") { Description = "The captured article: plain text or HTML." };
        var importSource = new Option<string>("--source", "-s") { Description = "The outlet's id (a file in input/sources/).", Required = true };
        var rules = new Option<string?>("--rules") { Description = "A clutter-rules file to use instead of the built-in patterns (same format as src/Briefing/Import/clutter.yml)." };
        var slugOpt = new Option<string?>("--slug") { Description = "The article's slug (default: from date, source and title)." };
        var import = new Command("import", "Turn a captured plain-text or HTML article into input/articles/<slug>.md, removing page clutter and listing what was removed.") { file };
        import.Options.Add(importSource);
        import.Options.Add(rules);
        import.Options.Add(slugOpt);
        import.Options.Add(inputOpt);
        import.SetAction(r => Importer.Run(r.GetValue(file)!, r.GetValue(importSource)!, r.GetValue(inputOpt)!, r.GetValue(slugOpt), r.GetValue(rules), stdout, stderr));

        return [preview, @new, import];
    }

    /// <summary>The --allow-host names, normalised; a URL, a port or a wildcard is a usage error that shows the fix.</summary>
    private static List<string> AllowedHosts(IEnumerable<string> raw)
    {
        var names = new List<string>();
        foreach (var r in raw)
            names.Add(HostFilter.TryNormalize(r, out var problem) ?? throw new UsageException(problem));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
