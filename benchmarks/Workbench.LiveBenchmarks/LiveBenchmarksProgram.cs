namespace HanoiWorkbench.LiveBenchmarks;

/// <summary><c>dotnet run -c Release --project benchmarks/Workbench.LiveBenchmarks -- fanout|callnext</c></summary>
public static class LiveBenchmarksProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "fanout":
                await FanOutBenchmark.RunAsync(Console.Out);
                return 0;
            case "callnext":
                await CallNextBenchmark.RunAsync(Console.Out);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: Workbench.LiveBenchmarks fanout|callnext");
                return 2;
        }
    }
}
