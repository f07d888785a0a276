/**
 * Fault injection on fake-indexeddb, the way SQLite tests itself: make the N-th write (optionally only on one
 * table) fail as a browser would, then check that every table equals its state before the action.
 *
 * - 'QuotaExceededError': the write's transaction aborts with a QuotaExceededError (storage full), as
 *   Chromium reports it: the request is issued, then the whole transaction is rolled back.
 * - 'AbortError': the transaction is aborted (another tab's version change, the browser closing it).
 */
// The global the app's Dexie uses ('fake-indexeddb/auto' installs it in tests/setup-unit.ts).
const FDBObjectStore = globalThis.IDBObjectStore;
import type { KartkaDB } from '$lib/db/db';
import { dumpTables } from './db';

export type FaultKind = 'QuotaExceededError' | 'AbortError';

export interface FaultPlan {
	kind: FaultKind;
	/** Only writes to this object store count (default: every store). */
	table?: string;
	/** Fail the write with this 1-based number (default: the first). */
	atWrite?: number;
}

export interface InjectedFault {
	/** Writes seen so far (on the chosen table). */
	readonly writes: number;
	/** Whether the fault has fired. */
	readonly fired: boolean;
	restore(): void;
}

const WRITE_METHODS = ['put', 'add', 'delete', 'clear'] as const;

interface FakeTransaction {
	_abort(name: string | null): void;
	_markFinished(): void;
	_state: string;
	error: unknown;
}

type Store = { name: string; transaction: FakeTransaction };

/**
 * Chromium reports a full disk when the transaction commits: every request succeeded, then the transaction
 * aborts with QuotaExceededError and nothing of it is kept. fake-indexeddb commits in _markFinished.
 */
function failAtCommit(tx: FakeTransaction, kind: FaultKind): void {
	const finish = tx._markFinished;
	tx._markFinished = function (this: FakeTransaction) {
		this._markFinished = finish;
		if (this._state !== 'finished' && !this.error) this._abort(kind);
		else finish.call(this);
	};
}

export function injectFault(plan: FaultPlan): InjectedFault {
	const proto = FDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
	const originals = Object.fromEntries(WRITE_METHODS.map((m) => [m, proto[m]!]));
	const state = { writes: 0, fired: false };
	const at = plan.atWrite ?? 1;
	for (const method of WRITE_METHODS) {
		proto[method] = function (this: Store, ...args: unknown[]) {
			const request = originals[method]!.apply(this, args);
			if (!state.fired && (!plan.table || this.name === plan.table) && ++state.writes === at) {
				state.fired = true;
				failAtCommit(this.transaction, plan.kind);
			}
			return request;
		};
	}
	return {
		get writes() {
			return state.writes;
		},
		get fired() {
			return state.fired;
		},
		restore() {
			for (const m of WRITE_METHODS) proto[m] = originals[m]!;
		}
	};
}

/**
 * Runs `action` with the fault injected, and returns what it threw plus whether every table is unchanged.
 * Throws when the fault never fired (the plan did not reach a write: the test would prove nothing).
 */
export async function withFault(
	db: KartkaDB,
	plan: FaultPlan,
	action: () => Promise<unknown>
): Promise<{ error: unknown; before: Record<string, unknown[]>; after: Record<string, unknown[]> }> {
	const before = await dumpTables(db);
	const fault = injectFault(plan);
	let error: unknown = undefined;
	try {
		await action();
	} catch (e) {
		error = e;
	} finally {
		fault.restore();
	}
	if (!fault.fired)
		throw new Error(
			`The fault ${plan.kind} never fired (${fault.writes} writes on ${plan.table ?? 'any table'}).`
		);
	return { error, before, after: await dumpTables(db) };
}
