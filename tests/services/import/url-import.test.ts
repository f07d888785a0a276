// Downloading a deck from a link: what each failure says (bad link, CORS or network, offline, 404, too
// large), and that a download streams into bytes with progress.
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '$lib/domain/import/import-model';
import { fetchDeckFile, fileNameFor } from '$lib/services/import/url-import';

const ok = (body: BodyInit, headers: Record<string, string> = {}) =>
	(async () => new Response(body, { headers })) as typeof fetch;

describe('fetchDeckFile', () => {
	it('downloads the bytes with progress and names the file from the link', async () => {
		const seen: (number | null)[] = [];
		const file = await fetchDeckFile('https://example.org/decks/Biology%20v2.json?x=1', {
			fetchImpl: ok('{"a":1}', { 'content-length': '7' }),
			onProgress: (f) => seen.push(f)
		});
		expect(new TextDecoder().decode(file.bytes)).toBe('{"a":1}');
		expect(file.fileName).toBe('Biology v2.json');
		expect(seen.at(-1)).toBe(1);
	});

	it.each([
		['ftp://example.org/deck.json', /Only http\(s\) links/],
		['not a link', /is not a web address/]
	])('refuses %s', async (url, message) => {
		await expect(fetchDeckFile(url, { fetchImpl: ok('x') })).rejects.toMatchObject({
			code: 'bad-url',
			message: expect.stringMatching(message)
		});
	});

	it('explains a blocked read (CORS) or a network failure, and being offline', async () => {
		const fail = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		await expect(
			fetchDeckFile('https://decks.example.org/a.json', { fetchImpl: fail, online: () => true })
		).rejects.toMatchObject({
			code: 'network',
			message: expect.stringMatching(/decks\.example\.org.*Access-Control-Allow-Origin/)
		});
		await expect(
			fetchDeckFile('https://decks.example.org/a.json', { fetchImpl: fail, online: () => false })
		).rejects.toMatchObject({
			code: 'offline'
		});
	});

	it('says when there is no deck at the link', async () => {
		const notFound = (async () =>
			new Response('no', { status: 404, statusText: 'Not Found' })) as typeof fetch;
		await expect(fetchDeckFile('https://example.org/x.json', { fetchImpl: notFound })).rejects.toMatchObject({
			code: 'http-status',
			message: expect.stringMatching(/There is no deck at that link/)
		});
	});

	it('refuses a file larger than the import limit, by its declared size or while streaming', async () => {
		const huge = String(IMPORT_LIMITS.maxFileBytes + 1);
		await expect(
			fetchDeckFile('https://example.org/x.apkg', { fetchImpl: ok('x', { 'content-length': huge }) })
		).rejects.toMatchObject({ code: 'file-too-large' });
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				controller.enqueue(new Uint8Array(16 * 1024 * 1024));
			}
		});
		await expect(
			fetchDeckFile('https://example.org/x.apkg', { fetchImpl: ok(endless) })
		).rejects.toMatchObject({ code: 'file-too-large' });
	});

	it('stops when cancelled', async () => {
		const controller = new AbortController();
		const hang = ((_url: string, init?: RequestInit) =>
			new Promise((_, reject) =>
				init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
			)) as typeof fetch;
		const download = fetchDeckFile('https://example.org/x.json', {
			fetchImpl: hang,
			signal: controller.signal
		});
		controller.abort();
		await expect(download).rejects.toMatchObject({ code: 'cancelled' });
	});

	it('prefers the name the server gives', () => {
		expect(fileNameFor(new URL('https://x.org/dl?id=3'), 'attachment; filename="Cells.apkg"')).toBe(
			'Cells.apkg'
		);
		expect(
			fileNameFor(new URL('https://x.org/dl?id=3'), "attachment; filename*=UTF-8''K%C3%A1rtka.json")
		).toBe('Kártka.json');
		expect(fileNameFor(new URL('https://x.org/'), null)).toBe('x.org');
	});
});
