namespace Briefing.Rendering.Compiled;

/// <summary>
/// One run of a compiled template: its variables by slot (the compiler gave each variable of the template and of the
/// partials it includes a slot of its own), the state of each of its loops, where it writes, and the context whose
/// rules it follows (escaping, truth, member access).
/// </summary>
internal sealed class Frame(CompiledTemplate template, ThemeContext theme, Utf8Output output)
{
    public readonly object?[] Slots = new object?[template.SlotCount];
    public readonly LoopState[] Loops = new LoopState[template.LoopCount];
    public readonly ThemeContext Theme = theme;
    public readonly Utf8Output Output = output;
}

/// <summary>Where a <c>for</c> loop is, as <c>for.index</c>, <c>for.first</c> and the like read it.</summary>
internal sealed class LoopState
{
    public int Index;
    public bool Last;
    /// <summary>The number of items, or -1 when the loop reads an enumeration whose length is not known.</summary>
    public int Count;
}

/// <summary>
/// Thrown where the compiled template meets what it does not decide itself: an error (a missing member, a null object,
/// an unknown variable), or a value of a kind it leaves to Scriban. The page is then rendered again by Scriban, which
/// gives the same page or the error in its own words, at its line.
/// </summary>
internal sealed class LeaveToScriban(string why) : Exception(why);
