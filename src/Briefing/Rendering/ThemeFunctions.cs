using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering;

/// <summary>
/// The helper functions a theme's templates can call besides Scriban's built-ins. Each is a small
/// <see cref="IScriptCustomFunction"/> rather than an imported .NET method, which Scriban would bind by reflection.
/// </summary>
internal static class ThemeFunctions
{
    public static void ImportInto(ScriptObject builtins)
    {
        // {{ quoted x }}: x inside typographic double quotes; its own double quotes become single ones, as nested
        // quotations are printed (“… ‘shared future’”), never ““…””. Escaped like any value.
        builtins.SetValue("quoted", new TextFunction("quoted", TemplateEngine.Quoted), readOnly: true);
    }

    /// <summary>A function of one text argument that returns text.</summary>
    internal sealed class TextFunction(string name, Func<string?, string> apply) : IScriptCustomFunction
    {
        /// <summary>What it does to the text (the compiled templates call it directly).</summary>
        public Func<string?, string> Apply => apply;

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != 1)
                throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, $"{name} takes one value ({name} x), not {arguments.Count}");
            return apply(arguments[0] is null ? null : context.ObjectToString(arguments[0]));
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(string);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "text");
        public int GetParameterIndexByName(string name) => name == "text" ? 0 : -1;
    }
}
