using System.Collections;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering.Compiled;

/// <summary>A compiled statement: writes into the frame's output as Scriban's statement would.</summary>
internal abstract class Op
{
    public abstract void Run(Frame f);
}

internal sealed class BlockOp(Op[] ops) : Op
{
    public override void Run(Frame f)
    {
        foreach (var op in ops) op.Run(f);
    }
}

/// <summary>
/// A template's literal text. Written as characters, which the output encodes a buffer at a time with the values around
/// them: the pieces between two values are short, and each write of ready UTF-8 would first encode what came before.
/// </summary>
internal sealed class RawOp(string text) : Op
{
    public override void Run(Frame f) => f.Output.Write(text);
}

/// <summary><c>{{ value }}</c>: escaped unless it is trusted HTML (<see cref="ThemeContext.WriteValue"/>).</summary>
internal sealed class PrintOp(Expr value) : Op
{
    public override void Run(Frame f)
    {
        var v = value.Eval(f);
        if (v is null) return;
        if (v is ScriptNode) throw new LeaveToScriban("a value that is code");
        f.Theme.WriteValue(f.Output, v);
    }
}

/// <summary><c>if</c> … <c>else if</c> … <c>else</c> … <c>end</c>.</summary>
internal sealed class IfOp(Expr condition, Op then, Op? otherwise) : Op
{
    public override void Run(Frame f)
    {
        if (condition.Test(f)) then.Run(f);
        else otherwise?.Run(f);
    }
}

/// <summary>
/// <c>for item in items</c> … <c>else</c> … <c>end</c>: nothing for a null list (as Scriban), the <c>else</c> branch for
/// an empty one. Lists are read by index; another enumeration one item ahead, so that <c>for.last</c> is known.
/// </summary>
internal sealed class ForOp(int slot, int loop, Expr items, Op body, Op? otherwise) : Op
{
    public override void Run(Frame f)
    {
        var value = items.Eval(f);
        if (value is null) return;
        var state = f.Loops[loop] ??= new LoopState();
        switch (value)
        {
            case IList list and not IDictionary:
                RunList(f, state, list);
                return;
            case string or IDictionary or IScriptObject:
                throw new LeaveToScriban("a loop over text or an object");
            case IEnumerable sequence:
                RunSequence(f, state, sequence);
                return;
            default:
                throw new LeaveToScriban("a loop over what is not a list");
        }
    }

    private void RunList(Frame f, LoopState state, IList list)
    {
        var count = list.Count;
        if (count == 0)
        {
            Otherwise(f, state);
            return;
        }
        for (var i = 0; i < count; i++)
        {
            f.Slots[slot] = list[i];
            // a nested loop of the same template reuses nothing of this one's state: each loop has its own
            state.Index = i;
            state.Count = count;
            state.Last = i == count - 1;
            body.Run(f);
        }
    }

    /// <summary>The else branch of an empty list, where <c>for</c> reads as Scriban's state of a loop that never began.</summary>
    private void Otherwise(Frame f, LoopState state)
    {
        if (otherwise is null) return;
        (state.Index, state.Count, state.Last) = (0, 0, true);
        otherwise.Run(f);
    }

    private void RunSequence(Frame f, LoopState state, IEnumerable sequence)
    {
        var it = sequence.GetEnumerator();
        if (!it.MoveNext())
        {
            Otherwise(f, state);
            return;
        }
        for (var i = 0; ; i++)
        {
            var current = it.Current;
            var more = it.MoveNext();
            f.Slots[slot] = current;
            state.Index = i;
            state.Count = -1;
            state.Last = !more;
            body.Run(f);
            if (!more) return;
        }
    }
}

/// <summary>
/// <c>{{ include 'name' key: value … }}</c>: the arguments evaluated in order into the partial's slots, then the partial,
/// compiled in place for this call.
/// </summary>
internal sealed class IncludeOp(Expr[] arguments, int[] slots, Op partial) : Op
{
    public override void Run(Frame f)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i].Eval(f);
            if (slots[i] >= 0) f.Slots[slots[i]] = value;
        }
        partial.Run(f);
    }
}

/// <summary>A statement the compiler leaves to Scriban where it is reached (an include of a partial that is not there).</summary>
internal sealed class UnboundOp(string why) : Op
{
    public override void Run(Frame f) => throw new LeaveToScriban(why);
}

/// <summary>A compiled page template or layout: its statements and how many slots and loops a run of it needs.</summary>
internal sealed class CompiledTemplate(Op body, int slotCount, int loopCount, bool isLayout)
{
    public int SlotCount { get; } = slotCount;
    public int LoopCount { get; } = loopCount;

    /// <summary>
    /// Runs the template with <paramref name="page"/> (and for the layout, <paramref name="layout"/>) in the first slots.
    /// Throws <see cref="LeaveToScriban"/> or Scriban's own error where Scriban must decide.
    /// </summary>
    public void Run(ThemeContext theme, Utf8Output output, object page, object? layout)
    {
        var f = new Frame(this, theme, output);
        f.Slots[0] = page;
        if (isLayout) f.Slots[1] = layout;
        body.Run(f);
    }
}
