/**
 * Whole-collection snapshot and restore, over every table of the database (tables added by later
 * schema versions are included without changes here). Each is ONE transaction: a backup is a
 * consistent picture, and a restore replaces everything or nothing.
 */
import type { KartkaDB } from './db';
import { SUSPENSIONS } from './suspensions.repo';

/**
 * The tables a backup holds: all but `suspensions` (schema v11), whose rows travel merged into the cards
 * (a suspended card is backed up as suspended, as before v11; restoring it writes its suspension row).
 */
function backedUp(db: KartkaDB) {
	return db.tables.filter((t) => t.name !== SUSPENSIONS);
}

export const LAST_BACKUP_KEY = 'lastBackupMs';

export type TableRows = Record<string, unknown[]>;

/**
 * Every row of every table, as one consistent picture. Writes nothing: "Last backup" is recorded only once
 * the file was handed to the browser (markBackup), and the file itself carries that mark (see createBackup).
 */
export async function snapshotAll(db: KartkaDB): Promise<{ schemaVersion: number; tables: TableRows }> {
	const tables: TableRows = {};
	await db.transaction('r', db.tables, async () => {
		for (const table of backedUp(db)) tables[table.name] = await table.toArray();
	});
	return { schemaVersion: db.verno, tables };
}

/** Records `ms` as the time of the last backup (after the file was handed over for saving). */
export async function markBackup(db: KartkaDB, ms: number): Promise<void> {
	await db.settings.put({ key: LAST_BACKUP_KEY, value: ms });
}

export function tableNames(db: KartkaDB): string[] {
	return backedUp(db).map((t) => t.name);
}

/** Replaces the content of every table with `tables` (a table absent from it ends up empty). */
export async function replaceAll(db: KartkaDB, tables: TableRows): Promise<void> {
	const unknown = Object.keys(tables).filter((name) => !backedUp(db).some((t) => t.name === name));
	if (unknown.length)
		throw new Error(`This database has no table ${unknown.map((n) => `"${n}"`).join(', ')}.`);
	await db.transaction('rw', db.tables, async () => {
		// Clearing the cards clears their suspensions too (suspensions.repo.ts).
		for (const table of backedUp(db)) {
			await table.clear();
			const rows = tables[table.name];
			if (rows?.length) await table.bulkAdd(rows);
		}
	});
}

export async function lastBackupMs(db: KartkaDB): Promise<number | null> {
	const value = (await db.settings.get(LAST_BACKUP_KEY))?.value;
	return typeof value === 'number' ? value : null;
}

export async function tableCounts(db: KartkaDB): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const table of backedUp(db)) out[table.name] = await table.count();
	return out;
}
