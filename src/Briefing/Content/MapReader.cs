using System.Globalization;
using Briefing.Diagnostics;
using Briefing.Text;

namespace Briefing.Content;

/// <summary>
/// Reads typed fields out of a YAML mapping and reports, with positions, every missing field,
/// wrong type and unknown key (suggesting the closest known key).
/// </summary>
public sealed class MapReader
{
    private readonly YMapping _map;
    private readonly DiagnosticBag _diags;
    private readonly string _what;

    public MapReader(YNode? node, SourcePos where, string what, IReadOnlyCollection<string> knownKeys, DiagnosticBag diags)
    {
        _diags = diags;
        _what = what;
        if (node is YMapping m)
        {
            _map = m;
        }
        else
        {
            _map = new YMapping { Pos = node?.Pos ?? where };
            if (node is not null && !(node is YScalar s && s.IsNull))
                diags.Error(Codes.WrongType, node.Pos, $"{what} must be a mapping of 'key: value' lines, but this is {node.KindName}.");
            Valid = node is null || node is YScalar { IsNull: true };
        }
        foreach (var (key, _) in _map.Entries)
        {
            if (!knownKeys.Contains(key.Value))
                diags.Error(Codes.UnknownKey, key.Pos, $"Unknown key '{key.Value}' in {what}. " + Fuzzy.Suggest(key.Value, knownKeys, "keys"));
        }
    }

    public bool Valid { get; } = true;
    public SourcePos Pos => _map.Pos;

    public YNode? Node(string key)
    {
        // the last entry of that key (a duplicate key is reported elsewhere); a loop, not a lambda per lookup
        var entries = _map.Entries;
        for (var i = entries.Count - 1; i >= 0; i--)
            if (entries[i].Key.Value == key)
                return entries[i].Value is { } n && !(n is YScalar s && s.IsNull) ? n : null;
        return null;
    }

    public SourcePos PosOf(string key) => Node(key)?.Pos ?? _map.Entries.FirstOrDefault(e => e.Key.Value == key).Key?.Pos ?? _map.Pos;

    public Located<string>? String(string key, bool required = false)
    {
        var n = Node(key);
        if (n is null)
        {
            if (required) Missing(key, "text");
            return null;
        }
        if (n is not YScalar s)
        {
            _diags.Error(Codes.WrongType, n.Pos, $"'{key}' in {_what} must be text, but it is {n.KindName}.");
            return null;
        }
        var v = s.Value.Trim();
        if (required && v.Length == 0) { Missing(key, "text"); return null; }
        if (v.Contains(Placeholder, StringComparison.Ordinal))
            _diags.Error(Codes.Placeholder, s.Pos, $"'{key}' in {_what} is still the placeholder that 'new article' wrote ('{Shorten(v)}'). Replace it with {(key == "quote" ? "words copied exactly from the article" : "the real text")}.");
        return new Located<string>(v, s.Pos);
    }

    /// <summary>
    /// A required quote: one text, or a list of texts, one per paragraph, for a quote that runs from one paragraph into
    /// the next (joined by <see cref="Validation.QuoteFinder.ParagraphBreak"/>).
    /// </summary>
    public Located<string>? Quote(string key)
    {
        if (Node(key) is not YSequence seq) return String(key, required: true);
        if (seq.Items.Count == 0) { Empty(key, seq.Pos); return null; }
        var parts = new List<string>();
        foreach (var item in seq.Items)
        {
            if (item is not YScalar s || s.Value.Trim().Length == 0)
            {
                _diags.Error(Codes.WrongType, item.Pos, $"Each part of '{key}' in {_what} must be text: the words of one paragraph.");
                return null;
            }
            if (s.Value.Contains(Placeholder, StringComparison.Ordinal))
                _diags.Error(Codes.Placeholder, s.Pos, $"'{key}' in {_what} is still the placeholder that 'new article' wrote. Replace it with words copied exactly from the article.");
            parts.Add(s.Value.Trim());
        }
        return new Located<string>(string.Join(Validation.QuoteFinder.ParagraphBreak, parts), seq.Pos);
    }

    public int? Int(string key, bool required = false)
    {
        var s = String(key, required);
        if (s is null) return null;
        if (int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        _diags.Error(Codes.WrongType, s.Pos, $"'{key}' in {_what} must be a whole number, but it is '{s.Value}'.");
        return null;
    }

    public bool? Bool(string key)
    {
        var s = String(key);
        if (s is null) return null;
        switch (s.Value)
        {
            case "true" or "True" or "TRUE" or "yes": return true;
            case "false" or "False" or "FALSE" or "no": return false;
            default:
                _diags.Error(Codes.WrongType, s.Pos, $"'{key}' in {_what} must be true or false, but it is '{s.Value}'.");
                return null;
        }
    }

    /// <summary>A list of text values; a single text value is accepted as a one-item list.</summary>
    public IReadOnlyList<Located<string>> StringList(string key, bool required = false)
    {
        var n = Node(key);
        if (n is null)
        {
            if (required) Missing(key, "a list");
            return [];
        }
        if (n is YScalar one) return [new Located<string>(one.Value.Trim(), one.Pos)];
        if (n is not YSequence seq)
        {
            _diags.Error(Codes.WrongType, n.Pos, $"'{key}' in {_what} must be a list, but it is {n.KindName}.");
            return [];
        }
        if (required && seq.Items.Count == 0) { Empty(key, seq.Pos); return []; }
        var list = new List<Located<string>>();
        foreach (var item in seq.Items)
        {
            if (item is YScalar s) list.Add(new Located<string>(s.Value.Trim(), s.Pos));
            else _diags.Error(Codes.WrongType, item.Pos, $"Each item of '{key}' in {_what} must be text, but this is {item.KindName}.");
        }
        return list;
    }

    /// <summary>A list of mappings, each handed to <paramref name="read"/>.</summary>
    public IReadOnlyList<T> List<T>(string key, Func<YNode, T?> read, bool required = false) where T : class
    {
        var n = Node(key);
        if (n is null)
        {
            if (required) Missing(key, "a list");
            return [];
        }
        if (n is not YSequence seq)
        {
            _diags.Error(Codes.WrongType, n.Pos, $"'{key}' in {_what} must be a list (lines starting with '- '), but it is {n.KindName}.");
            return [];
        }
        if (required && seq.Items.Count == 0) { Empty(key, seq.Pos); return []; }
        var result = new List<T>(seq.Items.Count);
        foreach (var item in seq.Items)
            if (read(item) is { } t) result.Add(t);
        return result;
    }

    /// <summary>What <c>new article</c> writes where the editor's words go; published as it is, it would read "FILL IN: …".</summary>
    public const string Placeholder = "FILL IN";

    private static string Shorten(string v) => v.Length <= 60 ? v : v[..57] + "…";

    private void Empty(string key, SourcePos pos) =>
        _diags.Error(Codes.RequiredMissing, pos, $"'{key}' in {_what} is an empty list; it needs at least one item. " + (key switch
        {
            "topics" => "Name the ids of its topics in input/topics/, e.g. topics: [maritime-disputes].",
            "key_points" => "Add a key point: '- text: …', 'topic: …' and a 'quote: …' from the article.",
            _ => $"Add '- …' lines under '{key}:'.",
        }));

    private void Missing(string key, string type) =>
        _diags.Error(Codes.RequiredMissing, _map.Pos, $"{Capitalize(_what)} is missing the required field '{key}' ({type}). Add '{key}: …'.");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>A value with the place it was written.</summary>
public sealed record Located<T>(T Value, SourcePos Pos);
