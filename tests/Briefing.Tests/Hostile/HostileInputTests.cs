using System.Text;
using Briefing.Content;
using Briefing.Diagnostics;
using Briefing.Tests.Support;

namespace Briefing.Tests.Hostile;

/// <summary>
/// Hostile input: each case ends in a precise diagnostic and exit code 1 with the previous output untouched,
/// or (for names that only look unusual) in a normal build. Never a crash.
/// </summary>
public sealed class HostileInputTests
{
    private const string Alpha = "articles/2023-12-13-alpha.md";
    private const string AlphaSummary = "summaries/2023-12-13-alpha.yml";

    private static string AlphaText(TestSite site) => File.ReadAllText(Path.Combine(site.Input, Alpha));

    // ---- YAML bombs and nesting ----

    private static string BillionLaughs()
    {
        var sb = new StringBuilder("lol0: &lol0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
            sb.Append($"lol{i}: &lol{i} [{string.Join(", ", Enumerable.Repeat($"*lol{i - 1}", 9))}]\n");
        return sb.ToString();
    }

    [Fact]
    public void Billion_laughs_in_a_summary_is_refused_at_the_first_anchor()
    {
        using var site = Hostile.BuiltSite();
        site.Write(AlphaSummary, "summary: x\n" + BillionLaughs());
        var err = Hostile.FailsCleanly(site, Codes.YamlUnsupported, AlphaSummary, line: 2);
        Assert.Contains("anchors", err);
    }

    [Fact]
    public void Billion_laughs_in_front_matter_is_refused_at_the_line_in_the_file()
    {
        using var site = Hostile.BuiltSite();
        site.Write(Alpha, AlphaText(site).Replace("author: Jane Writer\n", "author: Jane Writer\n" + BillionLaughs()));
        Hostile.FailsCleanly(site, Codes.YamlUnsupported, Alpha, line: 6);
    }

    [Fact]
    public void An_alias_without_an_anchor_and_a_merge_key_are_refused()
    {
        using var site = Hostile.BuiltSite();
        site.Write("claims.yml", "- id: hotlines\n  topic: maritime-disputes\n  text: x\n- <<: *base\n  id: statement-length\n");
        Hostile.FailsCleanly(site, Codes.YamlUnsupported, "claims.yml", line: 4);
    }

    [Fact]
    public void A_custom_yaml_tag_is_refused()
    {
        using var site = Hostile.BuiltSite();
        site.Write("sources/beta-wire.yml", "name: !shell 'rm -rf /'\nkind: news-site\nnote: x\n");
        Hostile.FailsCleanly(site, Codes.YamlUnsupported, "sources/beta-wire.yml", line: 1);
    }

    [Fact]
    public void A_hundred_thousand_nested_flow_lists_are_refused_not_recursed()
    {
        using var site = Hostile.BuiltSite();
        site.Write("timeline.yml", new string('[', 100_000) + new string(']', 100_000) + "\n");
        Hostile.FailsCleanly(site, Codes.YamlUnsupported, "timeline.yml", line: 1);
    }

    [Fact]
    public void Deep_block_nesting_in_front_matter_is_refused_at_its_line()
    {
        using var site = Hostile.BuiltSite();
        var deep = string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "k:\n"));
        site.Write(Alpha, AlphaText(site).Replace("author: Jane Writer\n", "author: Jane Writer\nextra:\n" + string.Concat(deep.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"))));
        var err = Hostile.FailsCleanly(site, Codes.YamlUnsupported, Alpha);
        Assert.Contains("deeper than 32", err);
    }

    // ---- Markdown nesting (crashed the build before: Markdig's depth-limit exception was unhandled) ----

    [Theory]
    [InlineData("blockquotes")]
    [InlineData("lists")]
    [InlineData("brackets")]
    [InlineData("emphasis")]
    public void Markdown_nested_past_the_limit_is_an_error_not_a_crash(string kind)
    {
        using var site = Hostile.BuiltSite();
        var bomb = kind switch
        {
            "blockquotes" => new string('>', 20_000) + " deep",
            "lists" => string.Concat(Enumerable.Repeat("- ", 5_000)) + "deep",
            "brackets" => new string('[', 50_000) + "x" + new string(']', 50_000),
            _ => new string('*', 50_000) + "x" + new string('*', 50_000),
        };
        site.Write(Alpha, AlphaText(site) + "\n" + bomb + "\n");
        var err = Hostile.FailsCleanly(site, Codes.MarkdownTooDeep, Alpha, line: 8);
        Assert.Contains("nested more than 128 levels", err);
    }

    [Fact]
    public void Markdown_nested_past_the_limit_in_a_topic_overview_names_the_topic()
    {
        using var site = Hostile.BuiltSite();
        site.Write("topics/maritime-disputes.md", "---\ntitle: Maritime disputes\norder: 2\n---\n" + new string('>', 10_000) + " x\n");
        Hostile.FailsCleanly(site, Codes.MarkdownTooDeep, "topics/maritime-disputes.md", line: 5);
    }

    // ---- size ----

    [Fact]
    public void A_50_MB_article_is_refused_naming_the_file_and_the_limit_without_reading_it()
    {
        using var site = Hostile.BuiltSite();
        var path = Path.Combine(site.Input, "articles", "2023-12-15-huge.md");
        using (var f = new FileStream(path, FileMode.CreateNew))
        {
            f.Write("---\ntitle: Huge\nsource: alpha-news\ntopics: [security-cooperation]\n---\n"u8);
            f.SetLength(50L * 1024 * 1024); // sparse: nothing to write, nothing that should be read
        }
        var err = Hostile.FailsCleanly(site, Codes.TooLarge, "articles/2023-12-15-huge.md");
        Assert.Contains("50 MB; the limit for this kind of file is 20 MB", err);

        // the size check comes before reading: loading the file allocates next to nothing
        var files = new InputFiles(site.Input, "input");
        var diags = new DiagnosticBag();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(files.Read(path, diags, InputFiles.MaxArticleBytes));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1024 * 1024);
        Assert.Equal(Codes.TooLarge, Assert.Single(diags.Sorted()).Code);
    }

    [Fact]
    public void An_article_just_over_the_limit_is_refused_and_one_at_the_limit_is_read()
    {
        using var site = Hostile.BuiltSite();
        var head = "---\ntitle: Big\nsource: alpha-news\ntopics: [security-cooperation]\n---\n";
        var paragraph = "China and Vietnam agreed to set up more hotlines for incidents at sea.\n\n";
        var body = new StringBuilder(head);
        while (body.Length + paragraph.Length <= InputFiles.MaxArticleBytes) body.Append(paragraph);
        body.Append('x', (int)(InputFiles.MaxArticleBytes - body.Length));
        site.Write("articles/2023-12-15-big.md", body.ToString());
        var files = new InputFiles(site.Input, "input");
        var diags = new DiagnosticBag();
        Assert.NotNull(files.Read(Path.Combine(site.Input, "articles", "2023-12-15-big.md"), diags, InputFiles.MaxArticleBytes));
        Assert.Empty(diags.Sorted());
        File.AppendAllText(Path.Combine(site.Input, "articles", "2023-12-15-big.md"), "x");
        var err = Hostile.FailsCleanly(site, Codes.TooLarge, "articles/2023-12-15-big.md");
        Assert.Contains("21 MB; the limit for this kind of file is 20 MB", err);
    }

    [Fact]
    public void A_data_file_over_5_MB_is_refused()
    {
        using var site = Hostile.BuiltSite();
        var sb = new StringBuilder();
        var i = 0;
        while (sb.Length < 6 * 1024 * 1024) sb.Append($"- id: claim-{i++}\n  topic: maritime-disputes\n  text: filler filler filler filler filler\n");
        site.Write("claims.yml", sb.ToString());
        var err = Hostile.FailsCleanly(site, Codes.TooLarge, "claims.yml");
        Assert.Contains("limit for this kind of file is 5 MB", err);
    }

    [Fact]
    public void A_summary_with_ten_thousand_entries_builds_safely()
    {
        using var site = Hostile.BuiltSite();
        var sb = new StringBuilder("summary: Many points.\nangle: All of them.\nkey_points:\n");
        for (var i = 0; i < 5_000; i++)
            sb.Append($"  - text: Point {i} <b>bold</b>\n    topic: maritime-disputes\n    quote: \"agreed to set up more hotlines\"\n");
        sb.Append("claims:\n");
        for (var i = 0; i < 5_000; i++) sb.Append("  - claim: hotlines\n    quote: \"set up more hotlines for incidents at sea\"\n");
        site.Write(AlphaSummary, sb.ToString());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        var page = site.Page("articles/2023-12-13-alpha/index.html");
        Assert.Contains("Point 4999 &lt;b&gt;bold&lt;/b&gt;", page);
        Assert.DoesNotContain("<b>bold", page);
    }

    [Fact]
    public void A_summary_with_ten_thousand_wrong_quotes_reports_every_one()
    {
        using var site = Hostile.BuiltSite();
        var sb = new StringBuilder("summary: Many points.\nkey_points:\n  - text: k\n    topic: maritime-disputes\n    quote: \"agreed to set up more hotlines\"\nclaims:\n");
        for (var i = 0; i < 10_000; i++) sb.Append($"  - claim: hotlines\n    quote: \"not in the article {i}\"\n");
        site.Write(AlphaSummary, sb.ToString());
        var err = Hostile.FailsCleanly(site, Codes.QuoteNotFound, AlphaSummary, line: 20_006);
        Assert.Contains("Build failed: 10000 error(s)", err);
    }

    [Fact]
    public void Thousands_of_wrong_quotes_against_a_large_article_finish_in_seconds()
    {
        // Before: each missing quote scanned the article twice and re-split it for the closest passage
        // (about a second per quote on a 15 MB article), so 10,000 wrong quotes took hours.
        using var site = Hostile.BuiltSite();
        var rng = new Random(7);
        string[] vocabulary = ["china", "vietnam", "sea", "hotline", "party", "visit", "trade", "port", "talks", "deal", "the", "of", "and", "to"];
        var article = new StringBuilder(AlphaText(site));
        while (article.Length < 5 * 1024 * 1024)
            article.Append('\n').Append(string.Join(' ', Enumerable.Range(0, 60).Select(_ => vocabulary[rng.Next(vocabulary.Length)]))).Append(".\n");
        site.Write(Alpha, article.ToString());
        var summary = new StringBuilder("summary: x\nkey_points:\n  - text: k\n    topic: maritime-disputes\n    quote: \"agreed to set up more hotlines\"\nclaims:\n");
        for (var i = 0; i < 2_000; i++)
            summary.Append($"  - claim: hotlines\n    quote: \"{(i % 2 == 0 ? $"words {i} that are nowhere" : "sea the china port of vietnam talks deal")}\"\n");
        site.Write(AlphaSummary, summary.ToString());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var err = Hostile.FailsCleanly(site, Codes.QuoteNotFound, AlphaSummary, line: 8);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"took {watch.Elapsed}");
        Assert.Contains("Build failed: 2000 error(s)", err);
        Assert.Contains("Closest passage: ", err);
        Assert.Contains("shown for the first 50 missing quotes", err);
    }

