/**
 * The installable-app bits every page links (issue 17): web app manifest, icons and the
 * browser's theme colour for light and dark mode. Used by Starlight's `head` config
 * (`astro.config.mjs`) and by the print frame of the cards (`CardLayout.astro`), which is
 * not a Starlight page. The files themselves are in `public/` (`manifest.webmanifest`,
 * `icons/`, `favicon.ico`), made by `scripts/icons.ts` from `public/favicon.svg`.
 */

/** Theme colours: Starlight's page background in light and dark mode. */
export const THEME_COLORS = { light: '#ffffff', dark: '#17181c' } as const;

/** One `<head>` entry in Starlight's `head` config shape. */
export interface HeadEntry {
	tag: 'link' | 'meta';
	attrs: Record<string, string>;
}

export const PWA_HEAD: HeadEntry[] = [
	{ tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
	{ tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon-180.png' } },
	{ tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLORS.light, media: '(prefers-color-scheme: light)' } },
	{ tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLORS.dark, media: '(prefers-color-scheme: dark)' } },
	{ tag: 'meta', attrs: { name: 'apple-mobile-web-app-title', content: 'POS 故障速查' } },
];
