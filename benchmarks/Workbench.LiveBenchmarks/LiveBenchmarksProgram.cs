namespace HanoiWorkbench.LiveBenchmarks;

/// <summary><c>dotnet run -c Release --project benchmarks/Workbench.LiveBenchmarks -- fanout [--redis] | circuits | city --db FILE | callnext | counterpages | capacity [--steps 50,100,200] [--pages both|director|counter]</c></summary>
public static class LiveBenchmarksProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "fanout" when args.Contains("--redis"):
                await using (var redis = await LocalRedis.StartAsync())
                    await FanOutBenchmark.RunAsync(Console.Out, redis.ConnectionString);
                return 0;
            case "fanout":
                await FanOutBenchmark.RunAsync(Console.Out, redis: null);
                return 0;
            case "circuits":
                await CircuitsBenchmark.RunAsync(Console.Out, circuits: 100, rounds: 20);
                return 0;
            case "counterpages":
                await CounterPagesBenchmark.RunAsync(Console.Out, pagesOpen: 30, rounds: 20);
                return 0;
            case "city" when args.Length > 2 && args[1] == "--db":
                await CityDashboardBenchmark.RunAsync(Console.Out, args[2], rounds: 50);
                return 0;
            case "capacity":
                var (steps, pages) = CapacityBenchmark.ParseArguments(args);
                await CapacityBenchmark.RunAsync(Console.Out, steps, pages);
                return 0;
            case "callnext":
                await CallNextBenchmark.RunAsync(Console.Out);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: Workbench.LiveBenchmarks fanout [--redis] | circuits | city --db FILE | callnext | counterpages | capacity [--steps 50,100,200] [--pages both|director|counter]");
                return 2;
        }
    }
}
