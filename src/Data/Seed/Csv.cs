using System.Reflection;
using System.Text;

namespace HanoiWorkbench.Data.Seed;

/// <summary>RFC 4180 reading of the embedded reference files: quoted fields may hold commas, quotes and line breaks.</summary>
internal static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadResource(string fileName)
    {
        var name = $"HanoiWorkbench.Data.Seed.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        var rows = ParseRows(text);
        if (rows.Count == 0) return [];
        var header = rows[0];
        var result = new List<IReadOnlyDictionary<string, string>>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Count == 1 && row[0].Length == 0) continue;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) map[header[i]] = i < row.Count ? row[i] : "";
            result.Add(map);
        }
        return result;
    }

    private static List<List<string>> ParseRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                case '\uFEFF' when i == 0: break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
