using System.Diagnostics;
using System.Globalization;

namespace OrderBot.Bench;

/// <summary>
/// <c>parser-throughput</c>: messages per second on one thread over the PIZZA dev utterances, p50/p99 latency
/// per message and bytes allocated per message. A plain loop rather than BenchmarkDotNet, so it runs in seconds.
/// <c>--languages en,es,pt</c> loads those languages' words instead of the menu's own.
/// </summary>
internal static class ParserThroughput
{
    public static int Run(string[] args)
    {
        var languages = new BenchArguments(args).Find("languages");
        var parser = ParserCorpus.CreateParser(languages);
        var utterances = ParserCorpus.LoadUtterances();
        if (parser is null || utterances.Count == 0)
        {
            Console.Error.WriteLine("skipped: pizzeria menu or PIZZA data not found (set ORDERBOT_MENU / PIZZA_DATA)");
            return 0;
        }

        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 200;
        Console.WriteLine($"languages     {string.Join(", ", parser.Menu.Languages)}");
        for (var i = 0; i < 20; i++)
        {
            foreach (var u in utterances)
            {
                parser.Parse(u);
            }
        }

        var latencies = new double[rounds * utterances.Count];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var total = Stopwatch.StartNew();
        var n = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var u in utterances)
            {
                var start = Stopwatch.GetTimestamp();
                parser.Parse(u);
                latencies[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        total.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Array.Sort(latencies);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"messages      {n} ({utterances.Count} utterances x {rounds} rounds, one thread)"));
        Console.WriteLine(string.Create(inv, $"throughput    {n / total.Elapsed.TotalSeconds:N0} messages/s"));
        Console.WriteLine(string.Create(inv, $"latency p50   {latencies[n / 2]:F1} us"));
        Console.WriteLine(string.Create(inv, $"latency p99   {latencies[(int)(n * 0.99)]:F1} us"));
        Console.WriteLine(string.Create(inv, $"latency max   {latencies[^1]:F1} us"));
        Console.WriteLine(string.Create(inv, $"allocated     {allocated / n:N0} bytes/message"));
        return 0;
    }
}
