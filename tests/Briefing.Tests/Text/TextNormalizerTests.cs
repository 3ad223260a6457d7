using Briefing.Text;

namespace Briefing.Tests.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void The_shortcut_for_text_already_normal_agrees_with_the_character_by_character_path_for_every_character()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            foreach (var s in new[] { $"a{(char)c}b", $"{(char)c}x", $"x{(char)c}" })
            {
                var fastMap = new List<int>();
                var slowMap = new List<int>();
                var fast = TextNormalizer.NormalizeWithMap(s, fastMap);
                var slow = TextNormalizer.NormalizeChars(Nfc.Of(s), slowMap);
                if (fast != slow || !fastMap.SequenceEqual(slowMap))
                    Assert.Fail($"U+{c:X4} in \"{s}\": \"{fast}\" vs \"{slow}\"");
            }
        }
    }

    [Theory]
    [InlineData("plain words here", "plain words here")]
    [InlineData(" leading and trailing ", "leading and trailing")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData("“quoted” – dash", "\"quoted\" - dash")]
    [InlineData("", "")]
    public void Normalises_quotes_dashes_and_white_space(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));
}
