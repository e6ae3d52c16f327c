// Opens and closes the Vietnamese reconnect dialog (ReconnectModal.razor) as Blazor reports the circuit's state.
const modal = document.getElementById("components-reconnect-modal");
if (modal) {
    modal.addEventListener("components-reconnect-state-changed", onStateChanged);
    modal.addEventListener("cancel", event => event.preventDefault()); // Escape must not hide a dead connection
    document.getElementById("components-reconnect-button").addEventListener("click", retry);
    document.getElementById("components-resume-button").addEventListener("click", resume);
    document.getElementById("components-reload-button").addEventListener("click", () => location.reload());
}

function onStateChanged(event) {
    const state = event.detail.state;
    if (state === "hide") {
        modal.close();
        return;
    }
    if (!modal.open) modal.showModal();
    if (state === "failed") document.addEventListener("visibilitychange", retryWhenVisible);
    // "rejected": the server no longer knows this circuit; a new page is the only way on.
    if (state === "rejected") location.reload();
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server is back but lost the circuit, so try to resume it, else reload.
        if (!await Blazor.reconnect()) {
            if (await Blazor.resumeCircuit()) modal.close();
            else location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) location.reload();
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") await retry();
}
