using HanoiWorkbench.Benchmarks;

// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- search --db /work/bench/workbench-1m.db [--runs 200]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- productivity --db /work/bench/workbench-1m.db [--runs 5]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- cityreport --db /work/bench/workbench-1m.db [--runs 3]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- durability [--runs 4] [--receptions 250]
// dotnet run -c Release --project benchmarks/Workbench.Benchmarks -- server-engine [--postgres CS] [--clerks 200 --rounds 15 --items 100000 --takes 10 --submissions 3000 --senders 8]
if (args.Length == 0 || args[0] is not ("search" or "productivity" or "cityreport" or "durability" or "server-engine"))
{
    Console.Error.WriteLine("usage: search|productivity|cityreport --db <path to a seeded SQLite file> [--runs N] | durability [--runs N] [--receptions N]"
        + " | server-engine [--postgres <connection string>] [--clerks N --rounds N --items N --takes N --submissions N --senders N]");
    return 2;
}
if (args[0] == "server-engine")
{
    int Number(string name, int fallback) => int.Parse(Arg(args, name) ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture),
        System.Globalization.CultureInfo.InvariantCulture);
    await ServerEngineBenchmark.RunAsync(Arg(args, "--postgres") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres",
        new ServerEngineLoad(Number("--clerks", 200), Number("--rounds", 15), Number("--items", 100_000), Number("--takes", 10),
            Number("--submissions", 3000), Number("--senders", 8)));
    return 0;
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
