/**
 * The Kartka deck format, version 1: a JSON file written by hand (see docs/deck-format.md).
 * `validateDeck` reports every problem at once, each naming the note id, the field and what is wrong.
 */
import { z } from 'zod';
import { clozeNumbers, hasClozeSyntax, parseCloze } from './cloze';

export { clozeNumbers } from './cloze';

export const DECK_FORMAT_VERSION = 1;
const NOTE_KINDS = ['basic', 'reversible', 'cloze'] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const TAG = /^[a-z0-9][a-z0-9_:-]*$/;

function text(max: number) {
	return z
		.string()
		.trim()
		.min(1, { error: 'must not be empty' })
		.max(max, { error: (iss) => `is too long (${String(iss.input).length} characters, at most ${max})` });
}

function isLanguageTag(tag: string): boolean {
	if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

const noteId = z
	.string()
	.max(80, { error: 'is too long (at most 80 characters)' })
	.regex(SLUG, { error: 'must be a slug of lowercase letters, digits and single hyphens, e.g. "n-1994"' });
const tags = z
	.array(z.string().regex(TAG, { error: 'must be lowercase with no spaces, e.g. "date" or "unit-1"' }))
	.default([]);
const noteSource = z.strictObject({ quote: text(2000) });
const common = { id: noteId, tags, explanation: text(2000).optional(), source: noteSource.optional() };
const plainField = (max: number) =>
	text(max).refine((s) => !hasClozeSyntax(s), {
		error: 'contains cloze syntax "{{c1::...}}"; use a note of kind "cloze"'
	});
const clozeText = text(4000).superRefine((s, ctx) => {
	const { deletions, problems } = parseCloze(s);
	for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem });
	if (deletions.length === 0 && problems.length === 0) {
		ctx.addIssue({ code: 'custom', message: 'has no cloze deletion; mark at least one as {{c1::answer}}' });
	}
});

const basicNoteSchema = z.strictObject({
	...common,
	kind: z.literal('basic'),
	front: plainField(1000),
	back: plainField(1000)
});
const reversibleNoteSchema = z
	.strictObject({ ...common, kind: z.literal('reversible'), front: plainField(1000), back: plainField(1000) })
	.refine((n) => n.front.toLowerCase() !== n.back.toLowerCase(), {
		error: 'must differ from "front" (a reversible note asks both ways)',
		path: ['back']
	});
const clozeNoteSchema = z.strictObject({
	...common,
	kind: z.literal('cloze'),
	text: clozeText,
	extra: text(2000).optional()
});
const deckNoteSchema = z.discriminatedUnion('kind', [basicNoteSchema, reversibleNoteSchema, clozeNoteSchema]);

const deckSourceSchema = z
	.strictObject({
		title: text(300),
		author: text(200).optional(),
		publisher: text(200).optional(),
		url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
		file: text(300).optional()
	})
	.refine((s) => s.url !== undefined || s.file !== undefined, {
		error: 'needs "url" or "file" so that students can find the source',
		path: ['url']
	});

const deckShape = z.strictObject({
	format: z.literal('kartka-deck', { error: 'must be "kartka-deck"' }),
	formatVersion: z.literal(DECK_FORMAT_VERSION, {
		error: (iss) =>
			iss.input === undefined
				? 'is required'
				: typeof iss.input === 'number' && iss.input > DECK_FORMAT_VERSION
					? `is ${iss.input}, newer than this app reads (${DECK_FORMAT_VERSION}); update Kartka`
					: `must be ${DECK_FORMAT_VERSION}`
	}),
	id: z
		.string()
		.max(80, { error: 'is too long (at most 80 characters)' })
		.regex(SLUG, { error: 'must be a slug of lowercase letters, digits and single hyphens' }),
	title: text(200),
	/** Deck group (issue 11): a name, or nested names joined by "::" ("Parent::Child"). */
	group: text(400).optional(),
	description: text(4000),
	version: z.string().regex(SEMVER, { error: 'must be a semantic version such as "1.0.0"' }),
	language: z
		.string()
		.refine(isLanguageTag, { error: 'must be a BCP 47 language tag such as "en" or "pl-PL"' }),
	source: deckSourceSchema,
	license: text(300),
	notes: z.array(deckNoteSchema).min(1, { error: 'must hold at least one note' })
});

export interface DeckError {
	/** The id of the note concerned, when there is one. */
	noteId?: string;
	/** Where in the file, e.g. `notes[3].back` (empty for the whole file). */
	path: string;
	/** A full sentence: note id, field and what is wrong. */
	message: string;
}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

