using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering.Compiled;

/// <summary>
/// Compiles a page template or the layout, with every partial it includes, from Scriban's syntax tree into
/// <see cref="Op"/> and <see cref="Expr"/> nodes: each variable bound once to a slot, each partial compiled in place for
/// each call (its arguments in slots of their own), literal text encoded once. Scriban stays the reference: a template
/// that uses anything this does not cover is not compiled, and runs in Scriban; a compiled one leaves the page to Scriban
/// whenever Scriban would have to decide (see <see cref="LeaveToScriban"/>). The theme's differential tests render every
/// page both ways.
/// </summary>
/// <remarks>
/// Names are found as Scriban finds them at run time, which is what a partial sees: its own loop variables, innermost
/// first, then its arguments, then whatever its caller sees at the call (the caller's loop variables, its arguments, and
/// so on to the page's <c>page</c> and the layout's <c>layout</c>), then Scriban's built-ins. <c>for</c> is the innermost
/// loop of the same template only.
/// </remarks>
internal sealed class ThemeCompiler
{
    /// <summary>Partials nested deeper than this are left to Scriban (its recursion limit, for one).</summary>
    private const int MaxIncludeDepth = 16;

    private readonly ThemeLoader _loader;
    private readonly string _themeDisplay;
    private readonly ScriptObject _builtins;
    private int _slots;
    private int _loops;
    private int _depth;

    private ThemeCompiler(ThemeLoader loader, string themeDisplay, ScriptObject builtins) =>
        (_loader, _themeDisplay, _builtins) = (loader, themeDisplay, builtins);

    /// <summary>What one template (a page template or a partial, at one call) sees by name.</summary>
    private sealed class Scope(Scope? caller)
    {
        public readonly Scope? Caller = caller;
        public readonly Dictionary<string, int> Names = new(StringComparer.Ordinal);
        /// <summary>
        /// The loops open at this point, innermost last: each one's variable and slot, and its loop id (in a loop's
        /// <c>else</c>, only <c>for</c> is open: no name).
        /// </summary>
        public readonly List<(string? Name, int Slot, int Loop)> Loops = [];
    }

    /// <summary>Why a template is not compiled: it uses something this compiler leaves to Scriban.</summary>
    private sealed class NotCovered(string what) : Exception(what);

    /// <summary>
    /// The compiled template, or null (with why) when it uses what only Scriban runs. A page template sees <c>page</c>;
    /// the layout also <c>layout</c>.
    /// </summary>
    public static CompiledTemplate? Compile(Template template, bool isLayout, ThemeLoader loader, string themeDisplay, ScriptObject builtins, out string? why)
    {
        var compiler = new ThemeCompiler(loader, themeDisplay, builtins);
        var scope = new Scope(null);
        scope.Names["page"] = compiler._slots++;
        if (isLayout) scope.Names["layout"] = compiler._slots++;
        try
        {
            var body = compiler.Block(template.Page!.Body, scope);
            why = null;
            return new CompiledTemplate(body, compiler._slots, compiler._loops, isLayout);
        }
        catch (NotCovered e)
        {
            why = e.Message;
            return null;
        }
    }

    private Op Block(ScriptBlockStatement? block, Scope scope)
    {
        if (block is null) return new BlockOp([]);
        var ops = new List<Op>();
        foreach (var statement in block.Statements)
            if (Statement(statement, scope) is { } op) ops.Add(op);
        return ops.Count == 1 ? ops[0] : new BlockOp([.. ops]);
    }

    private Op? Statement(ScriptStatement statement, Scope scope)
    {
        switch (statement)
        {
            case { CanSkipEvaluation: true }:
                return null;
            case ScriptRawStatement raw:
                var text = raw.Text.ToString();
                return text.Length == 0 ? null : new RawOp(text);
            case ScriptExpressionStatement { Expression: ThemeInclude.Statement include }:
                return Include(include.Call, scope);
            case ScriptExpressionStatement { Expression: ScriptAssignExpression }:
                throw new NotCovered("an assignment");
            case ScriptExpressionStatement { Expression: { } expression }:
                return new PrintOp(Expression(expression, scope));
            case ScriptExpressionStatement:
                return null;
            case ScriptIfStatement condition:
                return If(condition, scope);
            case ScriptForStatement loop when loop.GetType() == typeof(ScriptForStatement):
                return For(loop, scope);
            default:
                throw new NotCovered(statement.GetType().Name);
        }
    }

