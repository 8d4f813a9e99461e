/**
 * The public address of the site, used for canonical links, the sitemap and the QR codes
 * printed on the cards. Set `POSKB_SITE` when building for a real host; the default is
 * under the reserved `.example` top-level domain (RFC 2606), so a card printed from a
 * local build can never send a cashier to somebody else's website.
 */
export const SITE = process.env['POSKB_SITE'] || 'https://poskb.example';
