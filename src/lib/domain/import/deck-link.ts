/**
 * Links ask first: `/?import=<url>` names the host the deck would come from before anything is fetched
 * ("Download deck from example.org?"), and a plain http: link is refused with the reason (a page served over
 * https may not load it, and anyone on the way could change the deck). Pure.
 */
import { ImportError } from './import-model';
import { mb } from './zstd';

export interface DeckLink {
	url: URL;
	/** The host as shown to the user (punycode kept, so look-alike letters stay visible). */
	host: string;
}

/** Checks a shared link; `appProtocol` is the app's own ('https:' when deployed, 'http:' on localhost). */
export function checkDeckLink(raw: string, appProtocol: string): DeckLink {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new ImportError(
			'bad-url',
			`"${raw.slice(0, 200)}" is not a web address. Paste a full link such as https://example.org/deck.json.`
		);
	}
	if (url.protocol === 'http:' && appProtocol === 'https:') {
		throw new ImportError(
			'insecure-link',
			`This link uses http:, which is not secure, so it cannot be loaded from Kartka (an https app). Ask for an https:// link, or download the file yourself and import it with "Choose a file".`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ImportError('bad-url', `Only http(s) links can be imported, not "${url.protocol}" links.`);
	}
	if (url.username || url.password) {
		throw new ImportError('bad-url', 'Links with a user name or password in them are not imported.');
	}
	return { url, host: url.host };
}

/** The question asked before a download: "Download deck from example.org?" with the size when known. */
export function deckLinkPrompt(link: DeckLink, sizeBytes?: number): string {
	const size = sizeBytes !== undefined && sizeBytes > 0 ? ` (${mb(sizeBytes)})` : '';
	return `Download deck from ${link.host}${size}?`;
}
