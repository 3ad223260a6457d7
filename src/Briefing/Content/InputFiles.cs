using System.Buffers;
using System.Text;
using Briefing.Diagnostics;
using Briefing.Text;

namespace Briefing.Content;

/// <summary>Reads input files safely: strict UTF-8, BOM and CRLF accepted, NUL bytes and links out of input/ refused, text in NFC.</summary>
public sealed class InputFiles(string root, string displayRoot)
{
    public const long MaxArticleBytes = 20 * 1024 * 1024;
    public const long MaxDataBytes = 5 * 1024 * 1024;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly string _rootFull = Path.GetFullPath(root);

    public string Root => _rootFull;

    /// <summary>The path as shown in diagnostics: the input folder as the user named it, plus the relative path.</summary>
    public string Display(string fullPath)
    {
        var rel = Path.GetRelativePath(_rootFull, fullPath).Replace('\\', '/');
        return displayRoot.Length == 0 ? rel : displayRoot.TrimEnd('/', '\\') + "/" + rel;
    }

    /// <summary>The files of one folder under the root with one extension, in ordinal order. Sub-folders are not searched.</summary>
    public IReadOnlyList<string> List(string folder, string extension)
    {
        var dir = Path.Combine(_rootFull, folder);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*" + extension, SearchOption.TopDirectoryOnly)
            .Where(f => string.Equals(Path.GetExtension(f), extension, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads a file as text with LF line endings, or reports why it cannot and returns null.</summary>
    public string? Read(string fullPath, DiagnosticBag diags, long maxBytes) => Read(fullPath, diags, maxBytes, static text => new string(text));

    /// <summary>What a reader makes of a file's text, which it sees only during the call.</summary>
    public delegate T? TextParser<T>(ReadOnlySpan<char> text) where T : class;

    /// <summary>
    /// Reads a file as text with LF line endings and hands it to <paramref name="parse"/>, or reports why it cannot and
    /// returns null. The bytes and the text are in buffers lent for the call, never a string of the whole file: an
    /// article's parser makes strings of its front matter and its body alone (a string of the whole text would be made
    /// only to be cut in two, for every article of a large briefing).
    /// </summary>
    public T? Read<T>(string fullPath, DiagnosticBag diags, long maxBytes, TextParser<T> parse) where T : class =>
        ReadMemory(fullPath, diags, maxBytes, text => parse(text.Span));

    /// <summary>What a reader makes of a file's text held in a lent buffer, which it sees only during the call.</summary>
    public delegate T? MemoryParser<T>(ReadOnlyMemory<char> text) where T : class;

    /// <summary>As <see cref="Read{T}(string, DiagnosticBag, long, TextParser{T})"/>, for a reader that needs the text as memory (a <see cref="TextReader"/> over it).</summary>
    public T? ReadMemory<T>(string fullPath, DiagnosticBag diags, long maxBytes, MemoryParser<T> parse) where T : class
    {
        var shown = SourcePos.FileOnly(Display(fullPath));
        try
        {
            var info = new FileInfo(fullPath);
            // the attributes come from the lstat that the size needs anyway; only a link costs a readlink
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                var targetFull = target is null ? null : Path.GetFullPath(target.FullName);
                if (targetFull is null || !IsUnder(targetFull, _rootFull))
                {
                    diags.Error(Codes.Unreadable, shown, "This file is a symbolic link to a place outside the input folder; it is not read. Copy the file into the input folder instead.");
                    return null;
                }
                info = new FileInfo(targetFull);
            }
            if (LinkedFolderOutside(fullPath) is { } folder)
            {
                diags.Error(Codes.Unreadable, shown, $"This file is in '{Display(folder)}', a symbolic link to a place outside the input folder; it is not read. Copy the folder into the input folder instead.");
                return null;
            }
            if (info.Length > maxBytes)
            {
                diags.Error(Codes.TooLarge, shown, TooLargeMessage(info.Length, maxBytes));
                return null;
            }
            // an empty file needs no reading, and a named pipe (size 0 too) would block the build until someone writes to it
            if (info.Length == 0) return parse(ReadOnlyMemory<char>.Empty);
            // read no more than the limit, even if the file grows after the size check
            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var length = stream.Length;
            if (length > maxBytes)
            {
                diags.Error(Codes.TooLarge, shown, TooLargeMessage(length, maxBytes));
                return null;
            }
            var bytes = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                stream.ReadExactly(bytes, 0, (int)length);
                if (stream.ReadByte() >= 0)
                {
                    diags.Error(Codes.Unreadable, shown, "The file changed while it was being read. Build again once it is saved.");
                    return null;
                }
                return DecodeMemory(bytes.AsSpan(0, (int)length), shown.File, diags, parse);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diags.Error(Codes.Unreadable, shown, $"The file cannot be read ({ex.Message}). Check that it exists and is readable.");
            return null;
        }
    }

    private static string TooLargeMessage(long length, long maxBytes) =>
        $"The file is {(length + 1024 * 1024 - 1) / (1024 * 1024)} MB; the limit for this kind of file is {maxBytes / (1024 * 1024)} MB. Remove what is not content or split it.";

    // Every file of a folder has the same answer: each folder is checked once per build (one readlink per level).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _linkedFolderOutside = new(StringComparer.Ordinal);

    /// <summary>A folder between the input folder and <paramref name="fullPath"/> that is a symbolic link leading out of the input folder.</summary>
    private string? LinkedFolderOutside(string fullPath) =>
        _linkedFolderOutside.GetOrAdd(Path.GetDirectoryName(fullPath)!, static (dir, self) => self.LinkedFolderOutsideUncached(dir), this);

    private string? LinkedFolderOutsideUncached(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null && dir.FullName.Length > _rootFull.Length && IsUnder(dir.FullName, _rootFull); dir = dir.Parent)
        {
            if (dir.LinkTarget is null) continue;
            var target = dir.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsUnder(Path.GetFullPath(target.FullName), _rootFull)) return dir.FullName;
        }
        return null;
    }

