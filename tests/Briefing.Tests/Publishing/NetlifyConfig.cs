using Tomlyn;
using Tomlyn.Model;

namespace Briefing.Tests.Publishing;

/// <summary>
/// What the tests need from netlify.toml, read with Tomlyn: the build settings and the header rules.
/// The browser tests compile this file too, to send the headers Netlify would send.
/// </summary>
public sealed record NetlifyConfig(string? Command, string? Publish, IReadOnlyList<NetlifyConfig.HeaderRule> Headers)
{
    public sealed record HeaderRule(string For, IReadOnlyDictionary<string, string> Values);

    /// <summary>Reads netlify.toml; a TOML syntax error throws Tomlyn's exception, which names the line.</summary>
    public static NetlifyConfig Parse(string toml)
    {
        var root = TomlSerializer.Deserialize<TomlTable>(toml) ?? new TomlTable();
        var build = root.TryGetValue("build", out var b) ? b as TomlTable : null;
        var headers = Tables(root, "headers")
            .Select(h => new HeaderRule(
                h.TryGetValue("for", out var f) && f is string path ? path : throw new InvalidDataException("netlify.toml: a [[headers]] rule has no 'for'."),
                (h.TryGetValue("values", out var v) && v is TomlTable values ? values : new TomlTable())
                    .ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return new NetlifyConfig(build is null ? null : Text(build, "command"), build is null ? null : Text(build, "publish"), headers);
    }

    private static IEnumerable<TomlTable> Tables(TomlTable root, string key) =>
        root.TryGetValue(key, out var value) && value is TomlTableArray array ? array : [];

    private static string? Text(TomlTable table, string key) => table.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>
    /// The headers Netlify sends for a path: every rule whose <c>for</c> matches (a trailing <c>*</c> matches any rest),
    /// applied in file order, a later rule's value replacing an earlier one's for the same header.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersFor(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Headers.Where(r => Matches(r.For, path)))
            foreach (var (k, v) in rule.Values) result[k] = v;
        return result.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
    }

    public static bool Matches(string pattern, string path) =>
        pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : string.Equals(pattern, path, StringComparison.Ordinal);
}
