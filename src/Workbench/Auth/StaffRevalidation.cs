using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace HanoiWorkbench.Workbench.Auth;

/// <summary>
/// A Blazor Server circuit keeps the authentication state it started with. This provider re-reads the staff record every
/// <c>Security:RevalidationSeconds</c> (default 30, so a change shows within a minute): a deactivated record, or one whose role
/// the sign-in no longer admits, signs the circuit out; a new role, branch or lend replaces the staff claims, so
/// <c>AuthorizeRouteView</c> and every <c>AuthorizeView</c> decide again and the open page follows. The timer runs on the
/// injected <see cref="TimeProvider"/>; tests drive <see cref="RevalidateAsync"/> or advance a fake clock.
/// </summary>
public sealed class StaffRevalidatingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    public const string IntervalSetting = "Security:RevalidationSeconds";

    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly IClaimsTransformation _staffClaims;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<StaffRevalidatingAuthenticationStateProvider> _logger;
    private CancellationTokenSource? _loop;

    public StaffRevalidatingAuthenticationStateProvider(IClaimsTransformation staffClaims, TimeProvider clock, IConfiguration configuration,
        ILogger<StaffRevalidatingAuthenticationStateProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _staffClaims = staffClaims;
        _clock = clock;
        _logger = logger;
        _interval = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(IntervalSetting, 30), 1, 3600));
        AuthenticationStateChanged += StartLoop;
    }

    public TimeSpan Interval => _interval;

    /// <summary>Reads the staff record again; true when the circuit's state changed (signed out, or new claims).</summary>
    public async Task<bool> RevalidateAsync(CancellationToken ct = default)
    {
        var user = (await GetAuthenticationStateAsync()).User;
        var before = CurrentStaff.From(user);
        if (before is null) return false;
        ct.ThrowIfCancellationRequested();
        var fresh = await _staffClaims.TransformAsync(WithoutStaffIdentity(user));
        var after = CurrentStaff.From(fresh);
        if (after == before) return false;
        _logger.LogInformation("Staff {StaffId}: the staff record changed, the open session follows ({Outcome})",
            before.StaffId, after is null ? "signed out" : "new role or branch");
        SetAuthenticationState(Task.FromResult(after is null ? SignedOut : new AuthenticationState(fresh)));
        return true;
    }

    private static ClaimsPrincipal WithoutStaffIdentity(ClaimsPrincipal user) =>
        new(user.Identities.Where(i => i.AuthenticationType != StaffClaimTypes.AuthenticationType));

    private void StartLoop(Task<AuthenticationState> state)
    {
        _loop?.Cancel();
        _loop?.Dispose();
        _loop = new CancellationTokenSource();
        _ = RunAsync(state, _loop.Token);
    }

    private async Task RunAsync(Task<AuthenticationState> state, CancellationToken ct)
    {
        try
        {
            if (CurrentStaff.From((await state).User) is null) return;
            using var timer = new PeriodicTimer(_interval, _clock);
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    if (await RevalidateAsync(ct)) return; // the new state started its own loop
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // A failed read (database down) keeps the session as it is until the next tick; each request reads claims afresh anyway.
                    _logger.LogWarning(ex, "Revalidating the staff record failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= StartLoop;
        _loop?.Cancel();
        _loop?.Dispose();
    }
}
