/** App start-up shared by every page: open the database and install or refresh the shipped decks. */
import { appDb, appDbIsNew } from '$lib/db/db';
import { installShippedDecks, wantShippedDeck } from '$lib/services/builtin-decks.client';
import type { DeckSummary } from '$lib/services/deck-summary.service';
import type { StudyStart } from '$lib/services/study-start.service';

/**
 * A start-up that runs once and is shared by every caller while it runs or after it succeeded; a failed
 * start-up is forgotten, so that "Try again" really tries again (a rejected promise is never cached).
 */
export function onceUntilSuccess(start: () => Promise<unknown>): () => Promise<void> {
	let ready: Promise<void> | null = null;
	return () => {
		ready ??= start().then(
			() => undefined,
			(error: unknown) => {
				ready = null;
				throw error;
			}
		);
		return ready;
	};
}

/** Shipped decks not installed yet (null: not known yet), and the decks screens are waiting for. */
let pending: readonly string[] | null = null;
const wanted: string[] = [];
const pendingChanged = new Set<() => void>();

/** Whether the first screen asked for the installer's counts (see `wantInstallerCounts`), and those counts. */
let countsWanted = false;
let installerCounts: DeckSummary[] | null = null;
let startedWithoutDatabase = false;
/** The deck a study screen opened before start-up, and its first queue as the installer worker read it. */
let studyStartWanted: string | null = null;
let studyStart: StudyStart | null = null;

/**
 * True once start-up found no database stored (a first visit, created by the installer worker): nothing the
 * student set up before (sync, class decks) can be in it.
 */
export function isFirstVisit(): boolean {
	return startedWithoutDatabase;
}

export const appReady: () => Promise<void> = onceUntilSuccess(async () => {
	// A first visit (no database yet) leaves its creation to the installer worker: the page constructs and
	// opens it only when a screen reads it (issue 13: blocking time). After a failed open Dexie keeps
	// answering every query with that failure; an explicit open() tries again.
	const fresh = await appDbIsNew();
	// Something is stored from now on: the study page's painter (pwa/first-card-paint.js) paints a first visit's
	// build-time card (pwa/first-visit-cards.server.ts), right only while nothing is, only when no localStorage
	// key starts with `kartka.` (a synchronous check before any app code). Blocked storage: it cannot read either.
	try {
		localStorage.setItem('kartka.started', '1');
	} catch {
		// no picture then
	}
	if (fresh) startedWithoutDatabase = true;
	else if (!appDb().isOpen()) await appDb().open();
	// In a worker where the browser has one (issue 13: no long task on a first visit).
	installerCounts = await installShippedDecks(
		appDb,
		Date.now(),
		wanted,
		(ids) => {
			pending = ids;
			for (const listener of [...pendingChanged]) listener();
			// Only for the study screen that resolves now (it takes it at once): later, read the database.
			if (studyStart) setTimeout(() => (studyStart = null), 0);
		},
		{
			fresh,
			counts: countsWanted,
			studyStart: studyStartWanted,
			onStudyStart: (start) => (studyStart = start)
		}
	);
	// Only for the screen waiting now (it takes them as start-up resolves): a later one reads the database,
	// which may have changed meanwhile.
	if (installerCounts) setTimeout(() => (installerCounts = null), 0);
});

/**
 * The home screen asks, before start-up, for the decks' counts to be read by the installer worker where it
 * has just written them (a first visit): the page then does not open the database to read them itself.
 */
export function wantInstallerCounts(): void {
	countsWanted = true;
}

/** The counts read by the installer worker at start-up, once (null: none, or already taken). */
export function takeInstallerCounts(): DeckSummary[] | null {
	const counts = installerCounts;
	installerCounts = null;
	countsWanted = false;
	return counts;
}

/**
 * Resolves once one deck can be studied: a shipped deck still to install is installed first, and the
 * screen opens while the others follow (issue 13). Any other deck is ready once the database is open.
 */
export function deckReady(deckId: string): Promise<void> {
	wanted.unshift(deckId);
	// Before start-up: the installer worker, if it runs, reads this deck's first queue for the screen.
	studyStartWanted ??= deckId;
	wantShippedDeck(deckId);
	const all = appReady();
	return new Promise<void>((resolve, reject) => {
		const settle = (done: () => void) => {
			pendingChanged.delete(check);
			done();
		};
		const check = () => {
			if (pending !== null && !pending.includes(deckId)) settle(resolve);
		};
		pendingChanged.add(check);
		check();
		all.then(
			() => settle(resolve),
			(error: unknown) => settle(() => reject(error))
		);
	});
}

/**
 * The first queue of this deck as the installer worker read it right after writing it (a first visit that
 * opened the study screen), once; null: none (a usual start, installed on the page, or already taken).
 */
export function takeStudyStart(deckId: string): StudyStart | null {
	const start = studyStart?.deckId === deckId ? studyStart : null;
	studyStart = null;
	return start;
}
