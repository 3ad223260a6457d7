using System.Text;
using Briefing.Content;
using Briefing.Diagnostics;

namespace Briefing.Tests.Content;

public class InputFilesTests
{
    [Fact]
    public void Line_endings_are_turned_into_line_feeds_as_string_replace_does()
    {
        var rng = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var text = new string(Enumerable.Range(0, rng.Next(0, 12)).Select(_ => "\r\na"[rng.Next(3)]).ToArray());
            var chars = text.ToCharArray();
            var length = InputFiles.ToLineFeeds(chars);
            Assert.Equal(text.Replace("\r\n", "\n").Replace('\r', '\n'), new string(chars, 0, length));
        }
    }

    [Fact]
    public void An_article_with_a_bom_and_crlf_splits_as_the_same_article_with_lf()
    {
        const string article = "---\ntitle: Alpha\nsource: vnexpress\n---\n\nFirst paragraph, Hà Nội.\n\nSecond paragraph.\n";
        var root = Directory.CreateTempSubdirectory("briefing-files-");
        try
        {
            var lf = Path.Combine(root.FullName, "lf.md");
            var crlf = Path.Combine(root.FullName, "crlf.md");
            File.WriteAllBytes(lf, Encoding.UTF8.GetBytes(article));
            File.WriteAllBytes(crlf, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(article.Replace("\n", "\r\n"))]);
            var files = new InputFiles(root.FullName, "input");
            var diags = new DiagnosticBag();
            FrontMatter.Split? Split(string path) => files.Read(path, diags, InputFiles.MaxArticleBytes, text => FrontMatter.Parse(text, path, diags));
            var a = Split(lf)!;
            var b = Split(crlf)!;
            Assert.Empty(diags.Sorted());
            Assert.Equal("title: Alpha\nsource: vnexpress\n", a.Yaml);
            Assert.Equal("\nFirst paragraph, Hà Nội.\n\nSecond paragraph.\n", a.Body);
            Assert.Equal(5, a.BodyLine);
            Assert.Equal(a, b);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_invalid_byte_is_reported_on_its_line()
    {
        var diags = new DiagnosticBag();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("---\ntitle: A\n"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n---\n")];
        Assert.Null(InputFiles.Decode(bytes, "input/articles/a.md", diags, text => new string(text)));
        var d = Assert.Single(diags.Sorted());
        Assert.Equal("BRF003", d.Code);
        Assert.Equal(3, d.Line);
    }
}
