using BenchmarkDotNet.Running;
using OrderBot.Bench;

// "parser-throughput" is a quick single-thread measurement; anything else goes to BenchmarkDotNet.
if (args is ["parser-throughput", ..])
{
    return ParserThroughput.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