    private IfOp If(ScriptIfStatement statement, Scope scope)
    {
        var condition = Expression(statement.Condition ?? throw new NotCovered("an if without a condition"), scope);
        var then = Block(statement.Then, scope);
        Op? otherwise = statement.Else switch
        {
            null => null,
            ScriptElseStatement e => Block(e.Body, scope),
            ScriptIfStatement elseIf => If(elseIf, scope),
            var other => throw new NotCovered(other.GetType().Name),
        };
        return new IfOp(condition, then, otherwise);
    }

    private ForOp For(ScriptForStatement loop, Scope scope)
    {
        if (loop.Variable is not ScriptVariableGlobal variable) throw new NotCovered("a loop variable that is not a plain name");
        if (loop.NamedArguments is { Count: > 0 }) throw new NotCovered("a loop with options (limit:, offset:, reversed)");
        var items = Expression(loop.Iterator ?? throw new NotCovered("a loop without a list"), scope);
        var (slot, id) = (_slots++, _loops++);
        // Scriban runs the else branch inside the loop's scope, before its variable is set: only `for` is open there
        scope.Loops.Add((null, slot, id));
        Op? otherwise;
        try { otherwise = loop.Else is null ? null : Block(loop.Else.Body, scope); }
        finally { scope.Loops.RemoveAt(scope.Loops.Count - 1); }
        scope.Loops.Add((variable.Name, slot, id));
        try { return new ForOp(slot, id, items, Block(loop.Body, scope), otherwise); }
        finally { scope.Loops.RemoveAt(scope.Loops.Count - 1); }
    }

    private Op Include(ScriptFunctionCall call, Scope scope)
    {
        if (call.Arguments.Count == 0 || call.Arguments[0] is not ScriptLiteral { Value: string name })
            throw new NotCovered("an include whose partial is not named in quotes");
        if (++_depth > MaxIncludeDepth) throw new NotCovered("partials nested too deep");
        try
        {
            var path = ThemeLoader.PathOf(_themeDisplay, name);
            if (!_loader.Partials.TryGetValue(path, out var partial)) return new UnboundOp($"no partial '{name}'");
            var inner = new Scope(scope);
            var values = new List<Expr>();
            var slots = new List<int>();
            for (var i = 1; i < call.Arguments.Count; i++)
            {
                var argument = call.Arguments[i];
                if (argument is ScriptNamedArgument { Name: { } key, Value: { } value })
                {
                    values.Add(Expression(value, scope));
                    if (!inner.Names.TryGetValue(key.Name, out var slot)) inner.Names[key.Name] = slot = _slots++;
                    slots.Add(slot);
                }
                else if (argument is ScriptNamedArgument) throw new NotCovered("a named argument without a value");
                else
                {
                    values.Add(Expression(argument, scope)); // evaluated, as Scriban's call evaluates it, and not used
                    slots.Add(-1);
                }
            }
            return new IncludeOp([.. values], [.. slots], Block(partial.Page!.Body, inner));
        }
        finally { _depth--; }
    }

