/**
 * The Dexie database and its version ladder. Schema changes only by adding a `version(n)` below,
 * each with an upgrade test from seeded data of version n-1 (tests/db/schema-upgrade.test.ts).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { CardRow, DeckRow, NoteRow, ReviewLogRow, SettingRow } from '$lib/domain/model';

export const SCHEMA_VERSION = 1;
export const DEFAULT_DB_NAME = 'kartka';

export interface SchemaStep {
	stores: Record<string, string | null>;
	/** Moves data written by the previous version into this version's shape. */
	upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every version, kept as data so that upgrade tests can open any older version with seeded rows.
 * Add a step (never edit a shipped one) and raise SCHEMA_VERSION.
 */
export const SCHEMA_LADDER: Record<number, SchemaStep> = {
	1: {
		stores: {
			decks: 'id',
			notes: 'id, deckId, *tags',
			// [deckId+queue+dueMs]: learning and review cards due before a time, per deck;
			// [deckId+queue+newPosition]: new cards in deck order; [queue+dueMs]: the same across decks.
			cards: 'id, noteId, deckId, [deckId+queue+dueMs], [deckId+queue+newPosition], [queue+dueMs]',
			// [deckId+studyDay]: today's answers per deck (daily limits, burying); cardId: replay and undo.
			reviewLogs: '++id, cardId, [deckId+studyDay], [deckId+reviewedMs], reviewedMs',
			settings: 'key'
		}
	}
};

export class KartkaDB extends Dexie {
	decks!: EntityTable<DeckRow, 'id'>;
	notes!: EntityTable<NoteRow, 'id'>;
	cards!: EntityTable<CardRow, 'id'>;
	reviewLogs!: EntityTable<ReviewLogRow, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;

	constructor(name = DEFAULT_DB_NAME, upTo = SCHEMA_VERSION) {
		super(name);
		for (const [version, step] of Object.entries(SCHEMA_LADDER)) {
			if (Number(version) > upTo) continue;
			const v = this.version(Number(version)).stores(step.stores);
			if (step.upgrade) v.upgrade(step.upgrade);
		}
	}
}

let shared: KartkaDB | null = null;

/** The app's database (one per page). */
export function appDb(): KartkaDB {
	shared ??= new KartkaDB();
	return shared;
}

/** A database changed by another tab to a newer schema: callers show "Reload to update". */
export function onVersionChange(db: KartkaDB, handler: () => void): void {
	db.on('versionchange', () => {
		db.close();
		handler();
		return false;
	});
}
