/**
 * QR codes for printed cards, made at build time (no network, no client JS).
 *
 * A code's card points at the short alias (`/55/`, `/a0/`, set up as redirects in
 * `astro.config.mjs`), so the QR stays small and the printed link is easy to type.
 * Symptoms have no alias; their card points at the article itself.
 */
import QRCode from 'qrcode';

export interface CardLink {
	/** Path on the site, e.g. `/55/`. */
	path: string;
	/** Absolute URL the QR encodes, e.g. `https://poskb.example.cn/55/`. */
	url: string;
	/** The same link as printed under the QR, without the scheme: `poskb.example.cn/55/`. */
	text: string;
	/** `text` in lines of at most ~18 characters, broken after a `/` or `-`, for the narrow QR caption. */
	lines: string[];
}

/** Break a scheme-less link after slashes (or hyphens) into lines of at most `max` characters (longer segments stay whole). */
export function linkLines(text: string, max = 18): string[] {
	const parts = text.split(/(?<=[/-])/);
	const lines: string[] = [];
	for (const part of parts) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + part.length <= max) lines[lines.length - 1] = last + part;
		else lines.push(part);
	}
	return lines;
}

/**
 * The short link of a card: the alias for a code (lower-case for letter codes, as the
 * redirects in astro.config.mjs define both), the article path for a symptom.
 */
export function cardShortLink(site: URL | string, kind: 'code' | 'symptom' | 'task', id: string): CardLink {
	const path = kind === 'code' ? `/${id.toLowerCase()}/` : `/${kind === 'symptom' ? 'symptoms' : 'tasks'}/${id}/`;
	const url = new URL(path, site).href;
	const text = url.replace(/^https?:\/\//, '');
	return { path, url, text, lines: linkLines(text) };
}

/**
 * The QR code as an inline SVG string: the dark modules on a white square, with a
 * two-module quiet zone, sized by CSS. Error correction M survives a crease or a coffee
 * ring on a card taped next to the terminal.
 *
 * Each row's runs of dark modules are one-unit-wide strokes along the row's middle line
 * (`M2 2.5h7m3 0h1…`; butt caps end them exactly at the module edges): about half the bytes
 * of a filled rectangle per run, on each of the 98 cards in the offline precache (issue 17).
 */
export function qrSvg(text: string, label: string): string {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const size = qr.modules.size;
	const margin = 2;
	const total = size + margin * 2;
	let d = '';
	for (let row = 0; row < size; row++) {
		/** Where the pen is on this row, or null before the row's first run. */
		let pen: number | null = null;
		let col = 0;
		while (col < size) {
			if (!qr.modules.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < size && qr.modules.get(row, col)) col++;
			d += pen === null ? `M${start + margin} ${row + margin}.5` : `m${start - pen} 0`;
			d += `h${col - start}`;
			pen = col;
		}
	}
	const escaped = label.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges" role="img" aria-label="${escaped}" data-qr="${text.replaceAll('"', '&quot;')}">` +
		`<rect width="${total}" height="${total}" fill="#fff"/><path d="${d}" stroke="#000"/></svg>`
	);
}
