/**
 * What the replicator needs from the device's own store (Dexie in the app). Kept as an interface so that
 * the protocol code knows nothing of tables, and the store knows nothing of HTTP.
 */
import type { SyncBody } from './sync-docs';

/** A file carried as a CouchDB attachment (media). */
export interface SyncAttachment {
	contentType: string;
	bytes: Uint8Array;
}

/** A local change to send: the document as it is now, on top of the last revision the device knew. */
export interface OutgoingDoc {
	id: string;
	/** null: deleted (an undone review log). */
	body: SyncBody | null;
	baseRev: string | null;
	/** Ancestor revision hashes of `baseRev`, newest first (its own hash first). */
	history: string[];
	attachment?: SyncAttachment;
}

export interface PendingBatch {
	docs: OutgoingDoc[];
	/** The outbox position this batch reaches: entries up to it are cleared once written. */
	uptoSeq: number;
}

/** A server document to apply: the merged result of all its concurrent versions. */
export interface IncomingDoc {
	id: string;
	rev: string;
	history: string[];
	/** null: deleted on the server. */
	body: SyncBody | null;
	attachment?: SyncAttachment;
}

export interface WrittenRev {
	id: string;
	rev: string;
	history: string[];
}

export interface LocalSyncStore {
	/** This device's id (also names its checkpoint on the server). */
	deviceId(): Promise<string>;
	/**
	 * Up to `limit` local changes not yet on the server, oldest first; after outbox position `afterSeq`
	 * when given (the next batch, read while the one before it is still being sent).
	 */
	pending(limit: number, afterSeq?: number): Promise<PendingBatch>;
	/** The batch is on the server: remember revisions, clear the outbox up to `uptoSeq` (ONE transaction). */
	markPushed(written: WrittenRev[], uptoSeq: number): Promise<void>;
	/** The last revision this device knows of each document. */
	knownRevs(ids: string[]): Promise<Map<string, string>>;
	/** Writes a batch of server documents and the pull checkpoint in ONE transaction. */
	applyRemote(docs: IncomingDoc[], checkpoint: string): Promise<void>;
	pullCheckpoint(): Promise<string | null>;
	/**
	 * A pull of many batches starts: the store may read once what it would otherwise look up document
	 * by document (which revisions and logs it has). `endLargePull` when it is over, however it ends.
	 */
	beginLargePull?(expectedDocs?: number): Promise<void>;
	endLargePull?(): void;
	/** The same for a push of many batches (which revisions it has). */
	beginLargePush?(): Promise<void>;
	endLargePush?(): void;
	/** Local changes waiting to be sent ("Offline: 14 changes waiting"). */
	pendingCount(): Promise<number>;
}
