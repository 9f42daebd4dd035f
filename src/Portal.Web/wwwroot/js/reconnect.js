// Drives the portal's reconnect dialog (Components/Layout/ReconnectModal.razor), as the .NET 10
// Blazor Web App template does: blazor.web.js reports the state, this shows, retries and resumes.
const modal = document.getElementById("components-reconnect-modal");
modal.addEventListener("components-reconnect-state-changed", stateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
modal.querySelector("[data-reconnect-reload]").addEventListener("click", () => location.reload());

function stateChanged(event) {
    const state = event.detail.state;
    if (state === "show") {
        modal.showModal();
    } else if (state === "hide") {
        modal.close();
    } else if (state === "failed") {
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (state === "rejected") {
        location.reload();
    }
}

// A resumed circuit is a new one: it draws the page again (the layout's drawer, menus and every field as the server
// writes them) and says so with portal.markInteractive. Until then the page is not interactive: suites that wait for
// data-interactive wait for that, and nothing they click is replaced under them.
async function resumeCircuit() {
    delete document.documentElement.dataset.interactive;
    return await Blazor.resumeCircuit();
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: back; false: the server is there but forgot the circuit; a throw: still unreachable.
        if (!await Blazor.reconnect()) {
            if (await resumeCircuit()) {
                modal.close();
            } else {
                location.reload();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await resumeCircuit()) {
            location.reload();
        }
    } catch {
        modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
