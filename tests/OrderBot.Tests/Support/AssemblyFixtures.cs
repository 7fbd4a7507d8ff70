using OrderBot.Tests.Support;

[assembly: AssemblyFixture(typeof(PostgresServer))]
