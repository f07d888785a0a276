/**
 * What `{@html}` shows of a card field. A field with no `<` cannot make an element (entities stay text) and
 * has no `[sound:…]` to turn into a player, so it is shown as it is; any other field goes through DOMPurify
 * (card-purifier.ts), which is loaded the first time a field needs it (issue 13: plain-text decks never
 * load it). Until it has loaded such a field shows nothing, never the raw markup; the `{@html}` reading it
 * updates by itself once the sanitizer is there.
 */
type Sanitize = (html: string) => string;

const purifier = $state<{ sanitize: Sanitize | null }>({ sanitize: null });
let loading: Promise<void> | null = null;

/** Whether a field needs the sanitizer (markup or an Anki sound reference). */
export function needsSanitizer(html: string): boolean {
	return html.includes('<') || html.includes('[sound:');
}

/** Loads the sanitizer (once); a failed load (offline, not cached) is tried again by the next field. */
export function loadSanitizer(): Promise<void> {
	loading ??= import('./card-purifier').then(
		(module) => {
			purifier.sanitize = module.sanitizeHtml;
		},
		(error: unknown) => {
			loading = null;
			console.warn('The HTML sanitizer could not be loaded.', error);
		}
	);
	return loading;
}

export function sanitizeHtml(html: string): string {
	if (!needsSanitizer(html)) return html;
	const sanitize = purifier.sanitize;
	if (sanitize) return sanitize(html);
	// Never the raw markup: nothing until the sanitizer is there (a failed load is tried again on the next render).
	void loadSanitizer();
	return '';
}