    public static string? Decode(byte[] bytes, string display, DiagnosticBag diags) => Decode(bytes, display, diags, static text => new string(text));

    /// <summary>
    /// Decodes strict UTF-8 (a BOM is skipped) into a lent buffer, refuses NUL, turns CRLF and CR into LF, brings the
    /// text to Unicode NFC (<see cref="Nfc"/>), and hands it to <paramref name="parse"/>; or reports the first problem
    /// and returns null.
    /// </summary>
    public static T? Decode<T>(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diags, TextParser<T> parse) where T : class =>
        DecodeMemory(bytes, display, diags, text => parse(text.Span));

    private static T? DecodeMemory<T>(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diags, MemoryParser<T> parse) where T : class
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        int count;
        try
        {
            count = Strict.GetCharCount(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? ex.Index : 0;
            var line = 1 + bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n');
            diags.Error(Codes.InvalidUtf8, new SourcePos(display, line, 1), "The file is not valid UTF-8 (an invalid byte on this line). Re-save it as UTF-8.");
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, count));
        try
        {
            var length = Strict.GetChars(bytes, chars);
            var text = chars.AsSpan(0, length);
            // one scan answers both questions for nearly every file: no NUL, and no character from U+0300 on (so NFC)
            var plain = text.IndexOfAnyExceptInRange('\u0001', '\u02FF') < 0;
            var nul = plain ? -1 : text.IndexOf('\0');
            if (nul >= 0)
            {
                var line = 1 + text[..nul].Count('\n');
                diags.Error(Codes.InvalidUtf8, new SourcePos(display, line, 1), "The file contains a NUL byte, so it is not a text file. Re-save it as UTF-8 text.");
                return null;
            }
            if (text.Contains('\r')) length = ToLineFeeds(text);
            var memory = chars.AsMemory(0, length);
            // NFC here, once for every reader (front matter, YAML, Markdown, templates): a text typed or saved
            // decomposed compares equal to the same words composed. Line breaks are untouched, so lines stay right.
            return plain || Nfc.IsNfc(memory.Span) ? parse(memory) : parse(Nfc.Of(memory.Span).AsMemory());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Turns each CRLF and each lone CR into LF, in place; the new length.</summary>
    internal static int ToLineFeeds(Span<char> text)
    {
        var to = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // the LF follows
            text[to++] = text[i] == '\r' ? '\n' : text[i];
        }
        return to;
    }

    public static bool IsUnder(string path, string root)
    {
        var r = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(r, StringComparison.Ordinal) || path == root;
    }
}
