/**
 * The Dexie database and its version ladder. Each version is a file `schema/vN.ts` exporting `step`;
 * a schema change only ever ADDS a file (never edits a shipped one), with an upgrade test that opens
 * version N-1 with seeded rows, upgrades, and checks (tests/db/schema-upgrade.test.ts).
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import type { CardRow, DeckRow, MediaRow, NoteRow, ReviewLogRow, SettingRow } from '$lib/domain/model';
import type { OutboxRow, SyncMetaRow, SyncRevRow } from './sync-tracking.repo';

export interface SchemaStep {
	/** Dexie store specs: only the tables that change in this version (null deletes a table). */
	stores: Record<string, string | null>;
	/** Moves data written by the previous version into this version's shape. */
	upgrade?: (tx: Transaction) => Promise<void>;
}

const modules = import.meta.glob<SchemaStep>('./schema/v*.ts', { eager: true, import: 'step' });

/** Every version by number, kept as data so that upgrade tests can open any older version. */
export const SCHEMA_LADDER: ReadonlyMap<number, SchemaStep> = new Map(
	Object.entries(modules)
		.map(([path, step]) => [Number(/v(\d+)\.ts$/.exec(path)![1]), step] as const)
		.sort((a, b) => a[0] - b[0])
);

export const SCHEMA_VERSION = Math.max(...SCHEMA_LADDER.keys());
const DEFAULT_DB_NAME = 'kartka';

export class KartkaDB extends Dexie {
	decks!: EntityTable<DeckRow, 'id'>;
	notes!: EntityTable<NoteRow, 'id'>;
	cards!: EntityTable<CardRow, 'id'>;
	reviewLogs!: EntityTable<ReviewLogRow, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	/** v2 */
	media!: EntityTable<MediaRow, 'name'>;
	/** v3 */
	examPlans!: EntityTable<ExamPlanRow, 'deckId'>;
	testResults!: EntityTable<TestResultRow, 'id'>;
	/** v6 (sync): see schema/v6.ts and sync-tracking.repo.ts */
	syncOutbox!: EntityTable<OutboxRow, 'seq'>;
	syncRevs!: EntityTable<SyncRevRow, 'docId'>;
	syncMeta!: EntityTable<SyncMetaRow, 'key'>;

	/** `upTo` opens an older version (upgrade tests only); `options`: see importConnection. */
	constructor(name = DEFAULT_DB_NAME, upTo = SCHEMA_VERSION, options?: DexieOptions) {
		super(name, options);
		for (const [version, step] of SCHEMA_LADDER) {
			if (version > upTo) continue;
			const v = this.version(version).stores(step.stores);
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

/**
 * Another tab opened a newer schema: close so that its upgrade can proceed, and let the caller
 * offer "Reload to update" instead of breaking silently.
 */
export function onVersionChange(db: KartkaDB, handler: () => void): void {
	db.on('versionchange', () => {
		db.close();
		handler();
		return false;
	});
}

/**
 * A second connection to the same database for one import's write, with Chromium's relaxed transaction
 * durability: the commit returns once the data is written to the OS, without waiting for the disk flush.
 * A power cut in the next moments could lose the import (never half of it: IndexedDB stays consistent);
 * the student imports again. Answers never use it: they stay default-durable (docs/performance.md).
 * Close it when the write is done, so that it never holds up another tab's schema upgrade. Where
 * transactions take no durability hint (fake-indexeddb in unit tests, older engines), `db` itself.
 */
export function importConnection(db: KartkaDB): KartkaDB {
	const hinted = typeof IDBTransaction !== 'undefined' && 'durability' in IDBTransaction.prototype;
	if (!hinted) return db;
	return new KartkaDB(db.name, db.verno, { chromeTransactionDurability: 'relaxed' });
}
