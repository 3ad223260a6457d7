namespace Briefing.Build;

/// <summary>
/// Told what a build is doing, for a progress display: the stage under way and, where a stage counts its items (the
/// files it loads, the pages it renders), how many of them are done. A build calls it from several threads at once.
/// </summary>
public interface IBuildProgress
{
    /// <summary>A stage begins (the stage names of <c>--timings</c>: load, validate, analyse, plan, render, write).</summary>
    void Stage(string name);

    /// <summary>The current stage has <paramref name="total"/> items to do, each a <paramref name="unit"/> ("files", "pages").</summary>
    void Expect(int total, string unit);

    /// <summary>One more item of the current stage is done.</summary>
    void Advance();
}
