using System.CommandLine;

namespace Briefing.Cli;

/// <summary>The editor commands beside build and check.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create(Option[] common, Func<ParseResult, bool, BuildOptions> options, TextWriter stdout, TextWriter stderr)
    {
        yield break;
    }
}
