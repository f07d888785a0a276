/**
 * Whole-collection snapshot and restore, over every table of the database (tables added by later
 * schema versions are included without changes here). Each is ONE transaction: a backup is a
 * consistent picture, and a restore replaces everything or nothing.
 */
import type { KartkaDB } from './db';

export const LAST_BACKUP_KEY = 'lastBackupMs';

export type TableRows = Record<string, unknown[]>;

/**
 * Every row of every table, as one consistent picture. Writes nothing: "Last backup" is recorded only once
 * the file was handed to the browser (markBackup), and the file itself carries that mark (see createBackup).
 */
export async function snapshotAll(db: KartkaDB): Promise<{ schemaVersion: number; tables: TableRows }> {
	const tables: TableRows = {};
	await db.transaction('r', db.tables, async () => {
		for (const table of db.tables) tables[table.name] = await table.toArray();
	});
	return { schemaVersion: db.verno, tables };
}

/** Records `ms` as the time of the last backup (after the file was handed over for saving). */
export async function markBackup(db: KartkaDB, ms: number): Promise<void> {
	await db.settings.put({ key: LAST_BACKUP_KEY, value: ms });
}

export function tableNames(db: KartkaDB): string[] {
	return db.tables.map((t) => t.name);
}

/** Replaces the content of every table with `tables` (a table absent from it ends up empty). */
export async function replaceAll(db: KartkaDB, tables: TableRows): Promise<void> {
	const unknown = Object.keys(tables).filter((name) => !db.tables.some((t) => t.name === name));
	if (unknown.length)
		throw new Error(`This database has no table ${unknown.map((n) => `"${n}"`).join(', ')}.`);
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) {
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
	for (const table of db.tables) out[table.name] = await table.count();
	return out;
}
