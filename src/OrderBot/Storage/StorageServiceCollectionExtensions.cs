using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{OrderBotDbContext}"/> for the configured provider. Contexts are
    /// pooled: the handler and the background workers create one per unit of work. EF Core interceptors registered
    /// as <see cref="IInterceptor"/> services are added to every context (the bench counts transactions with one).
    /// </summary>
    public static IServiceCollection AddOrderBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is Postgres.")
            .ValidateOnStart();

        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        switch (options.Provider)
        {
            case StorageProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresOrderBotDbContext>((sp, b) =>
                    ConfigurePostgres(b, options.EffectiveConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<OrderBotDbContext>>(sp =>
                    new FactoryOf<PostgresOrderBotDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresOrderBotDbContext>>()));
                break;
            default:
                services.AddPooledDbContextFactory<SqliteOrderBotDbContext>((sp, b) =>
                    ConfigureSqlite(b, options).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddSingleton<IDbContextFactory<OrderBotDbContext>>(sp =>
                    new FactoryOf<SqliteOrderBotDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteOrderBotDbContext>>()));
                break;
        }

        services.AddSingleton<StorageInitializer>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RetentionWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionWorker>(sp => sp.GetRequiredService<RetentionWorker>()));
        return services;
    }

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).UseSnakeCaseNamingConvention().ConfigureWarnings(ExpectedFailuresAreNotErrors);

    // Constraint violations are outcomes the services expect and turn into typed results (unknown customer,
    // lost race, taken order number); EF would log each as an error. Real failures still reach the caller.
    private static void ExpectedFailuresAreNotErrors(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug));

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, StorageOptions options)
    {
        var connection = new SqliteConnectionStringBuilder(options.EffectiveConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Pooling = true,
        };
        return builder.UseSqlite(connection.ToString())
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(ExpectedFailuresAreNotErrors)
            .AddInterceptors(new SqlitePragmas(options.BusyTimeout));
    }

    private sealed class FactoryOf<T>(IDbContextFactory<T> inner) : IDbContextFactory<OrderBotDbContext>
        where T : OrderBotDbContext
    {
        public OrderBotDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<OrderBotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
