// Issue 12: links ask first ("Download deck from <host>?", size when known) and http: links get an explicit
// "not secure" message instead of a failed download.
import { describe, expect, it } from 'vitest';
import { checkDeckLink, deckLinkPrompt } from '$lib/domain/import/deck-link';
import { ImportError } from '$lib/domain/import/import-model';
import { fetchDeckFile } from '$lib/services/import/url-import';

const code = (run: () => unknown) => {
	try {
		run();
	} catch (e) {
		return e instanceof ImportError ? e.code : 'other';
	}
	return 'accepted';
};

describe('deck links', () => {
	it('names the host (and the size when known) before downloading', () => {
		const link = checkDeckLink('https://decks.example.org/bio/vocab.json?x=1', 'https:');
		expect(deckLinkPrompt(link)).toBe('Download deck from decks.example.org?');
		expect(deckLinkPrompt(link, 3 * 1024 * 1024)).toBe('Download deck from decks.example.org (3.0 MB)?');
		// Look-alike hosts stay visible as punycode.
		expect(checkDeckLink('https://еxample.org/d.json', 'https:').host).toMatch(/^xn--/);
	});

	it('refuses http: from the https app with a "not secure" message; allows it on a local http app', () => {
		expect(code(() => checkDeckLink('http://example.org/d.json', 'https:'))).toBe('insecure-link');
		try {
			checkDeckLink('http://example.org/d.json', 'https:');
		} catch (e) {
			expect((e as Error).message).toMatch(/not secure.*https/);
		}
		expect(code(() => checkDeckLink('http://127.0.0.1:4173/d.json', 'http:'))).toBe('accepted');
		expect(code(() => checkDeckLink('javascript:alert(1)', 'https:'))).toBe('bad-url');
		expect(code(() => checkDeckLink('https://user:pw@example.org/d.json', 'https:'))).toBe('bad-url');
	});

	it('the download service refuses an http: link without fetching (tests run as an https app)', async () => {
		let fetched = false;
		const fetchImpl = (async () => {
			fetched = true;
			return new Response('{}');
		}) as typeof fetch;
		await expect(fetchDeckFile('http://example.org/d.json', { fetchImpl })).rejects.toMatchObject({
			code: 'insecure-link'
		});
		expect(fetched).toBe(false);
	});
});
