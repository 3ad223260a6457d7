using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefing.Rendering;

/// <summary>
/// How templates read a view model: its public properties under Scriban's snake_case names (<c>SourceName</c> is
/// <c>source_name</c>), read only, through typed delegates. A name that is not a property is an error naming the type's
/// closest property ("did you mean"), never a blank.
/// </summary>
/// <remarks>
/// Scriban's own accessor calls <c>PropertyInfo.GetValue</c>, which goes through reflection's invoker on every call; a
/// program that generates no code at run time (see Briefing.csproj) interprets each of those calls, which costs more
/// than rendering the page around it.
/// </remarks>
internal sealed class ViewModelAccessor : IObjectAccessor
{
    private readonly Type _type;
    private readonly Dictionary<string, Member> _members;

    private ViewModelAccessor(Type type, Dictionary<string, Member> members) => (_type, _members) = (type, members);

    /// <summary>A property as templates read it; its getter is made when a template first reads it.</summary>
    private sealed class Member(Type type, PropertyInfo property)
    {
        private Func<object, object?>? _get;

        // two threads may both make it; either getter is the same
        public Func<object, object?> Get => _get ??= Getter(type, property);
    }

    /// <summary>
    /// The members found so far by the very string a template asks with: a parsed template's name of a member is one
    /// string, asked again for every value it prints, so a name found once is found again by reference, without
    /// hashing its characters. Never changed once published (a new name makes a new table), so threads read it freely.
    /// </summary>
    private (string? Name, Member Member)[] _byReference = new (string?, Member)[64];
    private int _referenced;
    private const int MaxReferenced = 1024;

    private static readonly ConcurrentDictionary<Type, ViewModelAccessor> ByType = new();

    public static ViewModelAccessor For(Type type) => ByType.GetOrAdd(type, static t => new ViewModelAccessor(t, Members(t)));

    /// <summary>The template names of the type's members, in the order of the type's properties.</summary>
    public IEnumerable<string> Names => _members.Keys;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _members.Count;

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _members.Keys;

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _members.ContainsKey(member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if ((ByReference(member) ?? Find(member)) is { } found)
        {
            value = found.Get(target);
            return true;
        }
        var near = Suggest.Closest(member, _members.Keys);
        throw new ScriptRuntimeException(span, $"'{member}' is not a field of {Display(_type)}" +
            (near is null ? $" (its fields: {string.Join(", ", _members.Keys)})" : $"; did you mean '{near}'?"));
    }

    /// <summary>The getter of the member a template names <paramref name="name"/>, or null when the type has none.</summary>
    public Func<object, object?>? Getter(string name) => _members.TryGetValue(name, out var member) ? member.Get : null;

    private Member? ByReference(string name)
    {
        var table = Volatile.Read(ref _byReference);
        var mask = table.Length - 1;
        for (var i = RuntimeHelpers.GetHashCode(name) & mask; ; i = (i + 1) & mask)
        {
            var (key, member) = table[i];
            if (ReferenceEquals(key, name)) return member;
            if (key is null) return null;
        }
    }

    /// <summary>The member of that name, remembered by the name's reference for the next time.</summary>
    private Member? Find(string name)
    {
        if (!_members.TryGetValue(name, out var member)) return null;
        lock (_members)
        {
            if (_referenced >= MaxReferenced || ByReference(name) is not null) return member;
            var table = _byReference;
            if (2 * (_referenced + 1) > table.Length) table = Rehash(table, table.Length * 2);
            else table = (((string?, Member)[])table.Clone());
            Insert(table, name, member);
            _referenced++;
            Volatile.Write(ref _byReference, table);
        }
        return member;
    }

    private static (string? Name, Member Member)[] Rehash((string? Name, Member Member)[] table, int size)
    {
        var bigger = new (string?, Member)[size];
        foreach (var (name, member) in table)
            if (name is not null) Insert(bigger, name, member);
        return bigger;
    }

