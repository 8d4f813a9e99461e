/**
 * Empties Starlight's sidebar-state script (a Vite plugin, see astro.config.mjs).
 *
 * Starlight's `Page.astro` puts `components-internals/SidebarPersistState` on every page,
 * whatever the `Sidebar` override renders: it saves which sidebar groups are open and how
 * far the sidebar is scrolled, in `sessionStorage`, for the next page. The site's menu is
 * five links with no groups (`src/components/starlight/Sidebar.astro`) that never scroll,
 * so the script only cost every page about 0.4 KB gzip, and the offline precache (issue 17)
 * holds every page. `Page.astro` is not one of Starlight's overridable components, so the
 * module itself is replaced with an empty one.
 */
import type { Plugin } from 'vite';

/** The module Starlight's `Page.astro` loads (`.ts` in its source, `.js` as published). */
const SIDEBAR_STATE = /@astrojs[\\/]starlight[\\/].*components-internals[\\/]SidebarPersistState\.[jt]s$/u;

export function dropSidebarState(): Plugin {
	return {
		name: 'poskb:drop-sidebar-state',
		enforce: 'pre',
		load(id) {
			return SIDEBAR_STATE.test(id.split('?')[0] ?? id) ? 'export {};' : null;
		},
	};
}
