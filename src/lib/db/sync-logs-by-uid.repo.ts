/** Review logs looked up by their globally unique ids (sync's push and pull). */
import type { KartkaDB } from './db';
import type { SyncedLogRow } from './sync-tracking.repo';

/**
 * The logs with these uids, fast. A log made on this device has the uid `<this device>-<its local id>`:
 * those are read by primary key (one range read when the ids are dense, as in a push batch); the
 * others by their uid index, as parallel point reads (one index cursor walking a thousand keys, as
 * `anyOf` does, waits for each step). Every row is checked against the uid asked for. `present`: when
 * given, the only uids that can be on this device (a large pull reads them once): no others are looked up.
 */
export async function logsByUid(
	db: KartkaDB,
	uids: readonly string[],
	me: string,
	present?: ReadonlySet<string>
): Promise<SyncedLogRow[]> {
	if (uids.length === 0) return [];
	const prefix = `${me}-`;
	const wanted = new Set(uids);
	const own: number[] = [];
	let others: string[] = [];
	for (const uid of uids) {
		const id = uid.startsWith(prefix) ? Number(uid.slice(prefix.length)) : NaN;
		if (Number.isSafeInteger(id) && id > 0) own.push(id);
		else others.push(uid);
	}
	const found: SyncedLogRow[] = [];
	if (own.length) {
		const min = Math.min(...own);
		const max = Math.max(...own);
		const rows = (
			max - min < own.length * 2
				? await db.reviewLogs.where(':id').between(min, max, true, true).toArray()
				: (await db.reviewLogs.bulkGet(own)).filter((l) => l !== undefined)
		) as SyncedLogRow[];
		const hit = new Set<string>();
		for (const row of rows)
			if (row.uid && wanted.has(row.uid) && row.uid.startsWith(prefix)) {
				found.push(row);
				hit.add(row.uid);
			}
		// A uid of this device whose local id differs (made before ids were uids): by the index.
		for (const id of own) if (!hit.has(`${prefix}${id}`)) others.push(`${prefix}${id}`);
	}
	const table = db.reviewLogs;
	if (present) others = others.filter((uid) => present.has(uid));
	const rest = await Promise.all(others.map((uid) => table.where('uid').equals(uid).first()));
	for (const row of rest as (SyncedLogRow | undefined)[]) if (row) found.push(row);
	return found;
}
