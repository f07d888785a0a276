/**
 * Start-up's shipped-deck installation, off the main thread (issue 13: no long task on a first visit).
 * A quick check on the page finds the decks that are new or changed; only then is the installer worker
 * (builtin-decks.worker.ts) started, so a usual start (nothing to install, maybe offline) never loads it.
 * Where workers are missing or the worker fails, the same installation runs on the page, loaded on
 * demand, in its small per-deck transactions that yield to the browser between decks.
 */
import type { KartkaDB } from '$lib/db/db';
import { deletedBuiltinDecks } from '$lib/db/deleted-builtin.repo';
import { installedHashes } from '$lib/db/decks.repo';
import type { FromDeckWorker, ToDeckWorker } from './builtin-decks-protocol';
import type { DeckSummary } from './deck-summary.service';
import type { StudyStart } from './study-start.service';

export interface InstallOptions {
	/** No database is stored yet (a first visit): every shipped deck is to install, nothing is read. */
	fresh?: boolean;
	/**
	 * The worker also reads every deck's summary once it is done; they are returned (null when nothing was
	 * installed, not asked for, or installed on the page).
	 */
	counts?: boolean;
	/** The deck a study screen opens: the worker reads its first queue once it is installed. */
	studyStart?: string | null;
	/** Hears that first queue (before `onPending` no longer lists its deck). */
	onStudyStart?: (start: StudyStart) => void;
}

/** The installer worker while it runs: screens that open a deck send it there first. */
let running: Worker | null = null;

/** Shipped decks whose stored copy differs from the shipped file (new or changed), unless the user deleted them. */
export async function shippedDecksToInstall(db: KartkaDB): Promise<string[]> {
	const [installed, deleted] = await Promise.all([installedHashes(db), deletedBuiltinDecks(db)]);
	return Object.values(__KARTKA_DECKS__)
		.filter(({ id, hash }) => installed.get(id) !== hash && !deleted.has(id))
		.map(({ id }) => id);
}

/** A screen waits for this deck: the running installer takes it next. */
export function wantShippedDeck(deckId: string): void {
	running?.postMessage({ type: 'want', deckId } satisfies ToDeckWorker);
}

/**
 * Installs the new or changed shipped decks. `wanted` is read as it changes (decks screens wait for,
 * first asked first); `onPending` hears the decks still to install, then after each deck (empty at the end).
 * `db` is asked for only when needed: a first visit's page does not even construct it.
 */
export async function installShippedDecks(
	db: () => KartkaDB,
	nowMs: number,
	wanted: readonly string[],
	onPending: (pending: readonly string[]) => void,
	options: InstallOptions = {}
): Promise<DeckSummary[] | null> {
	const { fresh = false } = options;
	const todo = fresh
		? Object.values(__KARTKA_DECKS__).map(({ id }) => id)
		: await shippedDecksToInstall(db());
	if (todo.length === 0) {
		onPending([]);
		return null;
	}
	if (typeof Worker !== 'undefined') {
		try {
			return await installInWorker(nowMs, wanted, onPending, options);
		} catch (error) {
			console.warn('The deck installer worker failed; installing the shipped decks on the page.', error);
		}
	}
	const { installBuiltinDecks } = await import('./builtin-decks.service');
	await installBuiltinDecks(db(), nowMs, {
		pick: (ids) => wanted.find((id) => ids.includes(id)),
		onPending
	});
	return null;
}

function installInWorker(
	nowMs: number,
	wanted: readonly string[],
	onPending: (pending: readonly string[]) => void,
	{ counts = false, studyStart = null, onStudyStart }: InstallOptions
): Promise<DeckSummary[] | null> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./builtin-decks.worker.ts', import.meta.url), {
			type: 'module'
		});
		running = worker;
		const finish = (settle: () => void) => {
			if (running === worker) running = null;
			worker.terminate();
			settle();
		};
		worker.onerror = (event) => {
			event.preventDefault();
			finish(() => reject(new Error(event.message || 'The deck installer did not start.')));
		};
		worker.onmessage = (event: MessageEvent<FromDeckWorker>) => {
			const message = event.data;
			if (message.type === 'pending') onPending(message.ids);
			else if (message.type === 'study-start') onStudyStart?.(message.start);
			else if (message.type === 'done') finish(() => resolve(message.counts));
			else finish(() => reject(new Error(message.message)));
		};
		worker.postMessage({
			type: 'start',
			nowMs,
			wanted: [...wanted],
			counts,
			studyStart
		} satisfies ToDeckWorker);
	});
}
