using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>
/// Inputs a clerk's keyboard, a copy-paste or a broken sender can produce: random, boundary, oversized and malformed
/// Vietnamese text, numbers at and past their edges, undefined enum values, and real ids among made-up ones (so that some
/// inputs get past the first checks and reach the later ones). Seeded: a failure names its seed and repeats.
/// </summary>
public sealed class Fuzz(int seed, IReadOnlyList<int> realIds, IReadOnlyList<string> realCodes)
{
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    private static readonly string[] Nasty =
    [
        "", " ", "   \t  ", "\r\n", "\0", "a\u0000b", "\u0007bell", "\u001b[31mred",
        "Nguye\u0302\u0303n Thi\u0323 Hoa",          // NFD: the combining marks a Mac keyboard or a PDF copy gives
        "Tr\u200Bần\u200D Văn\uFEFF An",             // zero-width characters
        "\u202EnaH iộN\u202C", "\u2066Hà\u2069 Nội", // bidi overrides and isolates
        "<script>alert(1)</script>", "<b>Hoa</b>", "\"'><img src=x onerror=alert(1)>", "&lt;b&gt;",
        "'; DROP TABLE Staff; --", "1' OR '1'='1", "%00", "%s%s%s%n", "{0}{1}", "${jndi:ldap://x}",
        "\uD800", "\uDFFF lone", "👩‍💼 Hoa 🇻🇳", "ﷺ", "مرحبا", "日本語", "Ǆž",
        "a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
        "-1", "0", "9999999999999999999999", "1e309", "NaN", "null", "true", "[]", "{}",
        "000000000000", "001099012345", "0912 345 678", "+84912345678", "１２３４５６７８９０１２", // full-width digits
        "2026-02-30", "31/12/9999", "00:00",
    ];

    private static readonly string[] Plain =
    [
        "Nguyễn Thị Hoa", "Trần Văn An", "Phường Tây Hồ", "12 Xuân Diệu, Tây Hồ, Hà Nội", "Giấy khai sinh",
        "Đăng ký khai sinh", "Quầy tiếp nhận số 3", "Nghỉ bù", "Bổ sung bản sao có chứng thực", "hoa.nt@hcc.hanoi.gov.vn",
        "CN01", "000.00.01.H26", "1.001193", "Abcdefgh12345!", "Mật-khẩu-rất-dài-2026",
    ];

    public int Int(string name)
    {
        if (name.EndsWith("Id", StringComparison.Ordinal) && realIds.Count > 0 && _random.Next(2) == 0)
            return realIds[_random.Next(realIds.Count)];
        return _random.Next(10) switch
        {
            0 => int.MinValue,
            1 => int.MaxValue,
            2 => -1,
            3 => 0,
            4 => 1,
            5 => _random.Next(-1000, 1000),
            6 => _random.Next(1, 10_000),
            7 => 1900 + _random.Next(0, 300), // years, minutes, numbers that look plausible
            _ => _random.Next(),
        };
    }

    public long Long() => _random.Next(6) switch
    {
        0 => long.MinValue,
        1 => long.MaxValue,
        2 => -1,
        3 => 0,
        _ => _random.NextInt64(0, 100_000_000),
    };