    // ---- encoding ----

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "a truncated two-byte sequence")]
    [InlineData(new byte[] { 0xC0, 0xAF }, "an overlong '/'")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "an encoded UTF-16 surrogate")]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "a code point above U+10FFFF")]
    [InlineData(new byte[] { 0xFF }, "a byte that never occurs in UTF-8")]
    public void Invalid_utf8_in_a_data_file_names_its_line(byte[] bad, string what)
    {
        using var site = Hostile.BuiltSite();
        var text = Encoding.UTF8.GetBytes("- id: hotlines\n  topic: maritime-disputes\n  text: They agreed ");
        site.WriteBytes("claims.yml", [.. text, .. bad, .. "\n"u8]);
        var err = Hostile.FailsCleanly(site, Codes.InvalidUtf8, "claims.yml", line: 3);
        Assert.True(err.Contains("not valid UTF-8", StringComparison.Ordinal), what);
    }

    [Fact]
    public void A_multi_byte_sequence_cut_off_at_the_end_of_the_file_is_invalid_utf8()
    {
        using var site = Hostile.BuiltSite();
        site.WriteBytes(AlphaSummary, [.. Encoding.UTF8.GetBytes("summary: Nguy"), 0xE1, 0xBB]);
        Hostile.FailsCleanly(site, Codes.InvalidUtf8, AlphaSummary, line: 1);
    }

    [Fact]
    public void A_file_saved_as_utf16_is_refused_as_not_utf8()
    {
        using var site = Hostile.BuiltSite();
        site.WriteBytes("sources/beta-wire.yml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("name: Beta\nkind: news-site\n")).ToArray());
        Hostile.FailsCleanly(site, Codes.InvalidUtf8, "sources/beta-wire.yml", line: 1);
    }

    [Fact]
    public void A_nul_byte_in_front_matter_names_its_line()
    {
        using var site = Hostile.BuiltSite();
        site.Write(Alpha, AlphaText(site).Replace("author: Jane", "author: Ja\0ne"));
        Hostile.FailsCleanly(site, Codes.InvalidUtf8, Alpha, line: 5);
    }

    [Fact]
    public void A_nul_byte_in_a_summary_names_its_line()
    {
        using var site = Hostile.BuiltSite();
        site.Write(AlphaSummary, "summary: x\nangle: \0\n");
        Hostile.FailsCleanly(site, Codes.InvalidUtf8, AlphaSummary, line: 2);
    }

    // ---- front matter ----

    [Theory]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\ntitle: Alpha\nsource: alpha-news\n")]
    [InlineData("---\ntitle: Alpha\n-- \n\nText.\n")]
    [InlineData("---\r\ntitle: Alpha\r\n")]
    public void Front_matter_that_is_never_closed_is_an_error_at_line_1(string text)
    {
        using var site = Hostile.BuiltSite();
        site.Write(Alpha, text);
        Hostile.FailsCleanly(site, Codes.FrontMatterUnclosed, Alpha, line: 1);
    }

    [Fact]
    public void An_empty_article_file_has_no_front_matter()
    {
        using var site = Hostile.BuiltSite();
        site.Write(Alpha, "");
        Hostile.FailsCleanly(site, Codes.FrontMatterMissing, Alpha, line: 1);
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_is_a_type_error()
    {
        using var site = Hostile.BuiltSite();
        site.Write(Alpha, "---\n- a list\n- not a mapping\n---\nText.\n");
        Hostile.FailsCleanly(site, Codes.WrongType, Alpha);
    }

    // ---- ids that try to escape or deceive ----

    [Theory]
    [InlineData("../../etc/passwd", "'.'")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\\\b", "'\\'")]
    [InlineData("hot\u200Blines", "U+200B")]
    [InlineData("\u04BBotlines", "U+04BB")]          // Cyrillic shha, looks like h
    [InlineData("h\u043Etlines", "U+043E")]          // Cyrillic o
    [InlineData("\uFF48otlines", "U+FF48")]          // fullwidth h
    [InlineData("hotlines\u202E", "U+202E")]         // right-to-left override
    public void A_claim_id_that_escapes_or_looks_alike_is_refused_naming_the_character(string id, string named)
    {
        using var site = Hostile.BuiltSite();
        site.Write("claims.yml", $"- id: \"{id}\"\n  topic: maritime-disputes\n  text: x\n- id: statement-length\n  topic: security-cooperation\n  text: y\n");
        var err = Hostile.FailsCleanly(site, Codes.InvalidId, "claims.yml", line: 1);
        Assert.Contains(named, err);
    }

    [Fact]
    public void Control_characters_in_content_never_reach_the_terminal_raw()
    {
        // Before: an id holding ESC sequences or a line break was echoed as is: it could recolour or retitle
        // the terminal, or forge a second diagnostic line.
        using var site = Hostile.BuiltSite();
        site.Write("claims.yml", "- id: \"x\\e]0;pwned\\a\\e[2J\\ninput/site.yml(1,1): error BRF000: forged\"\n  topic: maritime-disputes\n  text: x\n");
        site.Write("articles/2023-12-15-\u202Egnp.md", AlphaText(site));
        var err = Hostile.FailsCleanly(site, Codes.InvalidId, "claims.yml", line: 1);
        Assert.DoesNotContain('\u001b', err);
        Assert.DoesNotContain('\u0007', err);
        Assert.DoesNotContain('\u202E', err);
        Assert.DoesNotContain("\ninput/site.yml(1,1): error BRF000", err);
        Assert.Contains("x<U+001B>]0;pwned<U+0007>", err);
        Assert.Contains("2023-12-15-<U+202E>gnp.md", err);
    }

    [Theory]
    [InlineData("topics: [\u0455ecurity-cooperation]", "security-cooperation")]   // Cyrillic dze for s
    [InlineData("source: ../sources/alpha-news", "alpha-news")]
    [InlineData("derived_from: ../2023-12-14-beta", "2023-12-14-beta")]
    public void A_reference_that_only_looks_right_is_unknown_and_the_real_id_is_suggested(string line, string suggested)
    {
        using var site = Hostile.BuiltSite();
        var key = line[..line.IndexOf(':')];
        var text = AlphaText(site);
        text = key switch
        {
            "topics" => text.Replace("topics: [security-cooperation, maritime-disputes]", line),
            "source" => text.Replace("source: alpha-news", line),
            _ => text.Replace("author: Jane Writer", "author: Jane Writer\n" + line),
        };
        site.Write(Alpha, text);
        var err = Hostile.FailsCleanly(site, Codes.UnknownReference, Alpha);
        Assert.Contains(suggested, err);
    }

    [Fact]
    public void Timeline_and_glossary_references_that_climb_out_are_unknown()
    {
        using var site = Hostile.BuiltSite();
        site.Write("timeline.yml", "- date: 2023-12-13\n  title: x\n  articles: [\"../../etc/passwd\"]\n");
        Hostile.FailsCleanly(site, Codes.UnknownReference, "timeline.yml", line: 3);
    }

    [Fact]
    public void A_file_name_with_a_dot_dot_or_a_backslash_is_refused()
    {
        using var site = Hostile.BuiltSite();
        site.Write("topics/...md", "---\ntitle: Dots\n---\nx\n");
        site.Write("sources/a\\b.yml", "name: x\nkind: unknown\nnote: x\n");
        var (code, _, err) = Hostile.Build(site);
        Assert.Equal(1, code);
        Assert.Contains("error BRF030: The topic id '..'", err);
        Assert.Contains("error BRF030: The source id 'a\\b'", err);
        Hostile.NoCrash(err);
        Hostile.NoLeftovers(site);
    }

    // ---- symbolic links ----

    private static string Outside(TestSite site)
    {
        var dir = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void A_folder_that_is_a_symlink_out_of_input_is_refused_file_by_file()
    {
        // Before the fix, input/summaries -> ../outside was read as if it were input.
        using var site = Hostile.BuiltSite();
        var outside = Outside(site);
        foreach (var f in Directory.GetFiles(Path.Combine(site.Input, "summaries")))
            File.Move(f, Path.Combine(outside, Path.GetFileName(f)));
        Directory.Delete(Path.Combine(site.Input, "summaries"));
        Directory.CreateSymbolicLink(Path.Combine(site.Input, "summaries"), outside);
        var err = Hostile.FailsCleanly(site, Codes.Unreadable, AlphaSummary);
        Assert.Contains("a symbolic link to a place outside the input folder", err);
        Assert.Contains("summaries/2023-12-14-beta.yml", err);
    }

    [Fact]
    public void A_chain_of_symlinks_that_ends_outside_is_refused()
    {
        using var site = Hostile.BuiltSite();
        var secret = Path.Combine(Outside(site), "secret.yml");
        File.WriteAllText(secret, "name: Secret\nkind: unknown\nnote: should never be read\n");
        File.CreateSymbolicLink(Path.Combine(site.Input, "hop.yml"), secret);
        File.CreateSymbolicLink(Path.Combine(site.Input, "sources", "gamma.yml"), Path.Combine("..", "hop.yml"));
        var err = Hostile.FailsCleanly(site, Codes.Unreadable, "sources/gamma.yml");
        Assert.DoesNotContain("should never be read", err);
    }

    [Fact]
    public void A_dangling_symlink_and_a_symlink_loop_are_unreadable_not_crashes()
    {
        using var site = Hostile.BuiltSite();
        File.CreateSymbolicLink(Path.Combine(site.Input, "sources", "gone.yml"), Path.Combine(site.Input, "nowhere.yml"));
        File.CreateSymbolicLink(Path.Combine(site.Input, "sources", "loop-a.yml"), Path.Combine(site.Input, "sources", "loop-b.yml"));
        File.CreateSymbolicLink(Path.Combine(site.Input, "sources", "loop-b.yml"), Path.Combine(site.Input, "sources", "loop-a.yml"));
        var err = Hostile.FailsCleanly(site, Codes.Unreadable, "sources/gone.yml");
        Assert.Contains("sources/loop-a.yml", err);
        Assert.Contains("sources/loop-b.yml", err);
    }

    [Fact]
    public void A_symlink_to_a_file_inside_input_is_followed()
    {
        using var site = Hostile.BuiltSite();
        Directory.CreateDirectory(Path.Combine(site.Input, "shared"));
        File.Move(Path.Combine(site.Input, "sources", "beta-wire.yml"), Path.Combine(site.Input, "shared", "beta.yml"));
        File.CreateSymbolicLink(Path.Combine(site.Input, "sources", "beta-wire.yml"), Path.Combine("..", "shared", "beta.yml"));
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        Assert.Contains("Beta Wire", site.Page("sources/index.html"));
    }

    // ---- names that only look unusual: these simply work ----

    [Fact]
    public void Files_named_with_spaces_and_vietnamese_letters_build_and_summaries_refer_to_them()
    {
        using var site = Hostile.BuiltSite();
        site.Write("sources/Báo Mới.yml", "name: Báo Mới\nkind: news-site\nnote: A Vietnamese aggregator.\n");
        site.Write("topics/Kinh tế.md", "---\ntitle: Kinh tế\norder: 3\nquestion: What about the economy?\n---\nTrade.\n");
        site.Write("articles/Hà Nội visit.md", "---\ntitle: Xi in Hà Nội\nsource: bao-moi\ntopics: [kinh-te]\n---\nXi Jinping arrived in Hà Nội for a two-day visit.\n");
        site.Write("summaries/ha-noi-visit.yml", "summary: The visit.\nkey_points:\n  - text: Arrival.\n    topic: kinh-te\n    quote: \"arrived in Hà Nội\"\n");
        site.Write("timeline.yml", File.ReadAllText(Path.Combine(site.Input, "timeline.yml")) + "\n- date: 2023-12-12\n  title: Xi arrives\n  articles: [ha-noi-visit]\n");
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        Assert.Equal("", err);
        var page = site.Page("articles/ha-noi-visit/index.html");
        Assert.Contains("Xi in Hà Nội", page);
        Assert.Contains("href=\"/sources/#bao-moi\"", page);
        Assert.Contains("arrived in Hà Nội", site.Page("topics/kinh-te/index.html"));
        Assert.Contains("/articles/ha-noi-visit/", site.Page("timeline/index.html"));
    }

    [Fact]
    public void A_summary_file_may_carry_the_same_unusual_name_as_its_article()
    {
        using var site = Hostile.BuiltSite();
        // decomposed (NFD) spelling, as macOS file systems store it
        var name = "Đà Nẵng port call".Normalize(NormalizationForm.FormD);
        site.Write($"articles/{name}.md", "---\ntitle: Port call\nsource: alpha-news\ntopics: [maritime-disputes]\n---\nA ship called at the port.\n");
        site.Write($"summaries/{name}.yml", "summary: A port call.\nkey_points:\n  - text: Ship.\n    topic: maritime-disputes\n    quote: \"called at the port\"\n");
        var (code, _, err) = Hostile.Build(site);
        Assert.True(code == 0, err);
        Assert.Contains("called at the port", site.Page("articles/da-nang-port-call/index.html"));
        Assert.DoesNotContain("BRF051", err);
    }

    [Fact]
    public void Two_file_names_that_give_the_same_slug_are_duplicates()
    {
        using var site = Hostile.BuiltSite();
        site.Write("articles/2023-12-13 Alpha.md", AlphaText(site));
        var (code, _, err) = Hostile.Build(site);
        Assert.Equal(1, code);
        Assert.Contains("error BRF031: The article slug '2023-12-13-alpha' is already used", err);
        Hostile.NoCrash(err);
    }

    [Theory]
    [InlineData("Hà Nội visit", "ha-noi-visit")]
    [InlineData("  Đà_Nẵng -- port  ", "da-nang-port")]
    [InlineData("Straße Œuvre", "strasse-oeuvre")]
    [InlineData("2023-12-13-alpha", "2023-12-13-alpha")]
    [InlineData("..evil", "..evil")]
    [InlineData("\u0430lpha", "\u0430lpha")]
    [InlineData("习近平", "习近平")]
    public void File_names_become_slugs_by_folding_latin_letters_and_nothing_else(string name, string slug) =>
        Assert.Equal(slug, Slugs.FromFileName(name + ".md"));
}
