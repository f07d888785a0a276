/** The one HTML escaper: plain text made safe to put into HTML. */

/** For element content: `&`, `<` and `>` (what imported plain-text fields are stored with). */
export function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For a quoted attribute value: the above and both quotes. */
export function escapeAttr(text: string): string {
	return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