    private static void Insert((string? Name, Member Member)[] table, string name, Member member)
    {
        var mask = table.Length - 1;
        var i = RuntimeHelpers.GetHashCode(name) & mask;
        while (table[i].Name is not null) i = (i + 1) & mask;
        table[i] = (name, member);
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        throw new ScriptRuntimeException(span, $"'{member}' of {Display(_type)} cannot be set: a view model is read only. Assign a variable of your own instead.");

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
    {
        if (index is string name) return TryGetValue(context, span, target, name, out value);
        value = null;
        return false;
    }

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        TrySetValue(context, span, target, index.ToString() ?? "", value);

    public bool HasIndexer => false;

    public Type? IndexType => null;

    private static string Display(Type type) => type.Name;

    /// <summary>Each public instance property by its template name, with a getter made when a template first reads it.</summary>
    private static Dictionary<string, Member> Members(Type type) =>
        Properties(type).ToDictionary(p => StandardMemberRenamer.Rename(p.Name), p => new Member(type, p), StringComparer.Ordinal);

    /// <summary>Each public instance property with a getter and no index parameters.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "View models are in this assembly, which a trimmed publish keeps whole (TrimmerRootAssembly).")]
    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null);

    /// <summary>Each property as <see cref="Properties"/> lists them: its C# name and a getter.</summary>
    internal static IEnumerable<(string Name, Func<object, object?> Get)> Getters(Type type) => Properties(type).Select(p => (p.Name, Getter(type, p)));

    private static Func<object, object?> Getter(Type type, PropertyInfo p) => Typed(type, p.PropertyType, p.GetMethod!) ?? p.GetValue;

    /// <summary>
    /// A property getter called through a typed delegate (see the remarks above). Null for a struct's property, which
    /// keeps <c>GetValue</c>.
    /// </summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Where the instantiation has no code (native AOT), the getter falls back to GetValue.")]
    private static Func<object, object?>? Typed(Type type, Type valueType, MethodInfo get)
    {
        if (type.IsValueType || valueType.IsByRef || valueType.IsPointer || valueType.IsByRefLike) return null;
        try
        {
            // A reference-typed property needs an instantiation for its view model's type only, made once per type:
            // making one (and calling it the first time) per property costs more than all the reads of a small site.
            if (!valueType.IsValueType) return (Func<object, object?>)ReferenceGetterOf.GetOrAdd(type, ReferenceGetterMaker).Invoke(null, [get])!;
            var make = typeof(ViewModelAccessor).GetMethod(nameof(TypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type, valueType);
            return (Func<object, object?>)make.Invoke(null, [get])!;
        }
        catch (Exception ex) when (ex is NotSupportedException || ex.InnerException is NotSupportedException)
        {
            // Compiled ahead of time (native AOT), there is no code for a value-typed property's getter: it keeps
            // GetValue, which there calls precompiled code (no interpreter to avoid).
            return null;
        }
    }

    /// <summary>
    /// Compiled ahead of time, <see cref="TypedGetter{T, TValue}"/> exists for a value type only where the program
    /// names it: these make the getters of flags and counts typed too (without them, each such property would first
    /// throw, then be read through reflection).
    /// </summary>
    internal static readonly Func<MethodInfo, Func<object, object?>>[] ValueTypedGetters = [TypedGetter<object, bool>, TypedGetter<object, int>];

    private static readonly ConcurrentDictionary<Type, MethodInfo> ReferenceGetterOf = new();

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "View models are classes: the shared code of the instantiation exists.")]
    private static MethodInfo ReferenceGetterMaker(Type type) =>
        typeof(ViewModelAccessor).GetMethod(nameof(ReferenceGetter), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

    /// <summary>A getter of a reference-typed property: bound with its return type as object (a class's is one).</summary>
    private static Func<object, object?> ReferenceGetter<T>(MethodInfo get) where T : class
    {
        var f = get.CreateDelegate<Func<T, object?>>();
        return o => f((T)o);
    }

    private static Func<object, object?> TypedGetter<T, TValue>(MethodInfo get) where T : class
    {
        var f = get.CreateDelegate<Func<T, TValue>>();
        return o => f((T)o);
    }
}

/// <summary>"Did you mean": the closest of some names to a misspelt one.</summary>
internal static class Suggest
{
    /// <summary>
    /// The name nearest to <paramref name="wrong"/>: the same letters without underscores and case (a camelCase
    /// <c>sourceName</c> for <c>source_name</c>), else the fewest edits, at most a third of its length (and at least 2).
    /// </summary>
    public static string? Closest(string wrong, IEnumerable<string> names)
    {
        var plain = Plain(wrong);
        string? best = null;
        var bestDistance = Math.Max(2, wrong.Length / 3) + 1;
        foreach (var name in names)
        {
            if (Plain(name) == plain) return name;
            var d = Distance(wrong, name);
            if (d < bestDistance) (best, bestDistance) = (name, d);
        }
        return best;
    }

    private static string Plain(string s) => s.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) row[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
