using HanoiWorkbench.Benchmarks;

// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- search --db /work/bench/workbench-1m.db [--runs 200]
if (args.Length == 0 || args[0] != "search")
{
    Console.Error.WriteLine("usage: search --db <path to a seeded SQLite file> [--runs N]");
    return 2;
}
var db = Arg(args, "--db") ?? "data/workbench.db";
var runs = int.Parse(Arg(args, "--runs") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
if (!File.Exists(db))
{
    Console.Error.WriteLine($"{db} not found. Create it with: dotnet run -c Release --project src/Workbench -- seed --demo --applications 1000000");
    return 2;
}
await SearchBenchmark.RunAsync(Path.GetFullPath(db), runs);
return 0;

static string? Arg(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
