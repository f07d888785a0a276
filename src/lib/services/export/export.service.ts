/**
 * A deck as a file: Kartka JSON (the open deck format, so that an instructor can publish it as a static
 * file and share a link) and CSV (for spreadsheets; it imports back through the CSV importer).
 */
import Papa from 'papaparse';
import { deckWithNotes } from '$lib/db/deck-export.repo';
import type { KartkaDB } from '$lib/db/db';
import { cardOrdinals, renderCard } from '$lib/domain/card-render';
import { DECK_FORMAT_VERSION, validateDeck, type DeckError } from '$lib/domain/deck-format';
import type { DeckRow, NoteRow } from '$lib/domain/model';
import { slugify } from '$lib/domain/import/import-ids';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export interface ExportedFile {
	fileName: string;
	mime: string;
	text: string;
	notes: number;
	/** Anki notes with their own templates, written as one basic note per card (the format has no templates). */
	splitTemplated: number;
	/** What Kartka would report when importing the file (the deck format is stricter than Anki). */
	problems: DeckError[];
}

/** Deck-format tags: lowercase, no spaces ("Bio::Cells" → "bio::cells"). */
function formatTag(tag: string): string {
	return tag
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9_:-]+/g, '-')
		.replace(/^[^a-z0-9]+/, '');
}

function tagsOf(note: NoteRow): string[] {
	return [...new Set(note.tags.map(formatTag).filter(Boolean))];
}

function common(note: NoteRow, id: string) {
	return {
		id,
		tags: tagsOf(note),
		...(note.explanation ? { explanation: note.explanation } : {}),
		...(note.sourceQuote ? { source: { quote: note.sourceQuote } } : {})
	};
}

function deckFileNotes(notes: NoteRow[]): { notes: unknown[]; splitTemplated: number } {
	const out: unknown[] = [];
	let splitTemplated = 0;
	for (const note of notes) {
		if (note.kind === 'cloze') {
			out.push({
				...common(note, note.key),
				kind: 'cloze',
				text: note.fields.text ?? '',
				...(note.fields.extra ? { extra: note.fields.extra } : {})
			});
		} else if (note.kind === 'templated') {
			splitTemplated++;
			for (const ord of cardOrdinals(note.kind, note.fields)) {
				const { questionHtml, answerHtml } = renderCard(note.kind, note.fields, ord);
				out.push({
					...common(note, `${note.key}-c${ord}`),
					kind: 'basic',
					front: questionHtml,
					back: answerHtml
				});
			}
		} else {
			out.push({
				...common(note, note.key),
				kind: note.kind,
				front: note.fields.front ?? '',
				back: note.fields.back ?? ''
			});
		}
	}
	return { notes: out, splitTemplated };
}

function deckFileHead(deck: DeckRow) {
	const id = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(deck.id) ? deck.id : slugify(deck.id, 80) || 'deck';
	const source = { ...deck.source };
	if (!source.url && !source.file) source.file = `${id}.json`;
	return {
		format: 'kartka-deck',
		formatVersion: DECK_FORMAT_VERSION,
		id,
		title: deck.title,
		description: deck.description.trim() || deck.title,
		version: SEMVER.test(deck.version) ? deck.version : '1.0.0',
		language: deck.language || 'und',
		source,
		license: deck.license.trim() || 'Unspecified'
	};
}

async function load(db: KartkaDB, deckId: string) {
	const found = await deckWithNotes(db, deckId);
	if (!found) throw new Error('This deck is no longer in your collection.');
	return found;
}

export async function exportDeckJson(db: KartkaDB, deckId: string): Promise<ExportedFile> {
	const { deck, notes } = await load(db, deckId);
	const head = deckFileHead(deck);
	const body = deckFileNotes(notes);
	const file = { ...head, notes: body.notes };
	const checked = validateDeck(file);
	return {
		fileName: `${head.id}.json`,
		mime: 'application/json',
		text: `${JSON.stringify(file, null, '\t')}\n`,
		notes: body.notes.length,
		splitTemplated: body.splitTemplated,
		problems: checked.ok ? [] : checked.errors
	};
}

/** CSV columns, named as the importer's column roles so that the file maps itself on re-import. */
const CSV_COLUMNS = ['front', 'back', 'tags', 'id', 'deck', 'extra'] as const;

export async function exportDeckCsv(db: KartkaDB, deckId: string): Promise<ExportedFile> {
	const { deck, notes } = await load(db, deckId);
	const rows: string[][] = [];
	let splitTemplated = 0;
	for (const note of notes) {
		const tags = note.tags.map((t) => t.replace(/\s+/g, '_')).join(' ');
		if (note.kind === 'cloze')
			rows.push([note.fields.text ?? '', '', tags, note.key, deck.title, note.fields.extra ?? '']);
		else if (note.kind === 'templated') {
			splitTemplated++;
			for (const ord of cardOrdinals(note.kind, note.fields)) {
				const { questionHtml, answerHtml } = renderCard(note.kind, note.fields, ord);
				rows.push([questionHtml, answerHtml, tags, `${note.key}-c${ord}`, deck.title, '']);
			}
		} else
			rows.push([
				note.fields.front ?? '',
				note.fields.back ?? '',
				tags,
				note.key,
				deck.title,
				note.explanation ?? ''
			]);
	}
	// A byte-order mark so that spreadsheet programs read the file as UTF-8 (Cyrillic, Polish letters).
	const text = `\ufeff${Papa.unparse(
		{ fields: [...CSV_COLUMNS], data: rows },
		// A cell starting with = + - @ (or tab/CR) is a formula to a spreadsheet (CSV injection): a leading '
		// makes it text there, and the importer drops that ' again (text-import.ts).
		{ newline: '\r\n', escapeFormulae: true }
	)}\r\n`;
	return {
		fileName: `${deckFileHead(deck).id}.csv`,
		mime: 'text/csv',
		text,
		notes: rows.length,
		splitTemplated,
		problems: []
	};
}
