/**
 * Build settings read from the environment, in one place.
 *
 * - `POSKB_SITE`: the public address of the site, used for canonical links, the sitemap
 *   and the QR codes printed on the cards. The default is under the reserved `.example`
 *   top-level domain (RFC 2606), so a card printed from a local build can never send a
 *   cashier to somebody else's website. `scripts/require-site.ts` refuses a production
 *   build without it, and the build prints the host it used.
 * - `POSKB_CARD_PDFS=1`: the pages link the ready-made card PDFs (`/cards/<id>.pdf`).
 *   Set it only when `npm run cards:pdf` runs after the build (as `npm test` and a
 *   deploy do): a plain `astro build` makes no PDFs, so its pages must not link them.
 *   `validate -- --built` fails on any linked PDF that is missing.
 */
export const DEFAULT_SITE = 'https://poskb.example';
/** Without a trailing slash, so `${SITE}/55/` is right either way. */
export const SITE = (process.env['POSKB_SITE'] || DEFAULT_SITE).replace(/\/+$/, '');
export const CARD_PDFS = process.env['POSKB_CARD_PDFS'] === '1';