    public double Double() => _random.Next(8) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => double.NegativeInfinity,
        3 => double.MaxValue,
        4 => -0.0,
        _ => (_random.NextDouble() - 0.5) * 400,
    };

    public string String(string name)
    {
        var pick = _random.Next(20);
        if (pick < 6) return Plain[_random.Next(Plain.Length)];
        if (pick < 8 && realCodes.Count > 0 && name.Contains("Code", StringComparison.Ordinal)) return realCodes[_random.Next(realCodes.Count)];
        if (pick < 14) return Nasty[_random.Next(Nasty.Length)];
        if (pick < 16) return Oversized();
        if (pick < 18) return Nasty[_random.Next(Nasty.Length)] + Plain[_random.Next(Plain.Length)] + Nasty[_random.Next(Nasty.Length)];
        return RandomText(_random.Next(1, 60));
    }

    /// <summary>Past every limit in the model (4,000 characters is the longest text column).</summary>
    private string Oversized() => _random.Next(3) switch
    {
        0 => new string('ệ', _random.Next(101, 600)),
        1 => string.Concat(Enumerable.Repeat("Nguyễn Thị Hoa ", _random.Next(20, 400))),
        _ => new string('x', 4001 + _random.Next(5000)),
    };

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = _random.Next(6) switch
            {
                0 => (char)_random.Next(0x00, 0x20),     // control
                1 => (char)_random.Next(0x300, 0x370),   // combining marks
                2 => (char)_random.Next(0x1EA0, 0x1EFA), // precomposed Vietnamese
                3 => (char)_random.Next(0x2000, 0x2070), // spaces, zero-width, bidi
                _ => (char)_random.Next(0x20, 0x7F),
            };
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>An instance of <paramref name="type"/> with every settable member and constructor parameter fuzzed; sometimes null.</summary>
    /// <param name="mayBeNull">False where the compiler keeps null out (a non-nullable reference): the pages cannot send one.</param>
    public object? Value(Type type, string name, int depth = 0, bool mayBeNull = true)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null || (!type.IsValueType && mayBeNull))
            if (_random.Next(8) == 0) return null;
        type = nullable ?? type;
        if (type == typeof(string)) return String(name);
        if (type == typeof(int)) return Int(name);
        if (type == typeof(long)) return Long();
        if (type == typeof(double)) return Double();
        if (type == typeof(decimal)) return (decimal)_random.Next(-1000, 1_000_000);
        if (type == typeof(bool)) return _random.Next(2) == 0;
        if (type == typeof(Guid)) return _random.Next(3) == 0 ? Guid.Empty : Guid.NewGuid();
        if (type == typeof(TimeSpan)) return _random.Next(5) switch
        {
            0 => TimeSpan.FromHours(-3), 1 => TimeSpan.FromHours(25), 2 => TimeSpan.Zero, _ => TimeSpan.FromMinutes(_random.Next(0, 1440)),
        };
        if (type == typeof(TimeOnly)) return new TimeOnly(_random.Next(24), _random.Next(60));
        if (type == typeof(DateOnly)) return Date();
        if (type == typeof(DateTime)) return Date().ToDateTime(TimeOnly.MinValue);
        if (type == typeof(DateTimeOffset))
        {
            // The earliest date a page can send has no Hanoi-time form (its UTC would fall before year 1): it is sent at UTC.
            var day = Date().ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(day, day < DateTime.MinValue.AddHours(7) ? TimeSpan.Zero : TimeSpan.FromHours(7));
        }
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return _random.Next(6) == 0 ? Enum.ToObject(type, 97 + _random.Next(3)) : values.GetValue(_random.Next(values.Length));
        }
        if (depth > 3) return null;
        if (Element(type) is { } element)
        {
            var elementMayBeNull = _nullableElements.Contains(name);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var count = _random.Next(8) == 0 ? _random.Next(50, 300) : _random.Next(0, 4);
            for (var i = 0; i < count; i++) list.Add(Value(element, name, depth + 1, elementMayBeNull || element.IsValueType));
            return list;
        }
        return Build(type, depth + 1);
    }

    private DateOnly Date() => _random.Next(6) switch
    {
        0 => DateOnly.MinValue,
        1 => DateOnly.MaxValue,
        2 => new DateOnly(1900, 1, 1),
        _ => new DateOnly(2024, 1, 1).AddDays(_random.Next(0, 1500)),
    };

    private static Type? Element(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            || definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>A form model (settable properties) or a record (its widest constructor), fuzzed member by member.</summary>
    public object Build(Type type, int depth = 0)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Member(p.ParameterType, p.Name!, _nullability.Create(p), depth)).ToArray();
        var instance = constructor.Invoke(arguments);
        if (constructor.GetParameters().Length == 0)
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
            {
                var value = Member(property.PropertyType, property.Name, _nullability.Create(property), depth);
                if (value is null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null) continue;
                property.SetValue(instance, value);
            }
        return instance;
    }

    private readonly NullabilityInfoContext _nullability = new();
    private readonly HashSet<string> _nullableElements = [];

    /// <summary>A member's value as its declared nullability allows, for its elements too (<c>IReadOnlyList&lt;T?&gt;</c>).</summary>
    private object? Member(Type type, string name, NullabilityInfo info, int depth)
    {
        if (info.GenericTypeArguments is [{ ReadState: NullabilityState.Nullable }]) _nullableElements.Add(name);
        else _nullableElements.Remove(name);
        return Value(type, name, depth, info.ReadState != NullabilityState.NotNull);
    }

    public T Build<T>() => (T)Build(typeof(T));

    /// <summary>
    /// Half the time a fully fuzzed <typeparamref name="T"/>; otherwise a good one (as a clerk fills it in) with one or two members
    /// fuzzed, so that inputs reach the checks after the first and the save itself.
    /// </summary>
    public T Near<T>(Func<T> valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        if (_random.Next(2) == 0) return Build<T>();
        var value = valid()!;
        var type = typeof(T);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var changes = _random.Next(1, 3);
        if (parameters.Length == 0)
        {
            var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic).ToList();
            for (var n = 0; n < changes; n++)
            {
                var property = settable[_random.Next(settable.Count)];
                var fuzzed = Member(property.PropertyType, property.Name, _nullability.Create(property), 1);
                if (fuzzed is null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null) continue;
                property.SetValue(value, fuzzed);
            }
            return value;
        }
        var arguments = parameters.Select(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!.GetValue(value)).ToArray();
        for (var n = 0; n < changes; n++)
        {
            var i = _random.Next(parameters.Length);
            arguments[i] = Member(parameters[i].ParameterType, parameters[i].Name!, _nullability.Create(parameters[i]), 1);
        }
        return (T)constructor.Invoke(arguments);
    }

    /// <summary>A number no earlier input of this run used (unique codes, counter numbers, e-mails).</summary>
    public int Fresh() => Interlocked.Increment(ref _fresh);

    private int _fresh = 100;

    public static string Describe(object? input) => input switch
    {
        null => "null",
        string s => s.Length > 80 ? string.Create(CultureInfo.InvariantCulture, $"\"{s[..80]}…\" ({s.Length} chars)") : $"\"{s}\"",
        _ => input.ToString() is { Length: > 300 } text ? text[..300] + "…" : input.ToString() ?? "",
    };
}
