/**
 * The Dexie database and its version ladder. Each version is a file `schema/vN.ts` exporting `step`;
 * a schema change only ever ADDS a file (never edits a shipped one), with an upgrade test that opens
 * version N-1 with seeded rows, upgrades, and checks (tests/db/schema-upgrade.test.ts).
 *
 * Start-up declares only the latest schema (`schema/latest.ts`): the ladder and its upgrade functions are
 * loaded (`schema/ladder.ts`) only when the stored database is older than the app (issue 13: blocking time).
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { ExamPlanRow } from '$lib/domain/exam/exam-plan';
import type { TestResultRow } from '$lib/domain/exam/test-result';
import type { CardRow, DeckRow, MediaRow, NoteRow, ReviewLogRow, SettingRow } from '$lib/domain/model';
import { LATEST_STORES, SCHEMA_VERSION } from './schema/latest';
import type { OutboxRow, SyncMetaRow, SyncRevRow } from './sync-tracking.repo';
import { suspensionsMiddleware, type SuspensionRow } from './suspensions.repo';

export { SCHEMA_VERSION };

export interface SchemaStep {
	/** Dexie store specs: only the tables that change in this version (null deletes a table). */
	stores: Record<string, string | null>;
	/** Moves data written by the previous version into this version's shape. */
	upgrade?: (tx: Transaction) => Promise<void>;
}

type Ladder = ReadonlyMap<number, SchemaStep>;
/** The ladder once `schema/ladder.ts` is loaded (it registers itself): needed to open an older version. */
let loadedLadder: Ladder | null = null;
export function registerSchemaLadder(ladder: Ladder): void {
	loadedLadder = ladder;
}

const DEFAULT_DB_NAME = 'kartka';

/** Declares every version up to `upTo` with its upgrade function (Dexie runs those above the stored one). */
function declareLadder(db: Dexie, ladder: Ladder, upTo: number): void {
	for (const [version, step] of ladder) {
		if (version > upTo) continue;
		const v = db.version(version).stores(step.stores);
		if (step.upgrade) v.upgrade(step.upgrade);
	}
}

/**
 * The stored database's Dexie version (0: none), or null where the browser cannot tell without opening it
 * (no `indexedDB.databases()`): then the whole ladder is declared, as before.
 */
async function storedVersion(name: string): Promise<number | null> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
	const found = (await indexedDB.databases()).find((d) => d.name === name);
	// Dexie stores version n as n * 10 (plus one when it had to patch a schema in place).
	return found?.version ? found.version / 10 : 0;
}

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
	/** v11: card suspensions apart from the card rows (suspensions.repo.ts merges them into cards read). */
	suspensions!: EntityTable<SuspensionRow, 'id'>;

	/** True once the versions to open with are declared (the latest alone, or the ladder). */
	#schemaSettled = false;
	#schemaCheck: Promise<void> | null = null;
	#ladderDeclared = false;

	/**
	 * `upTo` below the latest opens an older version (upgrade tests only; `schema/ladder.ts` must be loaded);
	 * `options`: see importConnection.
	 */
	constructor(name = DEFAULT_DB_NAME, upTo = SCHEMA_VERSION, options?: DexieOptions) {
		super(name, options);
		// Cards read carry their suspension; cards written leave it in `suspensions` (schema v11).
		this.use(suspensionsMiddleware);
		if (upTo < SCHEMA_VERSION) {
			if (!loadedLadder) throw new Error('Opening an older schema needs $lib/db/schema/ladder loaded first');
			declareLadder(this, loadedLadder, upTo);
			this.#ladderDeclared = this.#schemaSettled = true;
			return;
		}
		// The tables exist on the instance at once (repos may be handed the db before it opens). Should a
		// database older than this one appear between the check in open() and the open itself (a tab of an
		// older version creating it in that moment), the upgrade refuses instead of skipping upgrade steps;
		// the open fails and the next attempt declares the ladder.
		this.version(SCHEMA_VERSION)
			.stores(LATEST_STORES)
			.upgrade(() => {
				if (this.#ladderDeclared) return;
				this.#schemaSettled = false;
				this.#schemaCheck = null;
				throw new Error('The stored database changed while opening: try again');
			});
	}

	/**
	 * Dexie opens through here (explicitly or on the first query). A database stored at an older version
	 * needs the upgrade steps in between: the ladder is loaded and declared first.
	 */
	override open(): ReturnType<Dexie['open']> {
		if (this.#schemaSettled) return super.open();
		this.#schemaCheck ??= this.#settleSchema().catch((error: unknown) => {
			this.#schemaCheck = null;
			throw error;
		});
		return Dexie.Promise.resolve(this.#schemaCheck).then(() => super.open());
	}

	async #settleSchema(): Promise<void> {
		const stored = await storedVersion(this.name);
		if (stored === null || (stored > 0 && stored < SCHEMA_VERSION)) {
			const { SCHEMA_LADDER } = await import('./schema/ladder');
			if (!this.#ladderDeclared) declareLadder(this, SCHEMA_LADDER, SCHEMA_VERSION);
			this.#ladderDeclared = true;
		}
		this.#schemaSettled = true;
	}
}

let shared: KartkaDB | null = null;

/** The app's database (one per page). */
export function appDb(): KartkaDB {
	shared ??= new KartkaDB();
	return shared;
}

/**
 * True when the app's database is not stored yet (a first visit), checked without opening or even
 * constructing it (its schema is parsed on construction); false where the browser cannot tell. A first
 * visit's database is then created by the shipped-deck installer worker, not on the page as well (issue 13:
 * blocking time).
 */
export async function appDbIsNew(): Promise<boolean> {
	return !shared?.isOpen() && (await storedVersion(DEFAULT_DB_NAME)) === 0;
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
