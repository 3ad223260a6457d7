using System.Diagnostics;

namespace Briefing.Build;

/// <summary>Times a build's stages (<c>--timings</c>): each stage's wall time, CPU time, the GC's pauses in it, allocations and the peak memory so far.</summary>
internal sealed class StageClock
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _stage = Stopwatch.StartNew();
    private TimeSpan _cpu = Environment.CpuUsage.TotalTime;
    private long _allocated = GC.GetTotalAllocatedBytes();
    private TimeSpan _paused = GC.GetTotalPauseDuration();

    public List<StageTiming> Timings { get; } = [];

    public double ElapsedMilliseconds => _total.Elapsed.TotalMilliseconds;

    /// <summary>The stage <paramref name="name"/> ends now; the next one starts.</summary>
    public void Stage(string name)
    {
        var now = Environment.CpuUsage.TotalTime;
        var bytes = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        Timings.Add(new StageTiming(name, _stage.Elapsed.TotalMilliseconds, (now - _cpu).TotalMilliseconds, (bytes - _allocated) / 1048576.0, PeakMegabytes(), (paused - _paused).TotalMilliseconds));
        _cpu = now;
        _allocated = bytes;
        _paused = paused;
        _stage.Restart();
    }

    /// <summary>The process's peak resident memory so far, in MB (Linux: VmHWM), or 0.</summary>
    private static double PeakMegabytes()
    {
        try { using var me = Process.GetCurrentProcess(); return me.PeakWorkingSet64 / 1048576.0; }
        catch (Exception ex) when (ex is InvalidOperationException or PlatformNotSupportedException or NotSupportedException) { return 0; }
    }
}
