/**
 * Sync document ids, one prefix per kind. Kept apart from the document schemas (zod) so that the code
 * that records changes on every answer stays small in the first-load JS.
 */
export const DOC_PREFIX = {
	log: 'log:',
	note: 'note:',
	card: 'card:',
	deck: 'deck:',
	setting: 'setting:',
	media: 'media:',
	// Exam preparation and class-deck subscriptions (domain/sync/exam-docs.ts).
	exam: 'exam:',
	result: 'result:',
	classdeck: 'classdeck:'
} as const;
export type DocKind = keyof typeof DOC_PREFIX;

/** Largest media file synced (bytes): a larger one stays on its device rather than stall every sync. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

export function docId(kind: DocKind, key: string): string {
	return DOC_PREFIX[kind] + key;
}

export function kindOfDocId(id: string): { kind: DocKind; key: string } | null {
	for (const kind of Object.keys(DOC_PREFIX) as DocKind[]) {
		if (id.startsWith(DOC_PREFIX[kind])) return { kind, key: id.slice(DOC_PREFIX[kind].length) };
	}
	return null;
}
