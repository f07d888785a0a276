// Seeds the app's own database (same origin) with the synthetic collection.
import { cardsOfDeck } from '$lib/db/cards-of-decks.repo';
import { appDb } from '$lib/db/db';
import { seedSyntheticCollection } from './synthetic-collection';

const params = new URLSearchParams(location.search);
const w = window as unknown as { __benchResult: unknown; __benchDone: boolean };
const db = appDb();
const existing = await cardsOfDeck(db, 'bench-100k').count();
w.__benchResult =
	existing > 0
		? { seconds: 0, reused: true }
		: await seedSyntheticCollection(db, {
				cards: Number(params.get('cards') ?? 100_000),
				logs: Number(params.get('logs') ?? 1_000_000),
				nowMs: Number(params.get('now') ?? Date.now())
			});
db.close();
w.__benchDone = true;
