// Small helpers the Blazor components call through JS interop.
window.portal = {
    // Sets <html data-interactive="true"> once the Blazor circuit has rendered the layout.
    markInteractive() {
        document.documentElement.dataset.interactive = 'true';
    },
    setCookie(name, value, days) {
        const maxAge = Math.round(days * 24 * 60 * 60);
        document.cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}; path=/; max-age=${maxAge}; samesite=lax`;
    }
};
