using System.Text;
using Briefing.Rendering;

namespace Briefing.Tests.Templates;

public class Utf8OutputTests
{
    [Fact]
    public void Text_written_in_any_pieces_with_utf8_between_is_the_utf8_of_the_whole_text_in_one_array_or_in_pieces()
    {
        var output = new Utf8Output(16);
        foreach (var size in new[] { 1_000, 40_000, 1_500_000 })
        {
            output.Clear();
            var expected = new StringBuilder();
            var random = new Random(size);
            while (expected.Length < size)
            {
                var text = random.Next(4) switch { 0 => "\U0001F600", 1 => "Hà Nội ", 2 => new string('x', random.Next(5000)), _ => "<p>" };
                // a pair split between two writes, and writes longer than the output's buffer of characters
                var split = random.Next(text.Length + 1);
                output.Write(text.AsSpan(0, split));
                output.Write(text, split, text.Length - split);
                expected.Append(text);
                if (random.Next(50) == 0)
                {
                    var utf8 = "<em>Běijīng \U0001F1E8\U0001F1F3</em>" + new string('y', random.Next(100_000));
                    output.WriteUtf8(Encoding.UTF8.GetBytes(utf8));
                    expected.Append(utf8);
                }
            }
            var page = output.Finish();
            var bytes = Encoding.UTF8.GetBytes(expected.ToString());
            Assert.Equal(bytes.Length, page.Length);
            Assert.Equal(bytes, page.ToArray());
            Assert.Equal(bytes.Length <= Utf8Output.MaxKeptBytes, page.InMemory);
            var written = new MemoryStream();
            page.WriteTo(written);
            Assert.Equal(bytes, written.ToArray());
        }
    }

    [Fact]
    public void A_lone_surrogate_is_the_replacement_character_before_utf8_as_before_text()
    {
        var output = new Utf8Output();
        output.Write("a\uD83D");
        output.WriteUtf8("<b>"u8);
        output.Write("\uD83Dc");
        Assert.Equal("a\uFFFD<b>\uFFFDc", Encoding.UTF8.GetString(output.Finish().Bytes));
    }
}
