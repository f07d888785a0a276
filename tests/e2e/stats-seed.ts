// Seeds the app's IndexedDB (raw API, from the page) with a simulated student's deck, notes, cards and
// review logs ending today, for the statistics and optimizer browser tests.
import type { Page } from 'playwright-core';
import {
	queueForState,
	type CardRow,
	type DeckRow,
	type NoteRow,
	type ReviewLogRow
} from '$lib/domain/model';
import { studyDayOf } from '$lib/domain/study-day';
import { simulateReviews, type Simulation } from '../helpers/simulate-reviews';

export const SIM_DECK = 'sim-e2e';
const TAGS = ['history', 'politics', 'economy', 'energy'];

/** A simulation of `targetReviews` answers whose last day is today (in this machine's time zone). */
export function simulationEndingToday(targetReviews: number, seed = 5): Simulation {
	const today = studyDayOf(Date.now(), 4);
	const dry = simulateReviews({ targetReviews, seed, firstDay: 0, deckId: SIM_DECK });
	return simulateReviews({ targetReviews, seed, firstDay: today - dry.lastDay, deckId: SIM_DECK });
}

export function seedRows(sim: Simulation) {
	const now = Date.now();
	const deck: DeckRow = {
		id: SIM_DECK,
		title: 'Simulated student',
		description: 'Cards answered by a simulated student.',
		version: '1',
		language: 'en',
		license: 'CC0-1.0',
		source: { title: 'Test data' },
		origin: 'import',
		contentHash: 'sim',
		createdMs: now,
		updatedMs: now
	};
	const ids = [...sim.cards.keys()];
	const notes: NoteRow[] = ids.map((id, i) => ({
		id,
		deckId: SIM_DECK,
		key: id,
		kind: 'basic',
		fields: { front: `Question ${i}`, back: `Answer ${i}` },
		tags: [TAGS[i % TAGS.length]!],
		position: i,
		updatedMs: now
	}));
	const cards: CardRow[] = ids.map((id, i) => {
		const s = sim.cards.get(id)!;
		return {
			id,
			noteId: id,
			deckId: SIM_DECK,
			ord: 0,
			queue: queueForState(s.state),
			newPosition: i,
			rev: 1,
			...s
		};
	});
	const logs: Omit<ReviewLogRow, 'id'>[] = sim.logs.map(({ id: _id, ...log }) => log);
	return { deck, notes, cards, logs };
}

export async function seedSimulation(page: Page, sim: Simulation): Promise<void> {
	const rows = seedRows(sim);
	await page.evaluate(
		(rows) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('kartka');
				open.onerror = () => reject(open.error);
				// Seeding before the app created its database would create it empty (and, before this
				// guard, hang on the missing stores): refuse instead, with the reason.
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onsuccess = () => {
					const db = open.result;
					try {
						const tx = db.transaction(['decks', 'notes', 'cards', 'reviewLogs'], 'readwrite');
						tx.objectStore('decks').put(rows.deck);
						for (const n of rows.notes) tx.objectStore('notes').put(n);
						for (const c of rows.cards) tx.objectStore('cards').put(c);
						for (const l of rows.logs) tx.objectStore('reviewLogs').add(l);
						tx.oncomplete = () => (db.close(), resolve());
						tx.onerror = () => reject(tx.error);
					} catch (e) {
						db.close();
						reject(e);
					}
				};
			}),
		rows
	);
}
