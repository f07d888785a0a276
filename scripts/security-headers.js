// The one definition of Kartka's security policy, used by svelte.config.js (kit.csp, a <meta> tag in every
// prerendered shell, with hashes of SvelteKit's inline boot script), by scripts/serve.js, and checked against
// static/_headers by tests/pwa/security-headers.test.ts. See docs/hosting.md for other static hosts.

/**
 * The Content-Security-Policy of the page, as kit.csp directives. Differences from the draft, with reasons:
 * - script-src gets the hashes SvelteKit adds for its inline boot script (hash mode works for prerendered shells).
 * - style-src 'unsafe-inline': Svelte transitions and uPlot create inline <style>/style attributes; styles
 *   cannot run code, and card HTML has no style attribute after sanitizing anyway.
 * - media-src 'self' blob:: card audio plays from blob: URLs of stored files; 'self' for the app's own files.
 * - worker-src 'self': the import parser and the optimizer run as module workers from our own origin.
 * - frame-ancestors cannot be set by a <meta> tag (browsers ignore it there): it is in the header policy below.
 * @type {Record<string, string[]>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	// 'wasm-unsafe-eval': sql.js (Anki import) and the FSRS optimizer compile WebAssembly.
	'script-src': ['self', 'wasm-unsafe-eval'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'media-src': ['self', 'blob:'],
	// https: for "Import from a link" (any https host). Plain http only to this machine (a deck served while
	// writing it, the browser tests' deck server): the app refuses other http links with a message (deck-link.ts).
	'connect-src': ['self', 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['none']
};

/**
 * The policy sent as an HTTP header. Browsers enforce every policy they get (header AND meta: a resource must
 * pass both), so the header carries what a <meta> tag cannot express (frame-ancestors) and repeats what needs
 * no per-build hash. It leaves scripts (default-src/script-src) to each shell's <meta> policy, whose hashes
 * of the inline boot script only the build knows: a header `script-src 'self'` would block the app itself.
 */
export const HEADER_CSP = [
	"img-src 'self' data: blob:",
	"media-src 'self' blob:",
	"connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'"
].join('; ');

/** Every response: CSP, cross-origin isolation (the optimizer's wasm threads need SharedArrayBuffer), nosniff. */
export const SECURITY_HEADERS = {
	'Content-Security-Policy': HEADER_CSP,
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};
