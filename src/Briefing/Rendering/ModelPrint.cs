using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Briefing.Rendering;

/// <summary>
/// A hash of everything a view model holds, for the preview's page fingerprints: each value is written with a tag
/// (null, text, flag, number, HTML, list, object) and its length where it has one, objects as their type and every
/// public property by name, recursively. Properties are read with the templates' own getters, so it
/// needs no serializer and no code generated at run time (it works the same in a native AOT publish).
/// </summary>
internal static class ModelPrint
{
    private const int MaxDepth = 64;

    /// <summary>SHA-256 of the values, in order.</summary>
    public static byte[] Hash(params object?[] values)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        foreach (var v in values) writer.Value(v, 0);
        writer.Flush();
        return hash.GetHashAndReset();
    }

    private sealed class Writer(IncrementalHash hash)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _used;

        public void Flush()
        {
            hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }

        private Span<byte> Take(int bytes)
        {
            if (_used + bytes > _buffer.Length) Flush();
            if (bytes > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(bytes));
            var span = _buffer.AsSpan(_used, bytes);
            _used += bytes;
            return span;
        }

        private void Byte(byte b) => Take(1)[0] = b;

        private void Int(int n) => BitConverter.TryWriteBytes(Take(4), n);

        private void Text(ReadOnlySpan<char> text)
        {
            Int(text.Length);
            Chars(text);
        }

        /// <summary>The characters as UTF-8, in pieces that fit the buffer.</summary>
        private void Chars(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                var part = text[..Math.Min(text.Length, 1024)];
                if (part.Length < text.Length && char.IsHighSurrogate(part[^1])) part = part[..^1];
                var written = Encoding.UTF8.GetBytes(part, Take(Encoding.UTF8.GetMaxByteCount(part.Length)));
                _used -= Encoding.UTF8.GetMaxByteCount(part.Length) - written;
                text = text[part.Length..];
            }
        }

        public void Value(object? value, int depth)
        {
            if (depth > MaxDepth) throw new InvalidOperationException($"A view model nests more than {MaxDepth} levels deep.");
            switch (value)
            {
                case null:
                    Byte(0);
                    return;
                case string s:
                    Byte(1);
                    Text(s);
                    return;
                case bool b:
                    Byte(2);
                    Byte(b ? (byte)1 : (byte)0);
                    return;
                case IFormattable f when value.GetType().IsPrimitive || value is Enum or decimal:
                    Byte(3);
                    Text(f.ToString(null, CultureInfo.InvariantCulture));
                    return;
                case HtmlBody body:
                    // HTML is hashed as its UTF-8 bytes, however it is kept: an article's body, UTF-8 since it was
                    // rendered, is not decoded first
                    Byte(4);
                    if (body.Utf8 is { } utf8)
                    {
                        Int(utf8.Length);
                        Flush();
                        hash.AppendData(utf8);
                    }
                    else
                    {
                        var html = body.ToString();
                        Int(Encoding.UTF8.GetByteCount(html));
                        Chars(html);
                    }
                    return;
                case IEnumerable list:
                    Byte(5);
                    foreach (var item in list) { Byte(6); Value(item, depth + 1); }
                    Byte(7);
                    return;
            }
            Byte(8);
            var type = value.GetType();
            Text(type.FullName ?? type.Name);
            foreach (var (name, get) in Properties.GetOrAdd(type, PropertiesOf))
            {
                Text(name);
                Value(get(value), depth + 1);
            }
        }
    }

    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Properties = new();

    private static (string Name, Func<object, object?> Get)[] PropertiesOf(Type type) =>
        ViewModelAccessor.Getters(type).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
}
