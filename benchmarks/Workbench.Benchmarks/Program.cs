using HanoiWorkbench.Benchmarks;

// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- search --db /work/bench/workbench-1m.db [--runs 200]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- productivity --db /work/bench/workbench-1m.db [--runs 5]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- cityreport --db /work/bench/workbench-1m.db [--runs 3]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- durability [--runs 4] [--receptions 250]
if (args.Length == 0 || args[0] is not ("search" or "productivity" or "cityreport" or "durability"))
{
    Console.Error.WriteLine("usage: search|productivity|cityreport --db <path to a seeded SQLite file> [--runs N] | durability [--runs N] [--receptions N]");
    return 2;
}
if (args[0] == "durability")
{
    await DurabilityBenchmark.RunAsync(int.Parse(Arg(args, "--receptions") ?? "250", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg(args, "--runs") ?? "4", System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}
var db = Arg(args, "--db") ?? "data/workbench.db";
var runs = int.Parse(Arg(args, "--runs") ?? (args[0] switch { "search" => "200", "cityreport" => "3", _ => "5" }), System.Globalization.CultureInfo.InvariantCulture);
if (!File.Exists(db))
{
    Console.Error.WriteLine($"{db} not found. Create it with: dotnet run -c Release --project src/Workbench -- seed --demo --applications 1000000");
    return 2;
}
if (args[0] == "search") await SearchBenchmark.RunAsync(Path.GetFullPath(db), runs);
else if (args[0] == "cityreport") await CityReportBenchmark.RunAsync(Path.GetFullPath(db), runs);
else await ProductivityBenchmark.RunAsync(Path.GetFullPath(db), runs);
return 0;

static string? Arg(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
