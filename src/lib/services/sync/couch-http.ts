/**
 * The HTTP side of the CouchDB replication protocol, over `fetch`. Every failure a person can act on
 * becomes a `KartkaError` with a stable code: 401/403 "Wrong password", no answer "Server unreachable".
 * The password travels only over HTTPS (plain HTTP is allowed on loopback, for `npm run sync-server`).
 */
import { concatBytes } from '$lib/domain/bytes';
import { KartkaError } from '$lib/domain/errors';

export const SYNC_ERRORS = {
	auth: 'Wrong password',
	unreachable: 'Server unreachable'
} as const;

export interface CouchConfig {
	/** The database's URL, e.g. https://couch.example.org/userdb-6a6f. */
	url: string;
	username?: string;
	password?: string;
	/** Per request; a stalled server must not hold the app (default 30 s). */
	timeoutMs?: number;
	/** Injected in tests (fault injection); defaults to the global fetch. */
	fetch?: typeof fetch;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The database URL, checked: http(s) only, HTTPS unless the host is this machine. */
export function checkServerAddress(address: string): URL {
	let url: URL;
	try {
		url = new URL(address.trim());
	} catch {
		throw new KartkaError('sync-address', 'The server address is not a web address (https://…).');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new KartkaError('sync-address', 'The server address must start with https://.');
	if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname))
		throw new KartkaError(
			'sync-insecure',
			'The server address must use https:// (plain http is only allowed for this computer).'
		);
	if (url.username || url.password)
		throw new KartkaError('sync-address', 'Put the username and password in their own fields.');
	url.hash = '';
	url.search = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

function base64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}

/** The body as text, refused past `maxBytes` (declared or actually received) without reading the rest. */
async function readBounded(response: Response, maxBytes: number): Promise<string> {
	const tooLarge = () =>
		new KartkaError(
			'sync-too-large',
			`The server sent more than ${Math.round(maxBytes / 1024)} KB: refused.`
		);
	if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
		await response.body?.cancel();
		throw tooLarge();
	}
	if (!response.body) return response.text();
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let received = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		received += value.byteLength;
		if (received > maxBytes) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(concatBytes(chunks, received));
}

export class CouchHttp {
	readonly base: URL;
	private readonly headers: Record<string, string>;
	private readonly timeoutMs: number;
	private readonly fetcher: typeof fetch;

	constructor(config: CouchConfig) {
		this.base = checkServerAddress(config.url);
		this.headers = { Accept: 'application/json' };
		if (config.username)
			this.headers.Authorization = `Basic ${base64(`${config.username}:${config.password ?? ''}`)}`;
		this.timeoutMs = config.timeoutMs ?? 30_000;
		this.fetcher = config.fetch ?? ((input, init) => fetch(input, init));
	}

	/** JSON request against a path of the database (`_changes`, `_local/x`, a document id…). */
	async request<T>(
		method: string,
		path: string,
		options: {
			body?: unknown;
			query?: Record<string, string | number | boolean>;
			allow404?: boolean;
			/** Refuse an answer larger than this (untrusted servers: class databases). */
			maxBytes?: number;
		} = {}
	): Promise<T | null> {
		const url = new URL(path, this.base);
		for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
		let response: Response;
		try {
			response = await this.fetcher(url, {
				method,
				headers:
					options.body === undefined ? this.headers : { ...this.headers, 'Content-Type': 'application/json' },
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				signal: AbortSignal.timeout(this.timeoutMs),
				credentials: 'omit'
			});
		} catch (cause) {
			throw new KartkaError('sync-unreachable', SYNC_ERRORS.unreachable, { cause });
		}
		if (response.status === 401 || response.status === 403) {
			await response.body?.cancel();
			throw new KartkaError('sync-auth', SYNC_ERRORS.auth);
		}
		if (response.status === 404 && options.allow404) {
			await response.body?.cancel();
			return null;
		}
		let json: unknown;
		try {
			json = options.maxBytes
				? JSON.parse(await readBounded(response, options.maxBytes))
				: await response.json();
		} catch (cause) {
			if (cause instanceof KartkaError) throw cause;
			// A proxy's HTML page, a cut connection: not a CouchDB answer.
			if (response.ok || response.status >= 500)
				throw new KartkaError('sync-unreachable', SYNC_ERRORS.unreachable, { cause });
			throw new KartkaError('sync-server', `The sync server answered ${response.status}.`, { cause });
		}
		if (!response.ok) {
			const reason = (json as { reason?: unknown })?.reason;
			throw new KartkaError(
				response.status === 404 ? 'sync-no-database' : 'sync-server',
				response.status === 404
					? 'There is no database at this server address.'
					: `The sync server refused: ${typeof reason === 'string' ? reason.slice(0, 200) : response.status}.`
			);
		}
		return json as T;
	}

	async get<T>(path: string, query?: Record<string, string | number | boolean>): Promise<T> {
		return (await this.request<T>('GET', path, { query }))!;
	}

	async post<T>(path: string, body: unknown, query?: Record<string, string | number | boolean>): Promise<T> {
		return (await this.request<T>('POST', path, { body, query }))!;
	}
}
