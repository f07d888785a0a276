/**
 * Card fields are HTML from decks that may be untrusted (imports): everything shown goes through
 * DOMPurify with a conservative allow-list. Runs in the browser only.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
	'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'br', 'p', 'div', 'span', 'ul', 'ol', 'li',
	'mark', 'code', 'pre', 'blockquote', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'ruby', 'rt'
];
const ALLOWED_ATTR = ['class', 'alt', 'src', 'title', 'aria-label', 'colspan', 'rowspan', 'lang', 'dir'];

export function sanitizeHtml(html: string): string {
	return DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR,
		// Images only from data: URLs or our own media blobs; no remote fetches from card content.
		ALLOWED_URI_REGEXP: /^(?:data:image\/(?:png|jpe?g|gif|webp);|blob:)/i
	});
}
