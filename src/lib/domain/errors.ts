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

/**
 * The card changed elsewhere (another tab) since it was shown, or since the answer an undo takes back: the
 * answer or undo wrote nothing (db/review.repo.ts, db/review-undo.repo.ts).
 */
export class CardChangedError extends Error {
	constructor(readonly cardId: string) {
		super('This card was changed elsewhere (another tab?) since it was shown. Your answer was not saved.');
		this.name = 'CardChangedError';
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

/**
 * An IndexedDB transaction aborted under us (Dexie's AbortError, which always carries `inner`): another tab
 * upgraded or deleted the database, or the browser closed it. Not a cancelled fetch (a plain AbortError).
 */
export function isInterruptedWrite(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		if ((e as { name?: unknown }).name === 'AbortError' && typeof e === 'object' && 'inner' in e) return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}

export const INTERRUPTED_WRITE_MESSAGE =
	'Saving was interrupted (another Kartka tab or the browser closed the database), so nothing was saved: ' +
	'everything is as it was before. Try again; if it keeps happening, reload the page.';

/** The one message for a full disk, wherever it happens (answer, import, backup, restore, settings…). */
export const STORAGE_FULL_MESSAGE =
	'This device has no storage space left for Kartka, so nothing was saved: everything is as it was before. ' +
	'Free some space (delete files, photos or apps you do not need), make a backup in Settings › Backup, then try again.';

/**
 * Words for anything thrown: the storage-full message for a QuotaExceededError (however wrapped), an Error's
 * message, a string as is, anything else stringified.
 */
export function errorMessage(error: unknown): string {
	if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
	if (isInterruptedWrite(error)) return INTERRUPTED_WRITE_MESSAGE;
	if (error instanceof Error) return error.message;
	if (typeof error === 'string') return error;
	return String(error);
}
