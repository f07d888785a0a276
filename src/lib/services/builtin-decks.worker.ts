/// <reference lib="webworker" />
/**
 * Installs the shipped decks off the main thread (issue 13): parsing the deck files and writing them to
 * IndexedDB (structured clones of every row) used to freeze a first visit for hundreds of milliseconds on a
 * slow phone. Same code as the main-thread path (installBuiltinDecks), same small per-deck transactions,
 * through this worker's own connection to the same database.
 */
import { appDb } from '$lib/db/db';
import { errorMessage } from '$lib/domain/errors';
import type { FromDeckWorker, ToDeckWorker } from './builtin-decks-protocol';
import { installBuiltinDecks } from './builtin-decks.service';
import { deckSummaries } from './deck-summary.service';
import { readStudyStart } from './study-start.service';

declare const self: DedicatedWorkerGlobalScope;

const wanted: string[] = [];
let started = false;
/** The deck whose first study queue the page waits for (null: none, or already handed over). */
let studyStart: string | null = null;

function post(message: FromDeckWorker): void {
	self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ToDeckWorker>) => {
	const message = event.data;
	if (message.type === 'want') wanted.unshift(message.deckId);
	else if (message.type === 'start' && !started) {
		started = true;
		wanted.unshift(...message.wanted);
		studyStart = message.studyStart;
		void install(message.nowMs, message.counts);
	}
};

async function install(nowMs: number, counts: boolean): Promise<void> {
	const db = appDb();
	try {
		if (!db.isOpen()) await db.open();
		await installBuiltinDecks(db, nowMs, {
			pick: (ids) => wanted.find((id) => ids.includes(id)),
			onPending: async (ids) => {
				// The study screen's deck was just written: its first queue is read here, through this connection,
				// and posted before the page hears that the deck is installed (issue 13: the page shows the
				// first card without opening the database first). A failed read leaves it to the page.
				const deckId = studyStart;
				if (deckId && !ids.includes(deckId)) {
					studyStart = null;
					const start = await readStudyStart(db, deckId, Date.now()).catch(() => null);
					if (start) post({ type: 'study-start', start });
				}
				post({ type: 'pending', ids: [...ids] });
			}
		});
		// The rows were just written through this connection: reading the counts here spares the page's main
		// thread a database open and ~30 reads on a first visit (issue 13: blocking time).
		post({ type: 'done', counts: counts ? await deckSummaries(db, Date.now()) : null });
	} catch (error) {
		post({ type: 'failed', message: errorMessage(error) });
	} finally {
		db.close();
	}
}
