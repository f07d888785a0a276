/**
 * Deterministic conflict rules, one per kind of document. CouchDB keeps every concurrent version (the
 * leaves of a document's revision tree); each device merges them with these rules, which depend only
 * on the versions (never on which device merges, in which order, or when), so every device reaches
 * the same result, and the same revision id for it (revisions.ts).
 *
 * - review logs: immutable, never in conflict (ids are globally unique); identical copies are one.
 * - note text: the latest edit wins (editedMs, then device id); the losing text is KEPT in `conflicts`
 *   and shown ("Conflicting edit from <device>", "Use this one"). Tags: the union of all versions.
 *   A deletion (tombstone) is an edit like any other: the later of delete and edit wins.
 * - card suspension: the later change wins; suspend wins over unsuspend only if strictly later
 *   (on a tie the card stays visible: a card is never hidden by chance).
 * - decks, settings: the latest change wins (changedMs, then device id).
 * - media: the latest file wins; the decks that use it are united.
 * - exam plans, class-deck subscriptions: the latest change wins; test results are immutable
 *   (domain/sync/exam-docs.ts).
 */
import type { CardBody, DeckBody, LostEdit, MediaBody, NoteBody, SettingBody, SyncBody } from './sync-docs';
import { canonicalJson } from './revisions';
import { mergeExamKinds, type ExamKindBody } from './exam-docs';

/** Most losing versions kept per note: enough to show and choose, bounded against a flood of edits. */
export const MAX_KEPT_CONFLICTS = 5;

function later(aMs: number, aBy: string, bMs: number, bBy: string): boolean {
	return aMs !== bMs ? aMs > bMs : aBy > bBy;
}

function newestFirst(a: LostEdit, b: LostEdit): number {
	return later(a.editedMs, a.editedBy, b.editedMs, b.editedBy) ? -1 : 1;
}

function sameText(a: Record<string, string>, b: Record<string, string>): boolean {
	return canonicalJson(a) === canonicalJson(b);
}

export function mergeNotes(versions: readonly NoteBody[]): NoteBody {
	const winner = versions.reduce((w, v) => (later(v.editedMs, v.editedBy, w.editedMs, w.editedBy) ? v : w));
	const tags = [...new Set(versions.flatMap((v) => v.tags))].sort();
	const lost = new Map<string, LostEdit>();
	const keep = (edit: LostEdit) => {
		if (sameText(edit.fields, winner.fields)) return;
		lost.set(`${edit.editedMs}|${edit.editedBy}`, edit);
	};
	for (const v of versions) {
		for (const c of v.conflicts) keep(c);
		if (v !== winner && !v.deleted) keep({ fields: v.fields, editedMs: v.editedMs, editedBy: v.editedBy });
	}
	const conflicts = [...lost.values()].sort(newestFirst).slice(0, MAX_KEPT_CONFLICTS);
	return { ...winner, tags, conflicts };
}

export function mergeCards(versions: readonly CardBody[]): CardBody {
	return versions.reduce((w, v) => {
		if (v.changedMs !== w.changedMs) return v.changedMs > w.changedMs ? v : w;
		// A tie: unsuspended wins, then the device id decides (so the result never depends on order).
		if (v.suspended !== w.suspended) return v.suspended ? w : v;
		return v.changedBy > w.changedBy ? v : w;
	});
}

function latestChange<T extends DeckBody | SettingBody>(versions: readonly T[]): T {
	return versions.reduce((w, v) => {
		if (v.changedMs !== w.changedMs || v.changedBy !== w.changedBy)
			return later(v.changedMs, v.changedBy, w.changedMs, w.changedBy) ? v : w;
		// Same time, same device (cannot happen for real edits): the content decides.
		return canonicalJson(v) > canonicalJson(w) ? v : w;
	});
}

export function mergeMedia(versions: readonly MediaBody[]): MediaBody {
	const winner = versions.reduce((w, v) =>
		v.addedMs !== w.addedMs ? (v.addedMs > w.addedMs ? v : w) : v.sha256 > w.sha256 ? v : w
	);
	return { ...winner, deckIds: [...new Set(versions.flatMap((v) => v.deckIds))].sort() };
}

/**
 * The merged version of a document's concurrent versions (all of one kind), or null when they are of
 * different kinds (a corrupted database: the caller keeps CouchDB's winner).
 */
export function mergeVersions(versions: readonly SyncBody[]): SyncBody | null {
	const first = versions[0];
	if (!first || versions.some((v) => v.kind !== first.kind)) return null;
	switch (first.kind) {
		case 'note':
			return mergeNotes(versions as NoteBody[]);
		case 'card':
			return mergeCards(versions as CardBody[]);
		case 'deck':
		case 'setting':
			return latestChange(versions as (DeckBody | SettingBody)[]);
		case 'media':
			return mergeMedia(versions as MediaBody[]);
		case 'exam':
		case 'result':
		case 'classdeck':
			return mergeExamKinds(versions as ExamKindBody[]);
		case 'log':
			// Immutable: every copy is the same document; pick one deterministically.
			return versions.reduce((w, v) => (canonicalJson(v) > canonicalJson(w) ? v : w));
	}
}

/** A local edit of a note's text on top of `current`: sequential, so nothing is in conflict with it. */
export function editNoteBody(
	current: NoteBody,
	fields: Record<string, string>,
	editedMs: number,
	editedBy: string
): NoteBody {
	return { ...current, fields: { ...fields }, editedMs, editedBy };
}

/** "Use this one": the chosen losing version becomes the text, as a new edit; the choice is settled. */
export function useLostEdit(current: NoteBody, chosen: LostEdit, nowMs: number, device: string): NoteBody {
	return { ...current, fields: { ...chosen.fields }, editedMs: nowMs, editedBy: device, conflicts: [] };
}
