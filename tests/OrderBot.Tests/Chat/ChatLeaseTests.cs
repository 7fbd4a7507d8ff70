using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Chat;

/// <summary>The per-customer lease two servers on one database compete for, on both providers.</summary>
public abstract class ChatLeaseContract(TestDatabase database)
{
    [Fact]
    public async Task A_live_lease_belongs_to_one_server_until_it_is_released_or_runs_out()
    {
        RequireDatabase();
        var clock = TestDatabase.Clock();
        var settings = Options.Create(new ConversationOptions { LeaseDuration = TimeSpan.FromMinutes(2) });
        var first = new ChatLeases(database.DbFactory, settings, clock);
        var second = new ChatLeases(database.DbFactory, settings, clock);
        var customer = "+49" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await first.TryAcquireAsync(customer, ct));
        Assert.False(await second.TryAcquireAsync(customer, ct));
        Assert.True(await first.TryAcquireAsync(customer, ct));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await first.RenewAsync(customer, ct));
        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.False(await second.TryAcquireAsync(customer, ct));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await second.TryAcquireAsync(customer, ct));
        Assert.False(await first.RenewAsync(customer, ct));

        await first.ReleaseAsync(customer);
        Assert.False(await first.TryAcquireAsync(customer, ct));
        await second.ReleaseAsync(customer);
        Assert.True(await first.TryAcquireAsync(customer, ct));
    }

    [Fact]
    public async Task Of_many_servers_claiming_one_customer_at_once_exactly_one_wins()
    {
        RequireDatabase();
        var settings = Options.Create(new ConversationOptions());
        var customer = "+49" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var servers = Enumerable.Range(0, 8).Select(_ => new ChatLeases(database.DbFactory, settings, TimeProvider.System)).ToList();

        var won = await Task.WhenAll(servers.Select(s => Task.Run(() => s.TryAcquireAsync(customer, TestContext.Current.CancellationToken))));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task A_batch_claim_takes_in_one_statement_only_the_customers_no_other_server_holds()
    {
        RequireDatabase();
        var clock = TestDatabase.Clock();
        var settings = Options.Create(new ConversationOptions { LeaseDuration = TimeSpan.FromMinutes(2) });
        var first = new ChatLeases(database.DbFactory, settings, clock);
        var second = new ChatLeases(database.DbFactory, settings, clock);
        var customers = Enumerable.Range(0, 6).Select(_ => "+49" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)).Distinct().ToList();
        var ct = TestContext.Current.CancellationToken;
        Assert.True(await second.TryAcquireAsync(customers[1], ct));
        Assert.True(await second.TryAcquireAsync(customers[4], ct));

        var taken = await first.TryAcquireAsync([.. customers, customers[0]], ct);

        Assert.Equal(customers.Where((_, i) => i is not 1 and not 4).Order(), taken.Order());
        Assert.Empty(await second.TryAcquireAsync(taken, ct));
        await first.ReleaseAsync(taken);
        Assert.Equal(taken.Order(), (await second.TryAcquireAsync(taken, ct)).Order());
    }

    protected virtual void RequireDatabase()
    {
    }
}

public sealed class SqliteChatLeaseTests(SqliteTestDatabase database) : ChatLeaseContract(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresChatLeaseTests(PostgresTestDatabase database) : ChatLeaseContract(database), IClassFixture<PostgresTestDatabase>
{
    protected override void RequireDatabase() => database.Server.RequireAvailable();
}
