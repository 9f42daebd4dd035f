// Small helpers the Blazor components call through JS interop.
window.portal = {
    setCookie(name, value, days) {
        const maxAge = Math.round(days * 24 * 60 * 60);
        document.cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}; path=/; max-age=${maxAge}; samesite=lax`;
    }
};
