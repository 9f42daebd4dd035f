// Small helpers the Blazor components call through JS interop.
window.portal = {
    // Sets <html data-interactive="true"> once the Blazor circuit has rendered the layout.
    markInteractive() {
        document.documentElement.dataset.interactive = 'true';
        // The circuit's first render drew the layout again as the server writes it: the drawer as the browser had it.
        this.applyDrawer?.();
    },
    // Switches the theme's two style elements in the head (App.razor, PortalThemeStyles) and remembers the choice.
    setTheme(dark, cookie) {
        const [on, off] = dark ? ['portal-theme-dark', 'portal-theme-light'] : ['portal-theme-light', 'portal-theme-dark'];
        document.getElementById(on)?.removeAttribute('media');
        document.getElementById(off)?.setAttribute('media', 'not all');
        this.setCookie(cookie, dark ? 'dark' : 'light', 365);
    },
    // Writes the address without a navigation (which would scroll to the top) and without a history entry, keeping
    // the history state Blazor's router keeps there.
    replaceAddress(url) {
        history.replaceState(history.state, '', url);
    },
    setCookie(name, value, days) {
        const maxAge = Math.round(days * 24 * 60 * 60);
        document.cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}; path=/; max-age=${maxAge}; samesite=lax`;
    }
};

// The app bar's menus (AccountMenu, BrandSwitcher) are the browser's own popovers with role="menu": the browser opens
// and closes them; this gives them what a menu does from the keyboard (focus on the first item when it opens, arrow
// keys, Home and End, Tab leaves and closes it), tells the button whether it is open (aria-expanded), and closes one
// when a link in it is followed inside the app (Blazor's router keeps the page, so the browser would not).
(() => {
    const items = menu => [...menu.querySelectorAll('[role="menuitem"]')];
    document.addEventListener('toggle', event => {
        const menu = event.target;
        if (!menu.matches?.('[popover][role="menu"]')) return;
        const open = event.newState === 'open';
        document.querySelectorAll(`[popovertarget="${menu.id}"][aria-haspopup]`).forEach(button => button.setAttribute('aria-expanded', String(open)));
        if (open) {
            (items(menu).find(item => item.getAttribute('aria-disabled') !== 'true') ?? items(menu)[0])?.focus();
        }
    }, true);
    document.addEventListener('keydown', event => {
        const menu = event.target.closest?.('[popover][role="menu"]');
        if (!menu) return;
        if (event.key === 'Tab') {
            menu.hidePopover();
            return;
        }
        const all = items(menu);
        const at = all.indexOf(document.activeElement);
        const next = { ArrowDown: at + 1, ArrowUp: at <= 0 ? all.length - 1 : at - 1, Home: 0, End: all.length - 1 }[event.key];
        if (next === undefined || all.length === 0) return;
        event.preventDefault();
        all[next % all.length].focus();
    });
    document.addEventListener('click', event => {
        const link = event.target.closest?.('[popover][role="menu"] a[role="menuitem"]');
        link?.closest('[popover]')?.hidePopover();
    });
})();

// The drawer (MainLayout) is opened and closed here, not on the server: the menu button and the overlay answer at
// once, before the page is interactive too. It starts open from 960 px up and closed below (a phone), and follows
// the window across 960 px (a window resized, a tablet turned), as MudDrawer did. The classes are MudBlazor's.
(() => {
    const narrow = window.matchMedia('(max-width: 959.98px)');
    let open = !narrow.matches;
    const apply = () => {
        const layout = document.getElementById('portal-layout');
        const drawer = document.getElementById('portal-drawer');
        if (!layout || !drawer) return;
        layout.classList.toggle('mud-drawer-open-responsive-md-left', open);
        layout.classList.toggle('mud-drawer-close-responsive-md-left', !open);
        drawer.classList.toggle('mud-drawer--open', open);
        drawer.classList.toggle('mud-drawer--closed', !open);
        drawer.classList.remove('mud-drawer--initial');
        document.querySelector('[data-portal-drawer="overlay"]')?.classList.toggle('mud-drawer-overlay--open', open);
        document.querySelectorAll('[data-portal-drawer="toggle"]').forEach(button => button.setAttribute('aria-expanded', String(open)));
    };
    window.portal.applyDrawer = apply;
    narrow.addEventListener('change', event => { open = !event.matches; apply(); });
    document.addEventListener('click', event => {
        const control = event.target.closest?.('[data-portal-drawer]');
        if (!control) return;
        open = control.dataset.portalDrawer === 'toggle' ? !open : false;
        apply();
    });
    const start = () => {
        apply();
        // A statically rendered page that Blazor patches on navigation gets the server's classes back: set them again.
        window.Blazor?.addEventListener?.('enhancedload', apply);
    };
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
