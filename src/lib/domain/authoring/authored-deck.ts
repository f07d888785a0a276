/**
 * Accepted candidates → a Kartka deck file (docs/deck-format.md): every note keeps its sentence as
 * `source.quote` and is tagged with its kind and `authored`, so that the deck can be published,
 * re-imported or exported to Anki like any other.
 */
import type { Candidate, CandidateNote } from './authoring-model';

export interface AuthoredDeckInput {
	title: string;
	/** The file the text came from, if any (else the deck's source is "pasted text"). */
	fileName?: string;
	candidates: Array<Pick<Candidate, 'id' | 'kind' | 'quote'> & { note: CandidateNote }>;
	nowMs: number;
}

function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40)
			.replace(/-+$/, '') || 'article'
	);
}

/** A new id every time (two decks from the same article do not overwrite each other). */
export function authoredDeckId(title: string, nowMs: number): string {
	return `authored-${slug(title)}-${nowMs.toString(36)}`;
}

export function authoredDeck(input: AuthoredDeckInput) {
	const title = input.title.trim() || 'Untitled article';
	const kinds = [...new Set(input.candidates.map((c) => c.kind))];
	return {
		format: 'kartka-deck',
		formatVersion: 1,
		id: authoredDeckId(title, input.nowMs),
		title,
		description: `Cards made in Kartka from “${title}”: ${input.candidates.length} notes (${kinds.join(', ')}), each quoting the sentence it comes from.`,
		version: '1.0.0',
		language: 'en',
		source: { title, file: input.fileName?.trim() || 'pasted text' },
		license: 'The cards: by their author; the quotations: from the article, © its author, quoted for study',
		notes: input.candidates.map((c) => ({
			id: c.id,
			...(c.note.kind === 'cloze'
				? { kind: 'cloze' as const, text: c.note.text }
				: { kind: c.note.kind, front: c.note.front, back: c.note.back }),
			tags: [c.kind, 'authored'],
			source: { quote: c.quote }
		}))
	};
}
