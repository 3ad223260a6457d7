namespace Briefing.Publishing;

/// <summary>What the tests and the preview need from netlify.toml: the build settings and the header rules.</summary>
public sealed record NetlifyConfig(string? Command, string? Publish, IReadOnlyList<NetlifyConfig.HeaderRule> Headers, IReadOnlyList<NetlifyConfig.Redirect> Redirects)
{
    public sealed record HeaderRule(string For, IReadOnlyDictionary<string, string> Values);
    public sealed record Redirect(string From, string To, long Status);

    public static NetlifyConfig Parse(string toml)
    {
        var root = MiniToml.Parse(toml);
        var build = root.GetValueOrDefault("build") as Dictionary<string, object>;
        var headers = (root.GetValueOrDefault("headers") as List<object> ?? [])
            .OfType<Dictionary<string, object>>()
            .Select(h => new HeaderRule(
                h.GetValueOrDefault("for") as string ?? throw new TomlException(0, "a [[headers]] rule has no 'for'."),
                (h.GetValueOrDefault("values") as Dictionary<string, object> ?? []).ToDictionary(kv => kv.Key, kv => kv.Value as string ?? kv.Value.ToString()!, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var redirects = (root.GetValueOrDefault("redirects") as List<object> ?? [])
            .OfType<Dictionary<string, object>>()
            .Select(r => new Redirect(r.GetValueOrDefault("from") as string ?? "", r.GetValueOrDefault("to") as string ?? "", r.GetValueOrDefault("status") as long? ?? 301))
            .ToList();
        return new NetlifyConfig(build?.GetValueOrDefault("command") as string, build?.GetValueOrDefault("publish") as string, headers, redirects);
    }

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
