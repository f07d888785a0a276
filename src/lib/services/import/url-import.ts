/**
 * Downloads a deck file from a link (`/?import=<url>`), so that an instructor can publish a deck as a
 * static file and share one link. The browser only lets the app read a file from another site when
 * that site allows it (CORS); when it does not, or the network is down, the message says what to do.
 */
import { concatBytes } from '$lib/domain/bytes';
import { checkDeckLink } from '$lib/domain/import/deck-link';
import { IMPORT_LIMITS, ImportError } from '$lib/domain/import/import-model';

export interface FetchedFile {
	bytes: Uint8Array;
	fileName: string;
	url: string;
}

export interface FetchOptions {
	signal?: AbortSignal;
	onProgress?: (fraction: number | null, receivedBytes: number) => void;
	fetchImpl?: typeof fetch;
	online?: () => boolean;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function parseDeckUrl(raw: string): URL {
	// The rule lives in the domain (deck-link.ts): http: links are refused from an https app, with the reason.
	const appProtocol = typeof location === 'undefined' ? 'https:' : location.protocol;
	return checkDeckLink(raw, appProtocol).url;
}

/** A file name for the download: Content-Disposition, else the last part of the path, else the host. */
export function fileNameFor(url: URL, disposition: string | null): string {
	const star = disposition && /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	const plain = disposition && /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
	const fromHeader = star?.[1] ?? plain?.[1];
	if (fromHeader) {
		try {
			return decodeURIComponent(fromHeader.trim());
		} catch {
			return fromHeader.trim();
		}
	}
	const last = url.pathname.split('/').filter(Boolean).pop();
	if (last) {
		try {
			return decodeURIComponent(last);
		} catch {
			return last;
		}
	}
	return url.hostname;
}

export async function fetchDeckFile(raw: string, options: FetchOptions = {}): Promise<FetchedFile> {
	const url = parseDeckUrl(raw);
	const doFetch = options.fetchImpl ?? fetch;
	const online = options.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
	let response: Response;
	try {
		response = await doFetch(url.href, {
			signal: options.signal,
			mode: 'cors',
			credentials: 'omit',
			redirect: 'follow',
			cache: 'no-cache'
		});
	} catch {
		if (options.signal?.aborted)
			throw new ImportError('cancelled', 'Download cancelled: nothing was imported.');
		if (!online())
			throw new ImportError(
				'offline',
				`You are offline, so ${url.hostname} cannot be reached. Connect and try again.`
			);
		throw new ImportError(
			'network',
			`Could not download the deck from ${url.hostname}. Either that site does not let other sites read its files ` +
				`(it must send the header "Access-Control-Allow-Origin"; ask whoever published the deck), or the network ` +
				`blocked it. You can also download the file yourself and import it with "Choose a file".`
		);
	}
	if (!response.ok) {
		throw new ImportError(
			'http-status',
			response.status === 404
				? `There is no deck at that link (${url.hostname} answered 404 Not Found). Check the link with whoever shared it.`
				: `${url.hostname} answered ${response.status} ${response.statusText}: the deck could not be downloaded.`
		);
	}
	const declared = Number(response.headers.get('content-length') ?? NaN);
	if (declared > IMPORT_LIMITS.maxFileBytes) {
		throw new ImportError(
			'file-too-large',
			`The file at that link is ${mb(declared)}; Kartka imports files of at most ${mb(IMPORT_LIMITS.maxFileBytes)}.`
		);
	}
	const bytes = await readBody(
		response,
		Number.isFinite(declared) && declared > 0 ? declared : null,
		options
	);
	return { bytes, fileName: fileNameFor(url, response.headers.get('content-disposition')), url: url.href };
}

async function readBody(
	response: Response,
	declared: number | null,
	options: FetchOptions
): Promise<Uint8Array> {
	if (!response.body) return new Uint8Array(await response.arrayBuffer());
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let received = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			received += value.byteLength;
			if (received > IMPORT_LIMITS.maxFileBytes) {
				throw new ImportError(
					'file-too-large',
					`The file at that link is larger than ${mb(IMPORT_LIMITS.maxFileBytes)}; Kartka imports files of at most that size.`
				);
			}
			chunks.push(value);
			options.onProgress?.(declared ? Math.min(1, received / declared) : null, received);
		}
	} catch (error) {
		reader.cancel().catch(() => undefined);
		if (options.signal?.aborted)
			throw new ImportError('cancelled', 'Download cancelled: nothing was imported.');
		if (error instanceof ImportError) throw error;
		throw new ImportError(
			'network',
			'The download was interrupted before the whole deck arrived. Try again.'
		);
	} finally {
		reader.releaseLock();
	}
	return concatBytes(chunks, received);
}