    private Expr Expression(ScriptExpression expression, Scope scope)
    {
        var span = expression.Span;
        switch (expression)
        {
            case ScriptNestedExpression { Expression: { } inner }:
                return Expression(inner, scope);
            case ScriptLiteral literal:
                return new ConstExpr(span, literal.Value);
            case ScriptVariableGlobal variable:
                return Find(variable.Name, scope) is { } slot ? new SlotExpr(span, slot) : new UnboundExpr(span, variable.Name);
            case ScriptMemberExpression member:
                return Member(member, scope);
            case ScriptArrayInitializerExpression array:
                return new ArrayExpr(span, [.. array.Values.Select(v => Expression(v, scope))]);
            case ScriptIndexerExpression { Target: { } target, Index: { } index }:
                return new IndexExpr(span, Expression(target, scope), Expression(index, scope));
            case ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not, Right: { } operand }:
                return new NotExpr(span, Expression(operand, scope));
            case ScriptBinaryExpression binary:
                return Binary(binary, scope);
            case ScriptFunctionCall call:
                return Call(call, call.Target, call.Arguments, null, scope);
            case ScriptPipeCall { From: { } from, To: ScriptFunctionCall to } pipe:
                return Call(pipe, to.Target, to.Arguments, from, scope);
            case ScriptPipeCall { From: { } from, To: { } to } pipe:
                return Call(pipe, to, [], from, scope);
            default:
                throw new NotCovered(expression.GetType().Name);
        }
    }

    private Expr Member(ScriptMemberExpression member, Scope scope)
    {
        if (member.DotToken.TokenType != Scriban.Parsing.TokenType.Dot || member.Member is null || member.Target is null)
            throw new NotCovered("a member read other than with a plain dot");
        if (member.Target is ScriptVariableGlobal { Name: "for" })
            return FindLoop(scope) is { } loop ? new LoopMemberExpr(member.Span, loop, member.Member.Name) : new UnboundExpr(member.Span, "for");
        return new MemberExpr(member.Span, Expression(member.Target, scope), member.Member.Name);
    }

    private Expr Binary(ScriptBinaryExpression binary, Scope scope)
    {
        if (binary.Left is null || binary.Right is null) throw new NotCovered("a binary expression without both sides");
        var (left, right) = (Expression(binary.Left, scope), Expression(binary.Right, scope));
        return binary.Operator switch
        {
            ScriptBinaryOperator.And => new LogicExpr(binary.Span, and: true, left, right),
            ScriptBinaryOperator.Or => new LogicExpr(binary.Span, and: false, left, right),
            ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual or ScriptBinaryOperator.CompareLess
                or ScriptBinaryOperator.CompareLessOrEqual or ScriptBinaryOperator.CompareGreater or ScriptBinaryOperator.CompareGreaterOrEqual
                => new CompareExpr(binary.OperatorToken?.Span ?? binary.Span, binary.Operator, left, right),
            var other => throw new NotCovered($"the operator {other}"),
        };
    }

    /// <summary>A call of a built-in function by its name or its object's member (<c>string.downcase</c>); a pipe's value comes first.</summary>
    private Expr Call(ScriptNode caller, ScriptExpression? target, IReadOnlyList<ScriptExpression> arguments, ScriptExpression? piped, Scope scope)
    {
        var function = Function(target, scope) ?? throw new NotCovered("a call of what is not a built-in function");
        var values = new List<Expr>();
        if (piped is not null) values.Add(Expression(piped, scope));
        foreach (var argument in arguments)
        {
            if (argument is ScriptNamedArgument) throw new NotCovered("a function call with named arguments");
            values.Add(Expression(argument, scope));
        }
        if (function is ThemeFunctions.TextFunction text && values.Count == 1) return new TextCallExpr(caller.Span, text.Apply, values[0]);
        return new CallExpr(caller.Span, caller, function, [.. values]);
    }

    private IScriptCustomFunction? Function(ScriptExpression? target, Scope scope) => target switch
    {
        ScriptVariableGlobal { Name: var name } when Find(name, scope) is null => _builtins[name] as IScriptCustomFunction,
        ScriptMemberExpression { Target: ScriptVariableGlobal { Name: var owner }, Member: { } member } when Find(owner, scope) is null
            && member.Parent is ScriptMemberExpression { DotToken.TokenType: Scriban.Parsing.TokenType.Dot } && _builtins[owner] is ScriptObject functions
            => functions[member.Name] as IScriptCustomFunction,
        _ => null,
    };

    /// <summary>
    /// The loop that <c>for</c> means here: Scriban keeps it with the loop's variable, so it is the innermost loop open
    /// at the call of each partial in turn (a partial with no loop of its own reads its caller's).
    /// </summary>
    private static int? FindLoop(Scope? scope)
    {
        for (; scope is not null; scope = scope.Caller)
        {
            if (scope.Loops.Count > 0) return scope.Loops[^1].Loop;
            if (scope.Names.ContainsKey("for")) return null;
        }
        return null;
    }

    /// <summary>The slot of the variable a name means here, or null when it is none of the template's (a built-in, or unknown).</summary>
    private static int? Find(string name, Scope? scope)
    {
        for (; scope is not null; scope = scope.Caller)
        {
            for (var i = scope.Loops.Count - 1; i >= 0; i--)
                if (scope.Loops[i].Name == name) return scope.Loops[i].Slot;
            if (scope.Names.TryGetValue(name, out var slot)) return slot;
        }
        return null;
    }
}
