// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { flowchartPlugin } from './src/lib/flowchart/satteri-plugin.ts';
import { SITE } from './src/lib/site.ts';
import { PWA_HEAD } from './src/lib/pwa.ts';
import { siteAliases } from './scripts/lib/deploy/aliases.ts';
import { deployFiles, precompress } from './scripts/lib/deploy/integration.ts';
import { printFontPieces } from './scripts/lib/cards/print-font.ts';
import { dropSidebarState } from './scripts/lib/build/drop-sidebar-state.ts';
import { codeDataModule } from './scripts/lib/build/code-data-module.ts';

/**
 * Short links for cards and chat: `/55/` and `/a0/` go to `/codes/55/` and `/codes/A0/`;
 * `/symptoms/`, `/tasks/` and `/causes/` go to their lists on the home page.
 * nginx and the static hosts answer them with a 301 (scripts/lib/deploy/, from the same
 * list); these HTML redirect pages are for `npm start` and any plain folder of files,
 * where a printed QR code's short link must still land on the article.
 */
const redirects = Object.fromEntries(siteAliases().map(({ from, to }) => [from, to]));

/**
 * A script chunk's name without Astro's suffix for a component's <script> (and path characters).
 * @param {string} name
 */
const shortScriptName = (name) => name.replace(/\.astro_astro_type_script_index_\d+_lang$/, '').replace(/[^\w.-]/g, '_') || 'chunk';

export default defineConfig({
	site: SITE,
	trailingSlash: 'always',
	redirects,
	// Starlight turns on prefetch-all (1.1 KB of JS run on every page). After the first visit
	// the service worker has every page locally (issue 17), so prefetching buys nothing there.
	prefetch: false,
	vite: {
		environments: {
			client: {
				build: {
					rolldownOptions: {
						output: {
							// "SiteScripts.<hash>.js", not "SiteScripts.astro_astro_type_script_index_0_lang.<hash>.js":
							// every page names three or four scripts, and the offline precache (issue 17)
							// holds every page.
							entryFileNames: (chunk) => `_astro/${shortScriptName(chunk.name)}.[hash].js`,
							chunkFileNames: (chunk) => `_astro/${shortScriptName(chunk.name)}.[hash].js`,
						},
					},
				},
			},
		},
		// Cards: only the print font pieces the site's text can use (68 → 27 KB gzip of CSS a card).
		// Every page: no sidebar-state script, the menu has nothing to remember.
		// Search: the code list inside the search UI's module, not on every page.
		plugins: [printFontPieces(fileURLToPath(new URL('.', import.meta.url))), dropSidebarState(), codeDataModule()],
		build: {
			// Fonts stay files: an inlined `data:` font would need `font-src data:` in the CSP
			// (scripts/lib/deploy/headers.ts). Scripts stay files too, unless they are nearly
			// empty: Astro inlines a small one into every page that uses it, where a file is
			// fetched once and then cached, and the offline precache (issue 17) would hold one
			// copy a page. Other small assets may still be inlined.
			assetsInlineLimit: (file, content) => {
				if (/\.woff2?$/.test(file)) return false;
				if (/\.js$/.test(file)) return content.length < 100;
				return undefined;
			},
			rolldownOptions: {
				// Every MDX module starts with Astro's own "use astro:head-inject" directive,
				// and Rolldown warns once per article that it may drop it. Astro handles the
				// directive itself, so 90 identical warnings only bury the real messages.
				onLog(level, log, handler) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
					handler(level, log);
				},
			},
		},
	},
	markdown: {
		// Sätteri is Astro 7's default processor; remark/rehype plugins do not run under it.
		processor: satteri({ mdastPlugins: [flowchartPlugin] }),
	},
	integrations: [
		starlight({
			title: 'POS 故障速查',
			description: '银行卡 POS 终端返回码与提示信息速查：是什么意思、谁来处理、先做什么。',
			defaultLocale: 'root',
			locales: { root: { label: '简体中文', lang: 'zh-CN' } },
			customCss: ['./src/styles/site.css', './src/styles/print.css'],
			// No page shows code: Expressive Code's styles and script (about 5 KB gzip on every
			// page) bought nothing. The flowchart plugin (issue 10) reads ```mermaid blocks in the
			// mdast, before any code-block renderer, so it is unaffected.
			expressiveCode: false,
			// Articles are short and their answer is at the top; a table of contents only pushed
			// it down on phones and cost two scripts on every page (issue 17).
			tableOfContents: false,
			// Installable web app (issue 17): manifest, icons, theme colours (light and dark).
			head: PWA_HEAD,
			components: {
				MarkdownContent: './src/components/MarkdownContent.astro',
				// Search (issue 5): light header box over the Pagefind JS API, loaded on first use.
				Search: './src/components/Search.astro',
				// Parts the site never shows: their CSS was on every page (issue 17).
				PageSidebar: './src/components/starlight/Nothing.astro',
				Banner: './src/components/starlight/Nothing.astro',
				// No page is a splash page (the 404 page is our own, src/pages/404.astro): the hero's
				// styles and its link buttons' left every page.
				Hero: './src/components/starlight/Nothing.astro',
				SocialIcons: './src/components/starlight/Nothing.astro',
				EditLink: './src/components/starlight/Nothing.astro',
				// Its parts are all off (edit link, last-updated date, previous/next pages: the
				// sidebar is empty), so it was an empty <footer> on every page.
				Footer: './src/components/starlight/Nothing.astro',
				// One language: the picker never shows, but its script was on every page.
				LanguageSelect: './src/components/starlight/Nothing.astro',
				// Five links without Starlight's open/closed-state scripts.
				Sidebar: './src/components/starlight/Sidebar.astro',
				// A labelled select without Starlight's per-choice icons and their template.
				ThemeProvider: './src/components/starlight/ThemeProvider.astro',
				ThemeSelect: './src/components/starlight/ThemeSelect.astro',
				// Its two icons as CSS masks, not two inline SVGs on every page.
				MobileMenuToggle: './src/components/starlight/MobileMenuToggle.astro',
			},
			// The menu is five links in src/components/starlight/Sidebar.astro; an empty list
			// keeps Starlight from building a sidebar of every article that no page shows.
			sidebar: [],
			// src/pages/404.astro instead: a cashier who mistypes a short link gets the search
			// box and the code index, not only "page not found".
			disable404Route: true,
		}),
		// After Starlight: reads the finished pages for the CSP hashes.
		deployFiles(),
		// Last: any file written after it would be served from a stale .gz.
		precompress(),
	],
});
