using Briefing.Diagnostics;

namespace Briefing.Content;

/// <summary>The list files of the input: claims.yml, timeline.yml and glossary.yml, an entry each.</summary>
public sealed partial class InputLoader
{
    /// <summary>A list file (claims, timeline, glossary); the preview keeps its entries while the file is unchanged.</summary>
    private List<T> LoadList<T>(string path, string name, Func<InputLoader, YNode, T?> read) where T : class
    {
        if (!File.Exists(path)) return [];
        return Parsed(name, path, l => l.LoadListUncached(path, name, n => read(l, n)));
    }

    private List<T> LoadListUncached<T>(string path, string name, Func<YNode, T?> read) where T : class
    {
        if (!File.Exists(path)) return [];
        var (node, display) = ReadYamlFile(path);
        if (node is null) return [];
        if (node is not YSequence seq)
        {
            diags.Error(Codes.WrongType, node.Pos, $"{name} must be a list of entries, each starting with '- '.");
            return [];
        }
        return seq.Items.Select(read).OfType<T>().ToList();
    }

    private Claim? ReadClaim(YNode n)
    {
        var r = new MapReader(n, n.Pos, "a claim", ClaimKeys, diags);
        var id = r.String("id", required: true);
        var text = r.String("text", required: true);
        var topic = r.String("topic", required: true);
        var date = ReadDate(r, "date", required: false, diags);
        return id is null || text is null ? null : new Claim(id.Value, topic, text.Value, id.Pos) { Date = date, Checked = ReadDate(r, "checked", required: false, diags) };
    }

    private TimelineEvent? ReadEvent(YNode n)
    {
        var r = new MapReader(n, n.Pos, "a timeline event", EventKeys, diags);
        var date = ReadDate(r, "date", required: true, diags);
        var title = r.String("title", required: true);
        if (date is null || title is null) return null;
        var text = r.String("text");
        return new TimelineEvent(date.Value, title.Value, text?.Value ?? "", r.StringList("articles"), n.Pos) { Topics = r.StringList("topics"), TextPos = text?.Pos ?? n.Pos };
    }

    private GlossaryEntry? ReadGlossary(YNode n)
    {
        var r = new MapReader(n, n.Pos, "a glossary entry", GlossaryKeys, diags);
        var id = r.String("id", required: true);
        var name = r.String("name", required: true);
        var kind = r.String("kind");
        if (kind is not null && !GlossaryEntry.Kinds.Contains(kind.Value))
            diags.Error(Codes.InvalidValue, kind.Pos, $"Unknown glossary kind '{kind.Value}'. Use one of: {string.Join(", ", GlossaryEntry.Kinds)}.");
        var native = r.String("native_name");
        var lang = r.String("native_lang");
        if (native is not null && lang is null)
            diags.Error(Codes.RequiredMissing, native.Pos, "'native_name' needs 'native_lang' too (a BCP 47 code such as vi or zh-Hans), so browsers and screen readers pronounce it right.");
        var text = r.String("text");
        if (id is null || name is null) return null;
        return new GlossaryEntry
        {
            Id = id.Value,
            Pos = id.Pos,
            Name = name.Value,
            Kind = kind?.Value ?? "term",
            Role = r.String("role")?.Value,
            AsOf = ReadDate(r, "as_of", required: false, diags),
            NativeName = native?.Value,
            NativeLang = lang?.Value,
            Text = text?.Value ?? "",
            TextPos = text?.Pos ?? id.Pos,
            Articles = r.StringList("articles"),
            Variants = r.StringList("variants"),
        };
    }
}
