using System.Diagnostics;
using System.Globalization;

namespace Briefing.Build;

/// <summary>
/// Shows a long build's progress on a terminal: one status line (stage, count, time so far), redrawn in place a few
/// times a second, from the moment the build has taken <see cref="Delay"/>, and wiped when the build ends, so what the
/// build prints afterwards reads as without it. A short build never shows it.
/// </summary>
public sealed class TerminalProgress : IBuildProgress, IDisposable
{
    /// <summary>A build that ends sooner shows no progress.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _terminal;
    private readonly TimeSpan _delay;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Lock _lock = new();
    private string _stage = "";
    private string _unit = "";
    private int _total;
    private int _done;
    private int _shown; // characters of the status line on the terminal now
    private bool _ended;

    /// <summary>
    /// The display for the command line, on <paramref name="terminal"/> (standard error), or null when standard output or
    /// standard error is redirected: a log or a pipe gets nothing extra.
    /// </summary>
    public static TerminalProgress? ForConsole(TextWriter terminal, bool outputRedirected, bool errorRedirected) =>
        outputRedirected || errorRedirected ? null : new TerminalProgress(terminal, Delay, redraw: true);

    /// <param name="terminal">Where the status line is drawn.</param>
    /// <param name="delay">How long the build runs before the line first shows.</param>
    /// <param name="redraw">Redraw on a timer; without it the line is drawn only by <see cref="Draw"/> (tests).</param>
    public TerminalProgress(TextWriter terminal, TimeSpan delay, bool redraw)
    {
        _terminal = terminal;
        _delay = delay;
        if (redraw) _timer = new Timer(_ => Draw(), null, delay, Interval);
    }

    public void Stage(string name)
    {
        lock (_lock)
        {
            _stage = name;
            _unit = "";
            _total = 0;
            Volatile.Write(ref _done, 0);
        }
    }

    public void Expect(int total, string unit)
    {
        lock (_lock)
        {
            _total = total;
            _unit = unit;
        }
    }

    public void Advance() => Interlocked.Increment(ref _done);

    /// <summary>The status line now, e.g. <c>render 4,210/10,511 pages (3.1 s)</c>.</summary>
    public string Line()
    {
        lock (_lock) return Format();
    }

    private string Format()
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var done = Math.Min(Volatile.Read(ref _done), _total);
        return _total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_stage} {done:N0}/{_total:N0} {_unit} ({seconds:0.0} s)")
            : string.Create(CultureInfo.InvariantCulture, $"{_stage} ({seconds:0.0} s)");
    }

    /// <summary>Redraws the status line over the last one, once the build has run for the delay.</summary>
    public void Draw()
    {
        lock (_lock)
        {
            if (_ended || _stage.Length == 0 || _clock.Elapsed < _delay) return;
            var line = Format();
            // a carriage return, then spaces over what is left of a longer line before: no terminal escape codes needed
            _terminal.Write("\r" + line + new string(' ', Math.Max(0, _shown - line.Length)));
            _terminal.Flush();
            _shown = line.Length;
        }
    }

    /// <summary>Stops redrawing and wipes the status line, if it was shown.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            if (_ended) return;
            _ended = true;
            if (_shown == 0) return;
            _terminal.Write("\r" + new string(' ', _shown) + "\r");
            _terminal.Flush();
        }
    }
}
