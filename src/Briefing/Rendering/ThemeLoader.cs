using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering;

/// <summary>
/// Where <c>include 'name'</c> finds its partial: <c>partials/name.sbn-html</c> in the theme folder. The theme's
/// partials are parsed once, with the theme (<see cref="TemplateEngine"/>), and every rendering context starts with
/// them in its cache, so a page never parses one; reading the file here is for a partial that was not there then.
/// </summary>
internal sealed class ThemeLoader(string themeDir, string themeDisplay, IReadOnlyDictionary<string, Template> partials) : ITemplateLoader
{
    public const string Extension = ".sbn-html";

    /// <summary>The parsed partials by path (as <see cref="GetPath"/> names them).</summary>
    public IReadOnlyDictionary<string, Template> Partials { get; } = partials;

    /// <summary>The path by which a partial is known: its file as the theme's messages show it.</summary>
    public static string PathOf(string themeDisplay, string name) => $"{themeDisplay}/partials/{name}{Extension}";

    private readonly Dictionary<string, string> _paths = partials.Keys.ToDictionary(NameOf, p => p, StringComparer.Ordinal);

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (_paths.TryGetValue(templateName, out var known)) return known;
        if (templateName.Length == 0 || templateName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ScriptRuntimeException(callerSpan, $"'{templateName}' is not the name of a partial: write the file name under partials/ without {Extension}, e.g. include 'date'");
        var path = PathOf(themeDisplay, templateName);
        if (!Partials.ContainsKey(path) && !System.IO.File.Exists(FileOf(templateName)))
        {
            var near = Suggest.Closest(templateName, Partials.Keys.Select(NameOf));
            throw new ScriptRuntimeException(callerSpan, $"There is no partial '{templateName}' (add partials/{templateName}{Extension})" + (near is null ? "" : $"; did you mean '{near}'?"));
        }
        return path;
    }

    public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        System.IO.File.ReadAllText(FileOf(NameOf(templatePath)));

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult(Load(context, callerSpan, templatePath));

    private string FileOf(string name) => Path.Combine(themeDir, "partials", name + Extension);

    private static string NameOf(string path) => Path.GetFileName(path)[..^Extension.Length];
}
