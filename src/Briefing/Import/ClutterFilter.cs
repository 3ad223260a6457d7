using System.Text.RegularExpressions;

namespace Briefing.Import;

/// <summary>Applies the clutter rules to the input's lines: which lines stay, which go and why.</summary>
internal static class ClutterFilter
{
    public const int MaxBlockLines = 40;
    public const int MaxAttachedLength = 160;

    public sealed record Result(IReadOnlyList<SourceLine> Kept, IReadOnlyList<RemovedLine> Removed);

    public static Result Apply(IReadOnlyList<SourceLine> lines, IReadOnlyList<ClutterRule> rules, Action<int, string> warn)
    {
        var kept = new List<SourceLine>();
        var removed = new List<RemovedLine>();
        var removedBy = new string?[lines.Count];
        string? title = null;
        string? previous = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (removedBy[i] is { } already)
            {
                removed.Add(new RemovedLine(line.Line, line.Text, already));
                previous = line.Text;
                continue;
            }

            var rule = FirstMatch(line.Text, rules, title, previous, warn, line.Line);
            previous = line.Text;
            switch (rule?.Kind)
            {
                case null:
                    kept.Add(line);
                    title ??= line.Text;
                    break;
                case ClutterKinds.Flag:
                    kept.Add(line);
                    title ??= line.Text;
                    warn(line.Line, $"{rule.Description} (rule {rule.Name})");
                    break;
                case ClutterKinds.BlockStart:
                    // Rules from ClutterPatterns.Load always pair a block-start with a block-end; a list built in code may not.
                    var endRule = rules.FirstOrDefault(r => r.Kind == ClutterKinds.BlockEnd && r.Name == rule.Name);
                    var end = endRule is null ? -1 : FindBlockEnd(lines, i, endRule, warn);
                    if (end < 0)
                        warn(line.Line, $"'{rule.Name}' starts here but does not end within {MaxBlockLines} lines; only this line was removed.");
                    for (var k = i + 1; k <= end; k++) removedBy[k] = rule.Name;
                    removed.Add(new RemovedLine(line.Line, line.Text, rule.Name));
                    break;
                case ClutterKinds.LineWithNext:
                    removed.Add(new RemovedLine(line.Line, line.Text, rule.Name));
                    if (i + 1 < lines.Count)
                    {
                        var next = lines[i + 1];
                        if (FirstMatch(next.Text, rules, title, line.Text, warn, next.Line) is not null)
                            break; // clutter of its own: its own rule reports it
                        if (ReadsLikeAttachedTitle(next.Text))
                            removedBy[i + 1] = rule.Name;
                        else
                            warn(next.Line, $"kept this line although it follows a '{rule.Name}' line, because it reads like a paragraph.");
                    }
                    break;
                default: // line, duplicate
                    removed.Add(new RemovedLine(line.Line, line.Text, rule.Name));
                    break;
            }
        }
        return new Result(kept, removed);
    }

    /// <summary>A short line without final punctuation, like a video or link title.</summary>
    private static bool ReadsLikeAttachedTitle(string text) =>
        text.Length <= MaxAttachedLength && !LineText.EndsLikeSentence(text);

    private static int FindBlockEnd(IReadOnlyList<SourceLine> lines, int start, ClutterRule end, Action<int, string> warn)
    {
        var last = Math.Min(lines.Count - 1, start + MaxBlockLines);
        for (var k = start; k <= last; k++)
            if (Matches(end, lines[k].Text, warn, lines[k].Line)) return k;
        return -1;
    }

    private static ClutterRule? FirstMatch(string text, IReadOnlyList<ClutterRule> rules, string? title, string? previous, Action<int, string> warn, int lineNumber)
    {
        foreach (var rule in rules)
        {
            var hit = rule.Kind switch
            {
                ClutterKinds.BlockEnd => false,
                ClutterKinds.Duplicate => (rule.Pattern == "title" ? title : previous) is { } other && LineText.SameLine(text, other),
                _ => Matches(rule, text, warn, lineNumber),
            };
            if (hit) return rule;
        }
        return null;
    }

    private static bool Matches(ClutterRule rule, string text, Action<int, string> warn, int lineNumber)
    {
        try
        {
            return ClutterPatterns.Regex(rule.Pattern).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            warn(lineNumber, $"rule '{rule.Name}' took too long on this line and was skipped; simplify its pattern.");
            return false;
        }
    }
}
