// Small helpers the Blazor components call through JS interop.
window.portal = {
    // Sets <html data-interactive="true"> once the Blazor circuit has rendered the layout.
    markInteractive() {
        document.documentElement.dataset.interactive = 'true';
    },
    // Whether the window is narrower than MudBlazor's md breakpoint (a phone or a small tablet).
    isNarrow() {
        return window.matchMedia('(max-width: 959.98px)').matches;
    },
    // Submits a form the server rendered (sign-out from the account menu), as its own submit button would.
    submitForm(id) {
        document.getElementById(id)?.requestSubmit();
    },
    // Switches the theme's two style elements in the head (App.razor, PortalThemeStyles) and remembers the choice.
    setTheme(dark, cookie) {
        const [on, off] = dark ? ['portal-theme-dark', 'portal-theme-light'] : ['portal-theme-light', 'portal-theme-dark'];
        document.getElementById(on)?.removeAttribute('media');
        document.getElementById(off)?.setAttribute('media', 'not all');
        this.setCookie(cookie, dark ? 'dark' : 'light', 365);
    },
    setCookie(name, value, days) {
        const maxAge = Math.round(days * 24 * 60 * 60);
        document.cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}; path=/; max-age=${maxAge}; samesite=lax`;
    }
};
