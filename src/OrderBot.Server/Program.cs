using OrderBot.Server.Cli;

return await Verbs.CreateRoot(args).Parse(args).InvokeAsync();
