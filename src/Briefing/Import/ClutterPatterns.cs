using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefing.Import;

/// <summary>
/// Loads the clutter rules: the defaults embedded from <c>src/Briefing/Import/clutter.yml</c>, or a file that
/// replaces them. A rules file is a YAML list of maps with <c>name</c>, <c>kind</c>, <c>pattern</c> and
/// <c>description</c>.
/// </summary>
public static class ClutterPatterns
{
    internal const string ResourceName = "Briefing.Import.clutter.yml";
    private static readonly Lazy<IReadOnlyList<ClutterRule>> Defaults = new(LoadDefaults);
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>
    /// The rules in <paramref name="path"/>, or the embedded defaults when it is null.
    /// Throws <see cref="InvalidDataException"/> naming the file, line and fix when the rules are not valid.
    /// </summary>
    public static IReadOnlyList<ClutterRule> Load(string? path = null)
    {
        if (path is null) return Defaults.Value;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the clutter rules: {e.Message}", e);
        }
        return Parse(text, path);
    }

    private static IReadOnlyList<ClutterRule> LoadDefaults()
    {
        using var stream = typeof(ClutterPatterns).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing: check src/Briefing/Briefing.csproj.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "clutter.yml");
    }

    /// <summary>Parses and checks a rules file's text; <paramref name="display"/> names it in messages.</summary>
    internal static IReadOnlyList<ClutterRule> Parse(string text, string display)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{display}({e.Start.Line},{e.Start.Column}): the clutter rules are not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
            throw new InvalidDataException($"{display}(1,1): the clutter rules must be a YAML list of rules, each with name, kind, pattern and description.");

        var rules = new List<ClutterRule>();
        var starts = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ends = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            string Where(YamlNode n) => $"{display}({n.Start.Line},{n.Start.Column})";
            if (item is not YamlMappingNode map)
                throw new InvalidDataException($"{Where(item)}: each rule must be a map with name, kind, pattern and description.");
            string Field(string key, bool required)
            {
                foreach (var (k, v) in map.Children)
                    if (k is YamlScalarNode ks && ks.Value == key)
                        return v is YamlScalarNode vs && vs.Value is { } s
                            ? s
                            : throw new InvalidDataException($"{Where(v)}: '{key}' must be a single value (quote the pattern in single quotes).");
                return required ? throw new InvalidDataException($"{Where(map)}: the rule has no '{key}'. Add '{key}:'.") : "";
            }
            foreach (var (k, _) in map.Children)
                if (k is not YamlScalarNode { Value: "name" or "kind" or "pattern" or "description" })
                    throw new InvalidDataException($"{Where(k)}: unknown key '{(k as YamlScalarNode)?.Value}'. A rule has name, kind, pattern and description.");

            var rule = new ClutterRule(Field("name", true).Trim(), Field("kind", true).Trim(), Field("pattern", true), Field("description", false).Trim());
            if (rule.Name.Length == 0)
                throw new InvalidDataException($"{Where(map)}: the rule's name is empty.");
            if (!ClutterKinds.All.Contains(rule.Kind))
                throw new InvalidDataException($"{Where(map)}: rule '{rule.Name}' has kind '{rule.Kind}'. Use one of: {string.Join(", ", ClutterKinds.All)}.");
            if (rule.Kind == ClutterKinds.Duplicate)
            {
                if (rule.Pattern is not ("title" or "previous"))
                    throw new InvalidDataException($"{Where(map)}: rule '{rule.Name}' is a duplicate rule; its pattern must be 'title' or 'previous'.");
            }
            else
            {
                try
                {
                    _ = new Regex(rule.Pattern, RegexOptions.CultureInvariant);
                    _ = Regex(rule.Pattern);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{Where(map)}: rule '{rule.Name}': the pattern is not a valid regular expression: {e.Message}", e);
                }
            }
            if (rule.Kind == ClutterKinds.BlockStart && !starts.TryAdd(rule.Name, map))
                throw new InvalidDataException($"{Where(map)}: there are two block-start rules named '{rule.Name}'.");
            if (rule.Kind == ClutterKinds.BlockEnd && !ends.Add(rule.Name))
                throw new InvalidDataException($"{Where(map)}: there are two block-end rules named '{rule.Name}'.");
            rules.Add(rule);
        }
        foreach (var (name, node) in starts)
            if (!ends.Contains(name))
                throw new InvalidDataException($"{display}({node.Start.Line},{node.Start.Column}): block-start rule '{name}' has no block-end rule with the same name. Add one.");
        foreach (var name in ends)
            if (!starts.ContainsKey(name))
                throw new InvalidDataException($"{display}(1,1): block-end rule '{name}' has no block-start rule with the same name. Add one.");
        return rules;
    }

    /// <summary>The compiled regex for a rule pattern: the whole trimmed line must match.</summary>
    internal static Regex Regex(string pattern) => Compiled.GetOrAdd(pattern, p =>
        new Regex($@"\A(?:{p})\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250)));
}