/** Cross-note checks, on raw input so that they run even when other parts are invalid. */
function crossNoteProblems(input: unknown): Issue[] {
	const notes = (input as { notes?: unknown } | null)?.notes;
	if (!Array.isArray(notes)) return [];
	const issues: Issue[] = [];
	const firstById = new Map<string, number>();
	const firstByQuestion = new Map<string, number>();
	notes.forEach((raw: unknown, i) => {
		if (typeof raw !== 'object' || raw === null) return;
		const note = raw as Record<string, unknown>;
		if (typeof note.id === 'string') {
			const first = firstById.get(note.id);
			if (first === undefined) firstById.set(note.id, i);
			else
				issues.push({
					code: 'custom',
					path: ['notes', i, 'id'],
					message: `duplicates the id of note #${first + 1}`
				});
		}
		if (Array.isArray(note.tags)) {
			const seen = new Set<unknown>();
			note.tags.forEach((t, j) => {
				if (seen.has(t))
					issues.push({
						code: 'custom',
						path: ['notes', i, 'tags', j],
						message: `repeats tag ${JSON.stringify(t)}`
					});
				seen.add(t);
			});
		}
		const asked: [string, unknown][] =
			note.kind === 'cloze'
				? [['text', note.text]]
				: note.kind === 'reversible'
					? [
							['front', note.front],
							['back', note.back]
						]
					: [['front', note.front]];
		for (const [field, value] of asked) {
			if (typeof value !== 'string' || value.trim() === '') continue;
			const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
			const first = firstByQuestion.get(key);
			if (first === undefined) firstByQuestion.set(key, i);
			else if (first !== i) {
				const other = (notes[first] as { id?: unknown }).id;
				const name = typeof other === 'string' ? `note "${other}"` : `note #${first + 1}`;
				issues.push({
					code: 'custom',
					path: ['notes', i, field],
					message: `asks the same as ${name}; merge them or tell them apart`
				});
			}
		}
	});
	return issues;
}

function describe(iss: z.core.$ZodRawIssue): string {
	switch (iss.code) {
		case 'invalid_type':
			if (iss.input === undefined) return 'is required';
			return `must be ${iss.expected === 'array' || iss.expected === 'object' ? 'an' : 'a'} ${iss.expected}, not ${
				iss.input === null ? 'null' : Array.isArray(iss.input) ? 'an array' : typeof iss.input
			}`;
		case 'invalid_union':
			if ('discriminator' in iss && iss.discriminator === 'kind') {
				const kind = (iss.input as { kind?: unknown } | null)?.kind;
				const got = kind === undefined ? 'it is missing' : `got ${JSON.stringify(kind)}`;
				return `must be one of ${NOTE_KINDS.map((k) => `"${k}"`).join(', ')} (${got})`;
			}
			return 'has an invalid value';
		case 'invalid_value':
			return `must be ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}`;
		case 'too_small':
			return iss.origin === 'array' ? `must hold at least ${iss.minimum} item(s)` : 'must not be empty';
		case 'too_big':
			return `is too long (at most ${iss.maximum})`;
		default:
			return 'is invalid';
	}
}

function toDeckErrors(issue: Issue, input: unknown): DeckError[] {
	const path = [...issue.path];
	if (issue.code === 'unrecognized_keys' && issue.keys) {
		return issue.keys.flatMap((key) =>
			toDeckErrors(
				{
					...issue,
					code: 'unknown',
					path: [...path, key],
					message: 'is not a field of this format (misspelt?)'
				},
				input
			)
		);
	}
	let noteId: string | undefined;
	let who = 'deck';
	if (path[0] === 'notes' && typeof path[1] === 'number') {
		const note = (input as { notes: unknown[] }).notes[path[1]] as { id?: unknown } | null;
		const id = typeof note === 'object' && note !== null ? note.id : undefined;
		noteId = typeof id === 'string' && id !== '' ? id : undefined;
		who = noteId === undefined ? `note #${path[1] + 1}` : `note "${noteId}"`;
		path.splice(0, 2);
	}
	const field = path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
		.join('');
	const where = field ? `${who} field "${field}"` : who;
	const fullPath = issue.path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
		.join('');
	return [
		{ ...(noteId === undefined ? {} : { noteId }), path: fullPath, message: `${where}: ${issue.message}` }
	];
}

function noteIndex(e: DeckError): number {
	const m = /^notes\[(\d+)\]/.exec(e.path);
	return m ? Number(m[1]) : -1;
}

/** Validates a parsed deck file, returning every problem at once. */
export function validateDeck(
	input: unknown
): { ok: true; deck: DeckFile } | { ok: false; errors: DeckError[] } {
	const parsed = deckShape.safeParse(input, { error: describe });
	const issues: Issue[] = [
		...(parsed.success ? [] : (parsed.error.issues as Issue[])),
		...crossNoteProblems(input)
	];
	if (parsed.success && issues.length === 0) return { ok: true, deck: parsed.data };
	const errors = issues.flatMap((issue) => toDeckErrors(issue, input));
	const seen = new Set<string>();
	const unique = errors.filter((e) => !seen.has(e.message) && seen.add(e.message));
	// Deck-level errors first, then note by note (Array.prototype.sort is stable).
	return { ok: false, errors: unique.sort((a, b) => noteIndex(a) - noteIndex(b)) };
}

/** The deck schema with the cross-note checks (for callers that want a zod schema). */
export const deckFileSchema = deckShape.superRefine((deck, ctx) => {
	for (const issue of crossNoteProblems(deck))
		ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type DeckFile = z.infer<typeof deckFileSchema>;
export type DeckNote = DeckFile['notes'][number];

/** One line per error. */
export function formatDeckErrors(errors: readonly DeckError[]): string {
	return errors.map((e) => e.message).join('\n');
}

/** The card ordinals of a note: basic → [0], reversible → [0, 1], cloze → its cloze numbers. */
export function cardOrdinals(note: DeckNote): number[] {
	if (note.kind === 'basic') return [0];
	if (note.kind === 'reversible') return [0, 1];
	return clozeNumbers(note.text);
}
