using HanoiWorkbench.Data.Admin;
using HanoiWorkbench.Workbench.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HanoiWorkbench.Workbench.Components.Pages.Admin;

/// <summary>
/// The shared behaviour of the admin edit pages: an <see cref="EditContext"/> over the form model, server refusals shown
/// beside their field (or as an alert when no field owns them), "Đã lưu" and back to the list on success.
/// </summary>
public abstract class AdminFormPage<TForm> : ComponentBase, IDisposable where TForm : class
{
    private ValidationMessageStore? _serverErrors;

    [Inject] private IStringLocalizer<SharedResource> Text { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected TForm? Form { get; private set; }
    protected EditContext? Edit { get; private set; }
    protected IReadOnlyList<string> Errors { get; private set; } = [];
    protected bool Saving { get; private set; }
    protected bool NotFound { get; set; }

    protected void Attach(TForm form)
    {
        Detach();
        Form = form;
        Edit = new EditContext(form);
        _serverErrors = new ValidationMessageStore(Edit);
        Edit.OnFieldChanged += FieldChanged;
    }

    /// <summary>The first validation message of a field, for inputs that cannot take <c>For</c> (multi-selects).</summary>
    protected string? MessageFor(string field) => Edit?.GetValidationMessages(Edit.Field(field)).FirstOrDefault();

    /// <summary>Tells validation a field changed when the input does not do it itself (multi-selects).</summary>
    protected void Changed(string field) => Edit?.NotifyFieldChanged(Edit.Field(field));

    protected Task SubmitAsync(Func<AdminActor, Task<SaveResult>> save, string returnUrl) =>
        SubmitAsync(save, () =>
        {
            Navigation.NavigateTo(returnUrl);
            return Task.CompletedTask;
        });

    protected async Task SubmitAsync(Func<AdminActor, Task<SaveResult>> save, Func<Task> onSaved)
    {
        ArgumentNullException.ThrowIfNull(onSaved);
        ArgumentNullException.ThrowIfNull(save);
        if (Edit is null || _serverErrors is null || Saving) return;
        _serverErrors.Clear();
        Errors = [];
        Saving = true;
        try
        {
            var result = await save(await ActorAsync());
            if (result.Succeeded)
            {
                Snackbar.Add(Text["Đã lưu"], Severity.Success);
                await onSaved();
                return;
            }
            foreach (var (field, messages) in result.FieldErrors)
                foreach (var message in messages)
                    _serverErrors.Add(Edit.Field(field), Text[message]);
            Errors = result.Errors.Select(e => Text[e].Value).ToList();
            Edit.NotifyValidationStateChanged();
        }
        finally
        {
            Saving = false;
        }
    }

    protected Task<AdminActor> ActorAsync() => AdminActors.FromAsync(AuthState);

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _serverErrors?.Clear(e.FieldIdentifier);
        if (Errors.Count > 0) Errors = [];
    }

    private void Detach()
    {
        if (Edit is not null) Edit.OnFieldChanged -= FieldChanged;
    }

    public void Dispose()
    {
        Detach();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The signed-in administrator as the audit log records them.</summary>
public static class AdminActors
{
    public static async Task<AdminActor> FromAsync(Task<AuthenticationState>? authState)
    {
        var user = authState is null ? null : (await authState).User;
        var staff = user is null ? null : CurrentStaff.From(user);
        return new AdminActor(user?.Identity?.Name ?? staff?.FullName ?? "?", staff?.StaffId);
    }
}
