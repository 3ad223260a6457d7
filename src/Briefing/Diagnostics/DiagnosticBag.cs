namespace Briefing.Diagnostics;

/// <summary>Collects diagnostics from every stage; thread-safe so parallel stages can report.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Error(string code, SourcePos pos, string message) => Add(new Diagnostic(Severity.Error, code, pos.File, pos.Line, pos.Column, message));
    public void Warning(string code, SourcePos pos, string message) => Add(new Diagnostic(Severity.Warning, code, pos.File, pos.Line, pos.Column, message));

    public void Add(Diagnostic d)
    {
        lock (_lock) _items.Add(d);
    }

    public void AddRange(IEnumerable<Diagnostic> ds)
    {
        lock (_lock) _items.AddRange(ds);
    }

    public bool HasErrors { get { lock (_lock) return _items.Any(d => d.Severity == Severity.Error); } }
    public int ErrorCount { get { lock (_lock) return _items.Count(d => d.Severity == Severity.Error); } }
    public int WarningCount { get { lock (_lock) return _items.Count(d => d.Severity == Severity.Warning); } }

    /// <summary>All diagnostics in a stable order: by file, line, column, code.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_lock)
        {
            // most files have nothing to report: no sort, no list
            if (_items.Count == 0) return [];
            return _items
                .Distinct()
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line).ThenBy(d => d.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
