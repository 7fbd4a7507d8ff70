using System.CommandLine;
using OrderBot.Server.Cli;

// Known start-up errors (settings, port, database, menu) are reported in a line or two by StartupErrors; anything else keeps its trace.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
return await StartupErrors.GuardAsync(() => Verbs.CreateRoot(args).Parse(args).InvokeAsync(invocation), Console.Error);
