/**
 * Browse's first reads (settings, decks, the first rows), started as the navigation to Browse starts: the
 * route's `load` (SvelteKit runs it on the click, or earlier on hover or touch: data-sveltekit-preload-data)
 * rather than once the page is created. They then overlap SvelteKit's navigation and the page's first
 * render (issue 11: first rows painted ≤ 200 ms; docs/performance.md "Browse: first rows").
 */
import type { KartkaDB } from '$lib/db/db';
import { firstBrowseRows } from '$lib/db/browse.repo';
import { listDecks } from '$lib/db/decks.repo';
import type { DeckRow } from '$lib/domain/model';
import type { SearchableCard } from '$lib/domain/browse/search-match';
import { loadBrowseSettings, type BrowseSettings } from '$lib/services/browse.service';
import { appReady } from './app-ready';

export const FIRST_ROWS = 50;
/**
 * Reads started longer ago than this (a hover without a click) are not used: the page reads again. (The
 * first rows are replaced by the whole collection's a moment after they are painted anyway.)
 */
const FRESH_MS = 3_000;

export interface FirstReads {
	settings: BrowseSettings;
	decks: DeckRow[];
	first: SearchableCard[];
}

let started: { db: KartkaDB; atMs: number; reads: Promise<FirstReads> } | null = null;

function read(db: KartkaDB): Promise<FirstReads> {
	return Promise.all([loadBrowseSettings(db), listDecks(db), firstBrowseRows(db, FIRST_ROWS)]).then(
		([settings, decks, first]) => ({ settings, decks, first })
	);
}

/** Starts the first reads once start-up is done (at most one set of reads in flight per navigation). */
export function prefetchFirstReads(db: KartkaDB, nowMs = performance.now()): void {
	if (started?.db === db && nowMs - started.atMs < FRESH_MS) return;
	const reads = appReady().then(() => read(db));
	reads.catch(() => undefined); // (reported by the page, which reads again: takeFirstReads)
	started = { db, atMs: nowMs, reads };
}

/** The reads `prefetchFirstReads` started, if fresh (each is used once); otherwise read now. */
export function takeFirstReads(db: KartkaDB, nowMs = performance.now()): Promise<FirstReads> {
	const s = started;
	started = null;
	if (s?.db === db && nowMs - s.atMs < FRESH_MS) return s.reads.catch(() => read(db));
	return read(db);
}
