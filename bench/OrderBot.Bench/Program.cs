using BenchmarkDotNet.Running;
using OrderBot.Bench;
using OrderBot.Bench.Orders;
using OrderBot.Bench.WhatsApp;

// Load drivers take a verb; anything else goes to BenchmarkDotNet (e.g. --filter '*Parser*').
return args.FirstOrDefault() switch
{
    "orders" => await OrderCreationLoad.RunAsync(new BenchArguments(args[1..])),
    "api-orders" => await ApiOrderLoad.RunAsync(new BenchArguments(args[1..])),
    "pages" => await CustomerPageLoad.RunAsync(new BenchArguments(args[1..])),
    "whatsapp" => await WebhookIngestionLoad.RunAsync(new BenchArguments(args[1..])),
    "parser-throughput" => ParserThroughput.Run(args),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchArguments).Assembly).Run(args);
    return 0;
}
