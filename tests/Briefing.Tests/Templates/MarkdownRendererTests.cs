using System.Text;
using Briefing.Rendering;

namespace Briefing.Tests.Templates;

public class MarkdownRendererTests
{
    [Fact]
    public void Long_html_with_characters_outside_the_bmp_is_encoded_whole()
    {
        // long enough for the HTML to span several chunks of the renderer's builder, so some surrogate pairs are split
        // between two chunks
        var paragraphs = Enumerable.Range(0, 400).Select(i => $"Paragraph {i}: Hà Nội \U0001F1FB\U0001F1F3 and Běijīng \U0001F1E8\U0001F1F3, “quoted” — {new string('x', i % 7)}");
        var markdown = string.Join("\n\n", paragraphs);
        var rendered = new MarkdownRenderer(allowHtml: false).Render(markdown, anchorParagraphs: true);
        Assert.True(rendered.HtmlUtf8.Length > 3 * 8000);
        var html = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(rendered.HtmlUtf8);
        Assert.DoesNotContain('\uFFFD', html);
        Assert.Equal(400 * 2, html.Split("\U0001F1FB\U0001F1F3").Length - 1 + html.Split("\U0001F1E8\U0001F1F3").Length - 1);
        Assert.Equal(400, rendered.Paragraphs.Count);
        Assert.Contains("<p id=\"p-400\">Paragraph 399: Hà Nội \U0001F1FB\U0001F1F3 and Běijīng \U0001F1E8\U0001F1F3, “quoted” — <a class=\"pilcrow\" href=\"#p-400\"", html);
    }

    [Fact]
    public void A_surrogate_pair_split_between_two_chunks_of_a_builder_is_encoded_as_one_character()
    {
        var sb = new StringBuilder(2).Append('a').Append("\U0001F600 and more text in a later chunk");
        var chunks = new List<string>();
        foreach (var c in sb.GetChunks()) chunks.Add(c.ToString());
        Assert.True(chunks.Count > 1 && char.IsHighSurrogate(chunks[0][^1]), "the test needs the pair split between chunks");
        Assert.Equal(Encoding.UTF8.GetBytes(sb.ToString()), MarkdownRenderer.Utf8(sb));
    }

    [Fact]
    public void A_page_larger_than_the_kept_buffers_with_characters_outside_the_bmp_is_written_whole()
    {
        var theme = Directory.CreateTempSubdirectory("briefing-theme-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(theme, "layouts"));
            Directory.CreateDirectory(Path.Combine(theme, "pages"));
            File.WriteAllText(Path.Combine(theme, "layouts", "base.sbn-html"), "<main>{{ layout.body_html }}</main>");
            File.WriteAllText(Path.Combine(theme, "pages", "big.sbn-html"), "{{ for item in page.items }}<p>{{ item }}</p>{{ end }}");
            var diags = new Briefing.Diagnostics.DiagnosticBag();
            var engine = TemplateEngine.Load(theme, "theme", diags)!;
            // 3 MB of UTF-8 (more than a thread keeps), odd-length items so that pairs land on chunk boundaries
            var items = Enumerable.Range(0, 120_000).Select(i => new string('x', i % 5) + "\U0001F600 Hà Nội " + i).ToList();
            var model = new Dictionary<string, object?> { ["items"] = items };
            object Layout(HtmlBody body) => new Dictionary<string, object?> { ["body_html"] = body };
            var page = engine.RenderUtf8("big", model, Layout, diags)!.Value;
            Assert.False(page.InMemory); // in pieces, not in one array on the large-object heap
            var bytes = page.ToArray();
            var expected = "<main>" + string.Concat(items.Select(i => $"<p>{i}</p>")) + "</main>";
            Assert.True(bytes.Length > 2 << 20);
            Assert.Equal(bytes.Length, page.Length);
            Assert.Equal(expected, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
            // written into a stream, as a build writes it into its file
            var written = new MemoryStream();
            engine.RenderUtf8("big", model, Layout, diags)!.Value.WriteTo(written);
            Assert.Equal(bytes, written.ToArray());
            // a small page after it is in memory, and whole
            var small = engine.RenderUtf8("big", new Dictionary<string, object?> { ["items"] = new[] { "Hà Nội \U0001F600" } }, Layout, diags)!.Value;
            Assert.True(small.InMemory);
            Assert.Equal("<main><p>Hà Nội \U0001F600</p></main>", Encoding.UTF8.GetString(small.Bytes));
        }
        finally
        {
            Directory.Delete(theme, recursive: true);
        }
    }

    [Fact]
    public void The_same_text_renders_to_the_same_bytes_after_a_larger_document()
    {
        var md = new MarkdownRenderer(allowHtml: false);
        var small = md.Render("One *short* paragraph.", anchorParagraphs: true).HtmlUtf8;
        md.Render(string.Join("\n\n", Enumerable.Repeat("A much longer paragraph of text that fills the builder.", 3000)), anchorParagraphs: true);
        Assert.Equal(small, md.Render("One *short* paragraph.", anchorParagraphs: true).HtmlUtf8);
        Assert.Equal("<p id=\"p-1\">One <em>short</em> paragraph. <a class=\"pilcrow\" href=\"#p-1\" aria-label=\"Link to paragraph 1\">¶</a></p>\n", Encoding.UTF8.GetString(small));
    }
}

public class PackedParagraphsTests
{
    [Fact]
    public void Packed_paragraphs_read_back_as_the_same_strings()
    {
        string[] paragraphs = ["Hà Nội and Běijīng \U0001F1FB\U0001F1F3, “quoted” — dashes", "", "plain ASCII", "最后一段"];
        var packed = PackedParagraphs.Pack(paragraphs);
        Assert.IsType<PackedParagraphs>(packed);
        Assert.Equal(paragraphs.Length, packed.Count);
        Assert.Equal(paragraphs, packed);
        for (var i = 0; i < paragraphs.Length; i++) Assert.Equal(paragraphs[i], packed[i]);
    }

    [Fact]
    public void Paragraphs_that_would_not_survive_packing_are_kept_as_they_are()
    {
        string[] paragraphs = ["fine", "a lone \uD83D surrogate"];
        Assert.Same(paragraphs, PackedParagraphs.Pack(paragraphs));
        var none = Array.Empty<string>();
        Assert.Same(none, PackedParagraphs.Pack(none));
    }
}

public class WordCountTests
{
    private static int Reference(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }

    [Fact]
    public void Words_are_counted_as_runs_between_white_space_in_any_text()
    {
        var rng = new Random(3);
        const string alphabet = "ab  \t\n\r\u000B\u000C\u001Fxyz.,Hà\u00A0\u2003\u0085é";
        for (var n = 0; n < 2000; n++)
        {
            var text = new string(Enumerable.Range(0, rng.Next(0, 70)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Reference(text), MarkdownRenderer.CountWords(text));
        }
        const string asciiOnly = "ab \t\n\r\u000B\u000C\u001F\u007Fx.";
        for (var n = 0; n < 2000; n++)
        {
            var text = new string(Enumerable.Range(0, rng.Next(0, 70)).Select(_ => asciiOnly[rng.Next(asciiOnly.Length)]).ToArray());
            Assert.Equal(Reference(text), MarkdownRenderer.CountWords(text));
        }
        var ascii = string.Join(" ", Enumerable.Range(0, 500).Select(i => new string('w', 1 + i % 9)));
        Assert.Equal(500, MarkdownRenderer.CountWords(ascii));
        Assert.Equal(500, MarkdownRenderer.CountWords("  " + ascii + "\n"));
    }
}
