using HanoiWorkbench.Core.Live;
using StackExchange.Redis;

namespace HanoiWorkbench.Workbench.Realtime;

public static class DependencyInjection
{
    /// <summary>SignalR hub and the event bus; with Redis:ConnectionString, the Redis backplane and relay for several instances.</summary>
    public static IServiceCollection AddWorkbenchRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
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
            options.ChannelPrefix = RedisChannel.Literal("hanoi-workbench");
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            services.AddSingleton<RedisLiveRelay>();
            services.AddSingleton<ILiveSequenceSource>(sp => sp.GetRequiredService<RedisLiveRelay>());
            services.AddSingleton<ILiveRelay>(sp => sp.GetRequiredService<RedisLiveRelay>());
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = options.Clone();
                o.Configuration.ChannelPrefix = RedisChannel.Literal("hanoi-workbench-hub");
            });
        }
        services.AddSingleton<LiveEventBus>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveEventBus>());
        return services;
    }
}
