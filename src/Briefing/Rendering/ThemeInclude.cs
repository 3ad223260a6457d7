using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering;

/// <summary>
/// <c>{{ include 'name' key: value … }}</c>: the partial <c>partials/name.sbn-html</c>, parsed with the theme, written
/// straight into the page (Scriban's own include renders it into a string of its own, which would then be printed
/// as an expression's value, and escaped). Each <c>key: value</c> is a variable of the partial.
/// </summary>
internal static class ThemeInclude
{
    /// <summary>
    /// Runs the partial named <paramref name="name"/> with <paramref name="scope"/> (its <c>key: value</c> variables) as
    /// globals of its own, above the page's: <c>date</c> in the partial is the value passed as date:, not Scriban's date
    /// functions, and what the partial assigns stays in it. The scope goes back to the context.
    /// </summary>
    private static void Run(ThemeContext theme, ScriptNode? caller, SourceSpan span, object? name, ScriptObject scope)
    {
        try
        {
            if (name is not string partial)
                throw new ScriptRuntimeException(span, "include needs the name of a partial in quotes: {{ include 'date' date: page.date }}");
            var path = theme.GetTemplatePathFromName(partial, caller)!;
            var template = theme.GetOrCreateTemplate(path, caller);
            theme.EnterRecursive(caller);
            theme.PushGlobal(scope); // with a scope of its own for local ($) variables
            try
            {
                theme.Run(template);
            }
            finally
            {
                theme.PopGlobal();
                theme.ExitRecursive(caller);
            }
        }
        finally
        {
            theme.ReturnScope(scope);
        }
    }

    /// <summary>
    /// <c>include</c> as a function, where a template calls it inside an expression. Scriban has evaluated each
    /// <c>name: value</c> already, into the arguments' named values.
    /// </summary>
    public sealed class Function : IScriptCustomFunction
    {
        public static readonly Function Instance = new();

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var theme = (ThemeContext)context;
            var span = callerContext?.Span ?? context.CurrentSpan;
            var scope = theme.RentScope();
            if (callerContext is ScriptFunctionCall call)
                foreach (var arg in call.Arguments)
                    if (arg is ScriptNamedArgument { Name: { } key } && arguments.TryGetValue(context, span, key.Name, out var value))
                        scope.SetValue(key.Name, value, false);
            Run(theme, callerContext, span, arguments.Count > 0 ? arguments[0] : null, scope);
            return null; // written already
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? new ScriptParameterInfo(typeof(string), "template_name") : new ScriptParameterInfo(typeof(object), "value");
        public int GetParameterIndexByName(string name) => -1;
    }

    /// <summary>
    /// Replaces every <c>{{ include … }}</c> statement of a parsed template by a <see cref="Statement"/>, which runs the
    /// partial as <see cref="Function"/> does without Scriban's call of a function (which gathers each call's named
    /// values into an array and an object of their own: most of what a page of cards allocates).
    /// </summary>
    public static void Rewrite(ScriptNode root)
    {
        var found = new List<(ScriptExpressionStatement Statement, ScriptFunctionCall Call)>();
        var pending = new Stack<ScriptNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (node is ScriptExpressionStatement { Expression: ScriptFunctionCall { Target: ScriptVariable { Name: "include" } } call } statement)
                found.Add((statement, call));
            foreach (var child in node.Children) pending.Push(child);
        }
        foreach (var (statement, call) in found) statement.Expression = new Statement(call);
    }

    /// <summary>An include statement: its arguments evaluated in order, as Scriban's call evaluates them.</summary>
    internal sealed class Statement : ScriptExpression
    {
        private readonly ScriptFunctionCall _call;

        public Statement(ScriptFunctionCall call) => (_call, Span) = (call, call.Span);

        /// <summary>The include call as written: its partial's name, then its arguments.</summary>
        public ScriptFunctionCall Call => _call;

        public override object? Evaluate(TemplateContext context)
        {
            var theme = (ThemeContext)context;
            var scope = theme.RentScope();
            object? name = null;
            try
            {
                var arguments = _call.Arguments;
                for (var i = 0; i < arguments.Count; i++)
                {
                    if (arguments[i] is ScriptNamedArgument { Name: { } key } named) scope.SetValue(key.Name, context.Evaluate(named), false);
                    else if (i == 0) name = context.ToObject(arguments[i].Span, context.Evaluate(arguments[i]), typeof(string));
                    else context.Evaluate(arguments[i]); // evaluated, as the function's arguments are, and not used
                }
            }
            catch
            {
                theme.ReturnScope(scope);
                throw;
            }
            // as deep as Scriban's call of the function counts it (the partial's run counts once more)
            context.EnterRecursive(_call);
            try { Run(theme, _call, _call.Span, name, scope); }
            finally { context.ExitRecursive(_call); }
            return null; // written already
        }

        public override void PrintTo(ScriptPrinter printer) => _call.PrintTo(printer);
    }
}
