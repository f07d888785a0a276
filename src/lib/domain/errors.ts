/**
 * One error vocabulary for the whole app. Every error a user may see carries a stable `code`
 * (for tests and for choosing what to offer next) and a message written for a person.
 * `errorMessage()` is the one place that turns anything thrown into words.
 */
export class KartkaError extends Error {
	constructor(
		readonly code: string,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** The browser ran out of storage (IndexedDB `QuotaExceededError`, possibly wrapped by Dexie). */
export function isQuotaError(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		const name = (e as { name?: unknown }).name;
		if (name === 'QuotaExceededError') return true;
		e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	return false;
}

/** Words for anything thrown: an Error's message, a string as is, anything else stringified. */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message;
	if (typeof error === 'string') return error;
	return String(error);
}
