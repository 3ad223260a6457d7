using System.Text;

namespace Briefing.Text;

/// <summary>
/// Unicode normalisation form C (composed: "à" is U+00E0, not "a" followed by U+0300), the one form every text the
/// build reads is brought to where it is read (<see cref="Content.InputFiles"/> for file texts, <see cref="Content.Slugs"/>
/// for file names, YAML escapes in <see cref="Content.YamlTree"/>). Quotes, ids and names then compare equal whatever
/// form each file was typed or saved in, and the output is NFC.
/// </summary>
/// <remarks>
/// The normalisation is the runtime's, which on Linux and macOS is ICU's: the project does not build with
/// <c>InvariantGlobalization</c>, under which <see cref="string.Normalize()"/> returns its input unchanged.
/// </remarks>
public static class Nfc
{
    /// <summary>
    /// Whether the text is already NFC. Nearly every text is: a text with no character from U+0300 on (the first
    /// combining mark; every character below it is its own NFC and composes with nothing) is answered by one
    /// vectorised scan, and only a text with such characters is checked by the runtime's quick check.
    /// </summary>
    public static bool IsNfc(ReadOnlySpan<char> text) =>
        !text.ContainsAnyInRange('\u0300', char.MaxValue) || IsNormalized(text);

    /// <summary>The NFC form of <paramref name="text"/>: the same instance when it already is NFC.</summary>
    public static string Of(string text) => IsNfc(text) ? text : Normalize(text);

    /// <summary>The NFC form of <paramref name="text"/> as a string (made only when the text is not NFC already).</summary>
    public static string Of(ReadOnlySpan<char> text) => IsNfc(text) ? new string(text) : Normalize(new string(text));

    private static bool IsNormalized(ReadOnlySpan<char> text)
    {
        if (!Available) throw new InvalidOperationException(Unavailable);
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false; // the runtime refuses U+FFFE and lone surrogates: Normalize deals with them
        }
    }

    private static string Normalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException) when (text.Contains('\uFFFE'))
        {
            // the runtime refuses the noncharacter U+FFFE, which composes with nothing: the pieces around it are normalised
            return string.Join('\uFFFE', text.Split('\uFFFE').Select(Normalize));
        }
        catch (ArgumentException)
        {
            return text; // a lone surrogate (from a YAML escape): left as it is, for the checks that report it
        }
    }

    /// <summary>
    /// Whether the runtime normalises at all. In globalization-invariant mode it does not, and says every text is
    /// normalised: the build would then compare NFD and NFC as different words without a word of warning.
    /// </summary>
    public static bool Available { get; } = !"a\u0300".IsNormalized(NormalizationForm.FormC);

    public const string Unavailable =
        "Unicode normalisation is not available: the program runs in globalization-invariant mode (is DOTNET_SYSTEM_GLOBALIZATION_INVARIANT set?). " +
        "Unset it, and install ICU (on Debian: apt-get install libicu72).";
}
