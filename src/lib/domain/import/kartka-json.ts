/** Kartka deck files (JSON, src/lib/domain/deck-format.ts) → ImportedCollection, with every problem named. */
import { errorMessage } from '../errors';
import { formatDeckErrors, validateDeck } from '../deck-format';
import { IMPORT_LIMITS, ImportError, type ImportedCollection, type ImportedNote } from './import-model';

/** "Unexpected token } in JSON at position 120" → line and column, which people can find in an editor. */
function jsonErrorPlace(text: string, e: unknown): string {
	const msg = errorMessage(e);
	const lineCol = /line (\d+) column (\d+)/.exec(msg);
	if (lineCol) return ` at line ${lineCol[1]}, column ${lineCol[2]}`;
	const pos = /position (\d+)/.exec(msg);
	if (!pos) return '';
	const before = text.slice(0, Number(pos[1]));
	const line = before.split('\n').length;
	return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

export function parseKartkaJson(text: string, fileName: string): ImportedCollection {
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch (e) {
		throw new ImportError(
			'json-invalid',
			`"${fileName}" is not valid JSON${jsonErrorPlace(text, e)}: ${errorMessage(e)}`
		);
	}
	const notes = (input as { notes?: unknown } | null)?.notes;
	if (Array.isArray(notes) && notes.length > IMPORT_LIMITS.maxNotes) {
		throw new ImportError(
			'too-many-notes',
			`"${fileName}" holds ${notes.length} notes; Kartka imports at most ${IMPORT_LIMITS.maxNotes} at once.`
		);
	}
	if (Array.isArray(notes)) {
		const seen = new Map<string, number>();
		const dups: string[] = [];
		notes.forEach((n: unknown, i) => {
			const id = (n as { id?: unknown } | null)?.id;
			if (typeof id !== 'string') return;
			const first = seen.get(id);
			if (first !== undefined) dups.push(`"${id}" (notes #${first + 1} and #${i + 1})`);
			else seen.set(id, i);
		});
		if (dups.length) {
			throw new ImportError(
				'duplicate-note-ids',
				`"${fileName}" uses the same note id more than once: ${dups.slice(0, 10).join(', ')}${dups.length > 10 ? ` and ${dups.length - 10} more` : ''}. Each note needs its own id, or updates would mix them up.`
			);
		}
	}
	const result = validateDeck(input);
	if (!result.ok) {
		const shown = result.errors.slice(0, 20);
		const more = result.errors.length - shown.length;
		throw new ImportError(
			'deck-schema',
			`"${fileName}" is not a valid Kartka deck:\n${formatDeckErrors(shown)}${more > 0 ? `\n…and ${more} more problem(s).` : ''}`
		);
	}
	const deck = result.deck;
	const imported: ImportedNote[] = deck.notes.map((n) => ({
		key: n.id,
		kind: n.kind,
		fields: (n.kind === 'cloze'
			? { text: n.text, extra: n.extra ?? '' }
			: { front: n.front, back: n.back }) as Record<string, string>,
		tags: n.tags,
		deckName: deck.title,
		...(n.explanation ? { explanation: n.explanation } : {}),
		...(n.source ? { sourceQuote: n.source.quote } : {})
	}));
	return {
		format: 'kartka-json',
		title: deck.title,
		deckId: deck.id,
		deckMeta: {
			description: deck.description,
			version: deck.version,
			language: deck.language,
			license: deck.license,
			source: deck.source
		},
		notes: imported,
		media: [],
		reviews: [],
		warnings: []
	};
}
