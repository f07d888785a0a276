/**
 * Full backup and restore: every table (decks, notes, cards with their schedule, review logs, settings,
 * media) in one zip file. Restore reads and checks the whole file first, tells what it holds, and only
 * then replaces the collection in one transaction.
 */
import { unzipSync, zipSync, strToU8, strFromU8, type Zippable } from 'fflate';
import {
	LAST_BACKUP_KEY,
	lastBackupMs,
	markBackup,
	replaceAll,
	snapshotAll,
	tableNames,
	type TableRows
} from '$lib/db/backup.repo';
import type { KartkaDB } from '$lib/db/db';
import { SCHEMA_VERSION } from '$lib/db/db';
import type { MediaRow } from '$lib/domain/model';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	describeRowError,
	looseRow,
	manifestSchema,
	ROW_SCHEMAS,
	type BackupManifest
} from '$lib/domain/backup/backup-format';

export { lastBackupMs };

/** Call once the backup file was handed to the browser to save: records "Last backup". */
export async function backupHandedOver(db: KartkaDB, file: Pick<BackupFile, 'createdMs'>): Promise<void> {
	await markBackup(db, file.createdMs);
}

const MANIFEST = 'kartka-backup.json';
/** Rows per JSON entry: keeps each string far below engine limits for large review histories. */
const ROWS_PER_FILE = 20_000;
/** Largest backup unpacked (sum of entry sizes): a bound against zip bombs. */
const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

export interface BackupFile {
	bytes: Uint8Array;
	fileName: string;
	createdMs: number;
	counts: Record<string, number>;
}

function stamp(ms: number): string {
	const d = new Date(ms);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

export async function createBackup(db: KartkaDB, nowMs: number): Promise<BackupFile> {
	const { schemaVersion, tables } = await snapshotAll(db);
	// The file says it is the last backup (restoring it shows its own date); the database learns it only when
	// the file was handed over (backupHandedOver), never because a file was merely made.
	tables.settings = [
		...(tables.settings ?? []).filter((r) => (r as { key?: unknown }).key !== LAST_BACKUP_KEY),
		{ key: LAST_BACKUP_KEY, value: nowMs }
	];
	const files: Zippable = {};
	const fileIndex: Record<string, string[]> = {};
	const counts: Record<string, number> = {};
	for (const [name, rows] of Object.entries(tables)) {
		counts[name] = rows.length;
		let listed = rows;
		if (name === 'media') {
			listed = (rows as MediaRow[]).map(({ bytes, ...meta }, i) => {
				// Media are compressed formats already: stored, not deflated again.
				files[`media/${i}`] = [bytes, { level: 0 }];
				return { ...meta, file: `media/${i}` };
			});
		}
		fileIndex[name] = [];
		for (let at = 0, part = 0; at < listed.length || part === 0; at += ROWS_PER_FILE, part++) {
			const entry = `tables/${name}/${part}.json`;
			files[entry] = strToU8(JSON.stringify(listed.slice(at, at + ROWS_PER_FILE)));
			fileIndex[name].push(entry);
		}
	}
	const manifest: BackupManifest = {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		schemaVersion,
		createdMs: nowMs,
		counts,
		files: fileIndex
	};
	files[MANIFEST] = strToU8(JSON.stringify(manifest, null, 1));
	return {
		bytes: zipSync(files, { level: 6 }),
		fileName: `kartka-backup-${stamp(nowMs)}.zip`,
		createdMs: nowMs,
		counts
	};
}

export interface BackupContents {
	createdMs: number;
	counts: Record<string, number>;
	tables: TableRows;
}

function unpack(bytes: Uint8Array): Record<string, Uint8Array> {
	let total = 0;
	try {
		return unzipSync(bytes, {
			filter(file) {
				total += file.originalSize;
				if (total > MAX_UNPACKED_BYTES)
					throw new BackupError('This backup unpacks to more than 2 GB; it was refused.');
				return true;
			}
		});
	} catch (error) {
		if (error instanceof BackupError) throw error;
		throw new BackupError('This file is not a Kartka backup (it is not a readable zip file).');
	}
}

function parseJson(files: Record<string, Uint8Array>, name: string): unknown {
	const entry = files[name];
	if (!entry) throw new BackupError(`This backup is incomplete: "${name}" is missing.`);
	try {
		return JSON.parse(strFromU8(entry));
	} catch {
		throw new BackupError(`This backup is damaged: "${name}" is not valid JSON.`);
	}
}

/** Reads and checks a backup file completely; throws BackupError with what is wrong. Writes nothing. */
function readBackup(bytes: Uint8Array, knownTables: string[]): BackupContents {
	const files = unpack(bytes);
	if (!files[MANIFEST])
		throw new BackupError('This file is not a Kartka backup (it has no kartka-backup.json).');
	const parsed = manifestSchema.safeParse(parseJson(files, MANIFEST));
	if (!parsed.success)
		throw new BackupError(`This file is not a Kartka backup: ${parsed.error.issues[0]?.message}.`);
	const manifest = parsed.data;
	if (manifest.formatVersion > BACKUP_FORMAT_VERSION || manifest.schemaVersion > SCHEMA_VERSION) {
		throw new BackupError(
			'This backup was made by a newer version of Kartka. Update the app, then restore it.'
		);
	}
	const tables: TableRows = {};
	for (const [table, entries] of Object.entries(manifest.files)) {
		if (!knownTables.includes(table))
			throw new BackupError(`This backup holds a table this version of Kartka does not know ("${table}").`);
		const schema = ROW_SCHEMAS[table] ?? looseRow;
		const rows: unknown[] = [];
		for (const entry of entries) {
			const part = parseJson(files, entry);
			if (!Array.isArray(part))
				throw new BackupError(`This backup is damaged: "${entry}" is not a list of rows.`);
			for (const raw of part) {
				const checked = schema.safeParse(raw);
				if (!checked.success)
					throw new BackupError(
						`This backup is damaged: ${describeRowError(table, rows.length, checked.error)}.`
					);
				rows.push(checked.data);
			}
		}
		if (rows.length !== manifest.counts[table]) {
			throw new BackupError(
				`This backup is incomplete: table "${table}" holds ${rows.length} of ${manifest.counts[table] ?? 0} rows.`
			);
		}
		tables[table] =
			table === 'media' ? rows.map((row) => withBytes(row as MediaRow & { file: string }, files)) : rows;
	}
	return { createdMs: manifest.createdMs, counts: manifest.counts, tables };
}

function withBytes(row: MediaRow & { file: string }, files: Record<string, Uint8Array>): MediaRow {
	const { file, ...media } = row;
	const bytes = files[file];
	if (!bytes || bytes.byteLength !== media.size)
		throw new BackupError(`This backup is damaged: media file "${media.name}" is missing or truncated.`);
	return { ...media, bytes: bytes.slice() };
}

/** Replaces the whole collection with a checked backup, in one transaction. */
export async function restoreBackup(db: KartkaDB, contents: BackupContents): Promise<void> {
	await replaceAll(db, contents.tables);
}

export async function readBackupFor(db: KartkaDB, bytes: Uint8Array): Promise<BackupContents> {
	return readBackup(bytes, tableNames(db));
}
