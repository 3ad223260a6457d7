using System.Collections;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering.Compiled;

/// <summary>
/// A compiled expression. Each kind evaluates as Scriban's own node for it does in a <see cref="ThemeContext"/>; where
/// Scriban would decide something the compiled form does not (an error, an unusual value), it throws
/// <see cref="LeaveToScriban"/>.
/// </summary>
internal abstract class Expr(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    public abstract object? Eval(Frame f);

    /// <summary>The value's truth, as <c>if</c> takes it (<see cref="ThemeContext.ToBool"/>).</summary>
    public virtual bool Test(Frame f) => f.Theme.ToBool(Span, Eval(f));
}

/// <summary>Boxed values made once: a loop's index or a flag read thousands of times allocates nothing.</summary>
internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;
    private static readonly object[] Ints = Enumerable.Range(0, 4096).Select(i => (object)i).ToArray();

    public static object Of(bool value) => value ? True : False;

    public static object Of(int value) => (uint)value < (uint)Ints.Length ? Ints[value] : value;
}

internal sealed class SlotExpr(SourceSpan span, int slot) : Expr(span)
{
    public override object? Eval(Frame f) => f.Slots[slot];
}

internal sealed class ConstExpr(SourceSpan span, object? value) : Expr(span)
{
    public override object? Eval(Frame f) => value;
}

/// <summary>A name that the compiler could not bind (unknown here, or a built-in object read as a value).</summary>
internal sealed class UnboundExpr(SourceSpan span, string name) : Expr(span)
{
    public override object? Eval(Frame f) => throw new LeaveToScriban($"'{name}' is left to Scriban");
}

/// <summary><c>target.name</c>: a view model's property through its getter, remembered for the last type seen.</summary>
internal sealed class MemberExpr(SourceSpan span, Expr target, string name) : Expr(span)
{
    private sealed record Known(Type Type, Func<object, object?> Get);

    // shared by the threads that render with this template: one immutable pair, replaced whole
    private Known? _known;

    public override object? Eval(Frame f)
    {
        var value = target.Eval(f) ?? throw new LeaveToScriban($"the object before .{name} is null");
        var known = _known;
        return known is not null && known.Type == value.GetType() ? known.Get(value) : Read(f, value);
    }

    private object? Read(Frame f, object value)
    {
        var accessor = f.Theme.GetMemberAccessor(value);
        if (accessor is ViewModelAccessor model && model.Getter(name) is { } get)
        {
            _known = new Known(value.GetType(), get);
            return get(value);
        }
        // lists, text and Scriban's own objects: as Scriban reads them, every time
        if (accessor is not ViewModelAccessor && accessor.TryGetValue(f.Theme, Span, value, name, out var read)) return read;
        throw new LeaveToScriban($"no member {name}");
    }
}

/// <summary><c>for.index</c> and its kin: the innermost loop's position.</summary>
internal sealed class LoopMemberExpr(SourceSpan span, int loop, string member) : Expr(span)
{
    public override object? Eval(Frame f)
    {
        var state = f.Loops[loop];
        return member switch
        {
            "index" => Boxes.Of(state.Index),
            "first" => Boxes.Of(state.Index == 0),
            "last" => Boxes.Of(state.Last),
            "even" => Boxes.Of(state.Index % 2 == 0),
            "odd" => Boxes.Of(state.Index % 2 == 1),
            "length" when state.Count >= 0 => Boxes.Of(state.Count),
            "rindex" when state.Count >= 0 => Boxes.Of(state.Count - state.Index - 1),
            _ => throw new LeaveToScriban($"for.{member}"),
        };
    }
}

/// <summary><c>list[number]</c> on a list, within its bounds.</summary>
internal sealed class IndexExpr(SourceSpan span, Expr target, Expr index) : Expr(span)
{
    public override object? Eval(Frame f)
    {
        var list = target.Eval(f);
        var at = index.Eval(f);
        if (list is IList items and not IDictionary && (list is not IScriptObject || list is ScriptArray) && at is int i && (uint)i < (uint)items.Count) return items[i];
        throw new LeaveToScriban("an indexer other than a list's within its bounds");
    }
}

/// <summary><c>[a, b]</c>: a new list each time, as Scriban makes one.</summary>
internal sealed class ArrayExpr(SourceSpan span, Expr[] items) : Expr(span)
{
    public override object? Eval(Frame f)
    {
        var list = new ScriptArray(items.Length);
        foreach (var item in items) list.Add(item.Eval(f));
        return list;
    }
}

internal sealed class NotExpr(SourceSpan span, Expr operand) : Expr(span)
{
    public override object? Eval(Frame f) => Boxes.Of(Test(f));

    public override bool Test(Frame f) => !operand.Test(f);
}

/// <summary><c>a &amp;&amp; b</c> and <c>a || b</c>, the right side evaluated only when it decides.</summary>
internal sealed class LogicExpr(SourceSpan span, bool and, Expr left, Expr right) : Expr(span)
{
    public override object? Eval(Frame f) => Boxes.Of(Test(f));

    public override bool Test(Frame f) => and ? left.Test(f) && right.Test(f) : left.Test(f) || right.Test(f);
}

/// <summary>A comparison: text with text and numbers with numbers directly, anything else as Scriban compares it.</summary>
internal sealed class CompareExpr(SourceSpan span, ScriptBinaryOperator op, Expr left, Expr right) : Expr(span)
{
    public override object? Eval(Frame f) => Boxes.Of(Test(f));

    public override bool Test(Frame f)
    {
        var a = left.Eval(f);
        var b = right.Eval(f);
        if (a is string x && b is string y)
        {
            var order = string.CompareOrdinal(x, y);
            return Holds(order);
        }
        if (a is int m && b is int n) return Holds(m.CompareTo(n));
        return f.Theme.ToBool(Span, ScriptBinaryExpression.Evaluate(f.Theme, Span, op, left.Span, a, right.Span, b));
    }

    private bool Holds(int order) => op switch
    {
        ScriptBinaryOperator.CompareEqual => order == 0,
        ScriptBinaryOperator.CompareNotEqual => order != 0,
        ScriptBinaryOperator.CompareLess => order < 0,
        ScriptBinaryOperator.CompareLessOrEqual => order <= 0,
        ScriptBinaryOperator.CompareGreater => order > 0,
        _ => order >= 0,
    };
}

/// <summary>A call of one of the theme's text functions (<c>quoted</c>): the function applied to the value's text.</summary>
internal sealed class TextCallExpr(SourceSpan span, Func<string?, string> apply, Expr argument) : Expr(span)
{
    public override object? Eval(Frame f) => apply(argument.Eval(f) is { } value ? f.Theme.ObjectToString(value) : null);
}

/// <summary>A call of a built-in function (<c>string.downcase</c>, also through a pipe): as Scriban calls it.</summary>
internal sealed class CallExpr(SourceSpan span, ScriptNode caller, IScriptCustomFunction function, Expr[] arguments) : Expr(span)
{
    public override object? Eval(Frame f)
    {
        var values = new ScriptArray(arguments.Length);
        foreach (var argument in arguments) values.Add(argument.Eval(f));
        return ScriptFunctionCall.Call(f.Theme, caller, function, values);
    }
}
