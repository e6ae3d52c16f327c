using HanoiWorkbench.Core.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace HanoiWorkbench.Workbench.Realtime;

public static class DependencyInjection
{
    /// <summary>SignalR hub and the event bus; with Redis:ConnectionString, the Redis backplane and relay for several instances.</summary>
    public static IServiceCollection AddWorkbenchRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        var redisConnection = configuration["Redis:ConnectionString"];
        if (string.IsNullOrWhiteSpace(redisConnection))
        {
            services.AddSingleton<ILiveSequenceSource, InMemoryLiveSequences>();
            services.AddSingleton<ILiveRelay, NoLiveRelay>();
        }
        else
        {
            var options = ConfigurationOptions.Parse(redisConnection);
            options.AbortOnConnectFail = false; // start and serve local users even when Redis is down
            // Without this, commands issued while Redis is away wait in a backlog for up to the timeout (5 s): every
            // call-next would stall. Failing fast lets the bus fall back to local numbering and delivery at once.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ChannelPrefix = RedisChannel.Literal("hanoi-workbench");
            // One multiplexer for the relay and the hub backplane: one reconnect, one ConnectionRestored, one Resync.
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
            services.AddSingleton(_ => connection.Value);
            services.AddSingleton<RedisLiveRelay>();
            services.AddSingleton<ILiveSequenceSource>(sp => sp.GetRequiredService<RedisLiveRelay>());
            services.AddSingleton<ILiveRelay>(sp => sp.GetRequiredService<RedisLiveRelay>());
            services.Configure<RedisOptions>(o => o.ConnectionFactory = _ => Task.FromResult(connection.Value));
            // The backplane for the live hub only. AddStackExchangeRedis() would put every hub behind Redis, Blazor's
            // own circuit hub included: circuits would then fail to connect while Redis is down.
            // Made after the multiplexer, which it unsubscribes from when disposed: the container disposes in reverse order
            // of creation, so the multiplexer would otherwise be gone first (ObjectDisposedException at shutdown).
            services.AddSingleton<HubLifetimeManager<LiveHub>>(sp =>
            {
                sp.GetRequiredService<IConnectionMultiplexer>();
                return ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<LiveHub>>(sp);
            });
        }
        services.AddSingleton<LiveEventBus>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveEventBus>());
        services.AddHostedService<LiveRelayAttachment>();
        services.AddMetrics(); // the meter factory of the queue-length gauge (a web host has it already)
        services.AddSingleton<CityLive>();
        services.AddHostedService(sp => sp.GetRequiredService<CityLive>());
        services.AddSingleton<AlertWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWatch>());
        return services;
    }

    /// <summary>Listens to other instances from start-up, not from the first local publish or subscription.</summary>
    private sealed class LiveRelayAttachment(LiveEventBus bus) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            bus.AttachRelay();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
