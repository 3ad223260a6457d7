namespace Briefing.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem found in the input, with the place it was found and how to fix it.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, int Column, string Message)
{
    /// <summary>The MSBuild / VS Code problem-matcher format: <c>path(line,col): error BRF001: message</c>.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        return Line > 0
            ? $"{File}({Line},{Math.Max(Column, 1)}): {kind} {Code}: {Message}"
            : $"{File}: {kind} {Code}: {Message}";
    }
}

/// <summary>A place in an input file (1-based line and column).</summary>
public readonly record struct SourcePos(string File, int Line, int Column)
{
    public static SourcePos FileOnly(string file) => new(file, 0, 0);
    public override string ToString() => $"{File}({Line},{Column})";
}
