/**
 * Card fields are HTML from decks that may be untrusted (imports): every field with markup goes through
 * DOMPurify with a conservative allow-list. Runs in the browser only. Loaded on demand by safe-html.svelte.ts,
 * only once a card contains markup (issue 13: DOMPurify is not first-visit JS for plain-text decks).
 *
 * Media: `<img src="name.jpg">` and Anki's `[sound:name.mp3]` refer to files stored with the deck; they
 * are resolved to object URLs of the stored files (see media-urls), never fetched from the network.
 */
import DOMPurify from 'dompurify';
import { escapeAttr } from '$lib/domain/html-escape';
import { CARD_HTML_TAGS as ALLOWED_TAGS } from './card-html-policy';
import { mediaNameOf, mediaUrl } from '$lib/state/media-urls.svelte';

const ALLOWED_ATTR = [
	'class',
	'alt',
	'src',
	'title',
	'aria-label',
	'colspan',
	'rowspan',
	'lang',
	'dir',
	'controls'
];
// Images only from data: URLs or our own media blobs; no remote fetches from card content.
const ALLOWED_URI_REGEXP = /^(?:data:image\/(?:png|jpe?g|gif|webp);|blob:)/i;
const MEDIA_ATTR = 'data-media';

let purifier: ReturnType<typeof DOMPurify> | null = null;
/** The file name an image referred to, for a text alternative when the deck gave none. */
const imageNames = new WeakMap<Element, string>();

/** A DOMPurify instance of our own, so that its hooks apply to card HTML only. */
function instance(): ReturnType<typeof DOMPurify> {
	if (purifier) return purifier;
	const p = DOMPurify(window);
	p.addHook('uponSanitizeAttribute', (node, data) => {
		if (data.attrName !== 'src') return;
		// DOMPurify lets any data: URI through on images; ours are raster images only (an SVG document is not).
		if (/^\s*data:/i.test(data.attrValue) && !ALLOWED_URI_REGEXP.test(data.attrValue.trim())) {
			data.keepAttr = false;
			return;
		}
		if (node.nodeName !== 'IMG') return;
		const name = mediaNameOf(data.attrValue);
		if (name === null) return; // a URL: the allow-list above decides
		imageNames.set(node, name);
		const url = mediaUrl(name, 'image');
		if (!url) return; // not stored (or not loaded yet): the relative src is dropped
		data.attrValue = url;
		if (url.startsWith('data:')) data.forceKeepAttr = true; // our own SVG data URL
	});
	p.addHook('afterSanitizeAttributes', (node) => {
		// Imported decks rarely describe their images: the file name is better than nothing for screen readers.
		if (node.nodeName === 'IMG' && !node.hasAttribute('alt'))
			node.setAttribute('alt', imageNames.get(node) ?? 'Image');
		if (node.nodeName !== 'AUDIO') return;
		node.removeAttribute('src');
		const name = node.getAttribute(MEDIA_ATTR);
		const url = name ? mediaUrl(name, 'audio') : undefined;
		if (url) node.setAttribute('src', url);
		node.setAttribute('controls', '');
		node.setAttribute('preload', 'none');
	});
	purifier = p;
	return p;
}

/** Anki's sound references as players of the stored file. */
function soundPlayers(html: string): string {
	if (!html.includes('[sound:')) return html;
	// Only plain file names: anything with markup or quotes in it stays visible text.
	return html.replace(/\[sound:([^\]\n<>"'&]{1,255})\]/g, (_m, name: string) => {
		const label = escapeAttr(`Play ${name}`);
		return `<audio controls aria-label="${label}" ${MEDIA_ATTR}="${escapeAttr(name)}"></audio>`;
	});
}

export function sanitizeHtml(html: string): string {
	return instance().sanitize(soundPlayers(html), { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP });
}
