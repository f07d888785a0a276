/**
 * Links ask first: a shared deck link (`/import?url=…`) is only named (its host) until the student says
 * "Download"; an http: link from the https app gets its reason instead (domain/import/deck-link.ts).
 */
import { errorMessage } from '$lib/domain/errors';
import { checkDeckLink, deckLinkPrompt } from '$lib/domain/import/deck-link';

export interface PendingLink {
	url: string;
	host: string;
	question: string;
}

export class LinkPrompt {
	pending = $state<PendingLink | null>(null);

	/** Asks about `url`; returns the reason when the link cannot be used at all. */
	ask(url: string, appProtocol: string): string | null {
		try {
			const link = checkDeckLink(url, appProtocol);
			this.pending = { url: link.url.href, host: link.host, question: deckLinkPrompt(link) };
			return null;
		} catch (e) {
			this.pending = null;
			return errorMessage(e);
		}
	}

	/** The URL to download (the student said yes), or null. */
	take(): string | null {
		const url = this.pending?.url ?? null;
		this.pending = null;
		return url;
	}
}
