import { describe, expect, it } from 'vitest';
import { mergeCards, mergeNotes, mergeVersions, useLostEdit } from '$lib/domain/sync/conflict-rules';
import { canonicalJson, compareLeaves, nextRev, parseRev } from '$lib/domain/sync/revisions';
import { logUid, newDeviceId } from '$lib/domain/sync/log-ids';
import { parseSyncBody, type CardBody, type NoteBody } from '$lib/domain/sync/sync-docs';

const note = (over: Partial<NoteBody>): NoteBody => ({
	kind: 'note',
	deckId: 'd',
	key: 'n',
	noteKind: 'basic',
	fields: { front: 'Q', back: 'A' },
	tags: [],
	position: 0,
	createdMs: 0,
	editedMs: 0,
	editedBy: 'aaaa',
	conflicts: [],
	...over
});
const card = (suspended: boolean, changedMs: number, changedBy = 'aaaa'): CardBody => ({
	kind: 'card',
	suspended,
	changedMs,
	changedBy
});

describe('conflict rules', () => {
	it('note text: the latest edit wins, the loser is kept, tags are united; order never matters', () => {
		const a = note({ fields: { front: 'A1', back: 'x' }, editedMs: 10, editedBy: 'phone', tags: ['t1'] });
		const b = note({ fields: { front: 'B1', back: 'x' }, editedMs: 20, editedBy: 'laptop', tags: ['t2'] });
		const ab = mergeNotes([a, b]);
		expect(ab.fields.front).toBe('B1');
		expect(ab.tags).toEqual(['t1', 't2']);
		expect(ab.conflicts).toEqual([{ fields: a.fields, editedMs: 10, editedBy: 'phone' }]);
		expect(canonicalJson(mergeNotes([b, a]))).toBe(canonicalJson(ab));
		// Merging again with an older copy changes nothing (idempotent).
		expect(canonicalJson(mergeNotes([ab, a]))).toBe(canonicalJson(ab));
	});

	it('equal times: the device id decides, the same way everywhere', () => {
		const a = note({ fields: { front: 'A' }, editedMs: 5, editedBy: 'bbbb' });
		const b = note({ fields: { front: 'B' }, editedMs: 5, editedBy: 'aaaa' });
		expect(mergeNotes([a, b]).fields.front).toBe('A');
		expect(mergeNotes([b, a]).fields.front).toBe('A');
	});

	it('a later deletion wins over an edit; a later edit wins over a deletion', () => {
		const edit = note({ fields: { front: 'E' }, editedMs: 10 });
		expect(mergeNotes([edit, note({ deleted: true, editedMs: 11 })]).deleted).toBe(true);
		expect(mergeNotes([edit, note({ deleted: true, editedMs: 9 })]).deleted).toBeUndefined();
	});

	it('same text is not a conflict; "Use this one" settles it', () => {
		const a = note({ editedMs: 1, editedBy: 'p' });
		const b = note({ editedMs: 2, editedBy: 'l' });
		expect(mergeNotes([a, b]).conflicts).toEqual([]);
		const merged = mergeNotes([note({ fields: { front: 'X' }, editedMs: 1 }), b]);
		const chosen = useLostEdit(merged, merged.conflicts[0]!, 50, 'p');
		expect(chosen).toMatchObject({ fields: { front: 'X' }, editedMs: 50, conflicts: [] });
	});

	it('suspension: the later change wins; suspend wins only if strictly later', () => {
		expect(mergeCards([card(true, 10), card(false, 5)]).suspended).toBe(true);
		expect(mergeCards([card(true, 5), card(false, 10)]).suspended).toBe(false);
		expect(mergeCards([card(true, 7, 'z'), card(false, 7, 'a')]).suspended).toBe(false);
		expect(mergeCards([card(false, 7, 'a'), card(true, 7, 'z')]).suspended).toBe(false);
	});

	it('refuses to merge different kinds', () => {
		expect(mergeVersions([note({}), card(true, 1)])).toBeNull();
	});
});

describe('revisions and ids', () => {
	it('same parent and content give the same revision; anything else differs', () => {
		const r1 = nextRev(null, { a: 1, b: 2 });
		expect(r1).toBe(nextRev(null, { b: 2, a: 1 }));
		expect(parseRev(r1).generation).toBe(1);
		const r2 = nextRev(r1, { a: 1 });
		expect(parseRev(r2).generation).toBe(2);
		expect(r2).not.toBe(nextRev(r1, { a: 2 }));
		expect(nextRev(r1, null, true)).not.toBe(r2);
		expect(r1).toMatch(/^1-[0-9a-f]{32}$/);
	});

	it('CouchDB winner order: live first, longest history, greatest id', () => {
		const leaves = [{ rev: '3-aa', deleted: true }, { rev: '2-ff' }, { rev: '2-0a' }];
		expect([...leaves].sort(compareLeaves).map((l) => l.rev)).toEqual(['2-ff', '2-0a', '3-aa']);
	});

	it('device ids are random and log ids unique per device, in order', () => {
		const a = newDeviceId(new Uint8Array(16).fill(1));
		const b = newDeviceId(new Uint8Array(16).fill(2));
		expect(a).not.toBe(b);
		expect(a).toHaveLength(26);
		expect(logUid(a, 9) < logUid(a, 10)).toBe(true);
	});

	it('server documents are checked: wrong kind, bad values and oversized text are ignored', () => {
		expect(
			parseSyncBody({ _id: 'card:x', kind: 'card', suspended: true, changedMs: 1, changedBy: 'p' })
		).not.toBeNull();
		expect(
			parseSyncBody({ _id: 'note:x', kind: 'card', suspended: true, changedMs: 1, changedBy: 'p' })
		).toBeNull();
		expect(
			parseSyncBody({ _id: 'card:x', kind: 'card', suspended: 'yes', changedMs: 1, changedBy: 'p' })
		).toBeNull();
		expect(parseSyncBody({ _id: 'other', kind: 'card' })).toBeNull();
		const huge = note({ fields: { front: 'x'.repeat(300_000) } });
		expect(parseSyncBody({ _id: 'note:d/n', ...huge })).toBeNull();
	});
});
