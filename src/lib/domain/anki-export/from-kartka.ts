/**
 * Kartka rows → what the .apkg writer takes. Notes with their own Anki templates ('templated', from an
 * Anki import) become one basic note per card (question → Front, answer → Back), as in the JSON export.
 * Only scheduled answers go to the revlog (practice tests and manual changes are not Anki reviews).
 */
import type { NoteRow, ReviewLogRow } from '../model';
import { CardState, type CardSchedule } from '../schedule';
import type { ApkgNote, ApkgReview } from './apkg-writer';

/** Where a Kartka card went in the export: its note key and ordinal there. */
type CardTarget = { noteKey: string; ord: number };

export interface ApkgNotes {
	notes: ApkgNote[];
	/** `${noteId}#${ord}` → target, for the review history. */
	cards: Map<string, CardTarget>;
}

export function apkgNotes(rows: NoteRow[]): ApkgNotes {
	const notes: ApkgNote[] = [];
	const cards = new Map<string, CardTarget>();
	for (const n of rows) {
		const common = {
			tags: n.tags,
			sourceQuote: n.sourceQuote,
			explanation: n.explanation,
			updatedMs: n.updatedMs
		};
		if (n.kind === 'templated') {
			const ords = Object.keys(n.fields)
				.filter((k) => /^q\d+$/.test(k))
				.map((k) => Number(k.slice(1)))
				.sort((a, b) => a - b);
			for (const ord of ords) {
				const key = `${n.key}-${ord}`;
				notes.push({
					...common,
					key,
					kind: 'basic',
					fields: { front: n.fields[`q${ord}`] ?? '', back: n.fields[`a${ord}`] ?? '' }
				});
				cards.set(`${n.id}#${ord}`, { noteKey: key, ord: 0 });
			}
			continue;
		}
		notes.push({ ...common, key: n.key, kind: n.kind, fields: n.fields });
		const ords =
			n.kind === 'cloze' ? clozeNumbers(n.fields.text ?? '') : n.kind === 'reversible' ? [0, 1] : [0];
		for (const ord of ords) cards.set(`${n.id}#${ord}`, { noteKey: n.key, ord });
	}
	return { notes, cards };
}

function clozeNumbers(text: string): number[] {
	return [...new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1])))];
}

function ankiInterval(s: CardSchedule, atMs: number): number {
	if (s.scheduledDays > 0) return s.scheduledDays;
	// Learning steps: Anki stores them as negative seconds.
	return -Math.max(0, Math.round((s.dueMs - atMs) / 1000));
}

function revlogType(before: CardSchedule): 0 | 1 | 2 {
	if (before.state === CardState.Review) return 1;
	if (before.state === CardState.Relearning) return 2;
	return 0;
}

export function apkgReviews(logs: ReviewLogRow[], cards: Map<string, CardTarget>): ApkgReview[] {
	const out: ApkgReview[] = [];
	for (const log of logs) {
		if (log.kind !== 'review') continue;
		const target = cards.get(log.cardId);
		if (!target) continue;
		out.push({
			...target,
			reviewedMs: log.reviewedMs,
			rating: log.rating,
			durationMs: log.durationMs,
			type: revlogType(log.before),
			ivl: ankiInterval(log.after, log.reviewedMs),
			lastIvl: log.before.scheduledDays
		});
	}
	return out.sort((a, b) => a.reviewedMs - b.reviewedMs);
}
