/**
 * Anki notes → ImportedNote: stock note types become basic/reversible/cloze notes, every other note type
 * is rendered through its templates into per-card question/answer HTML ('templated'). Also turns the
 * revlog into ImportedReview rows keyed by note GUID and OUR card ordinal.
 */
import type { AnkiCollection, AnkiNoteRow, AnkiNotetype } from './anki-collection';
import { clozeNumbersIn } from './anki-cloze';
import { planNotetype, type NotetypePlan } from './anki-notetype';
import { clozeFieldsOf, parseTemplate, renderTemplate } from './anki-template';
import { findAnswerRule } from './html-scan';
import {
	IMPORT_LIMITS,
	ImportError,
	type ImportedNote,
	type ImportedReview,
	type ImportWarning
} from './import-model';
import type { ParseContext } from './parse-context';
import { mb } from './zstd';

type Parsed = ReturnType<typeof parseTemplate>;

interface TypeInfo {
	nt: AnkiNotetype;
	plan: NotetypePlan;
	templates: { ord: number; name: string; q: Parsed; a: Parsed }[];
	clozeFields: string[];
}

const NESTED_CLOZE = /\{\{c\d+::(?:(?!\}\})[\s\S])*?\{\{c\d+::/;

/** The part of a rendered answer after Anki's `<hr id=answer>` (Kartka shows the question above it). */
function answerPart(answer: string, question: string): string {
	// A linear scan, not a regex: /<hr[^>]*\bid=answer[^>]*>/ is cubic on a field of `<hr id=answer` without `>`.
	const rule = findAnswerRule(answer);
	if (rule) return answer.slice(rule[1]).trim();
	const trimmed = answer.trimStart();
	return question && trimmed.startsWith(question) ? trimmed.slice(question.length).trim() : answer.trim();
}

function typeInfo(nt: AnkiNotetype): TypeInfo {
	const templates = nt.templates.map((t) => ({
		ord: t.ord,
		name: t.name,
		q: parseTemplate(t.qfmt),
		a: parseTemplate(t.afmt)
	}));
	const clozeFields = nt.cloze ? [...new Set(templates.flatMap((t) => clozeFieldsOf(t.q)))] : [];
	return { nt, plan: planNotetype(nt), templates, clozeFields };
}

interface NoteContext {
	row: AnkiNoteRow;
	info: TypeInfo;
	deckName: string;
	/** Anki card ordinals present in the file for this note. */
	fileOrds: number[];
}

/** Renders each card; keeps those whose question shows some note field. Returns fields and Anki-ord → our-ord. */
function renderTemplated(
	c: NoteContext,
	warnings: ImportWarning[]
): { fields: Record<string, string>; ords: Map<number, number> } {
	const { nt, templates, clozeFields } = c.info;
	const values = new Map(nt.fields.map((name, i) => [name, c.row.fields[i] ?? '']));
	const special = new Map([
		['Tags', c.row.tags.join(' ')],
		['Type', nt.name],
		['Deck', c.deckName],
		['Subdeck', c.deckName.split('::').pop() ?? ''],
		['CardFlag', '']
	]);
	const fields: Record<string, string> = {};
	const ords = new Map<number, number>();
	const present = nt.cloze ? clozeFields.flatMap((f) => clozeNumbersIn(values.get(f) ?? '')) : [];
	const candidates = c.fileOrds.length
		? c.fileOrds
		: nt.cloze
			? [...new Set(present)].map((n) => n - 1)
			: templates.map((t) => t.ord);
	for (const ankiOrd of candidates) {
		const tpl = nt.cloze ? templates[0] : templates.find((t) => t.ord === ankiOrd);
		if (!tpl) continue;
		const cloze = nt.cloze ? ankiOrd + 1 : undefined;
		const cardSpecial = new Map([...special, ['Card', tpl.name]]);
		const q = renderTemplate(tpl.q, { fields: values, special: cardSpecial, cloze, reveal: false });
		if (!q.nonEmpty) {
			if (c.fileOrds.length)
				warnings.push({
					message: `Note ${c.row.guid}: card "${tpl.name}" has an empty front and was skipped.`
				});
			continue;
		}
		if (cloze !== undefined && !present.includes(cloze)) {
			// An Anki "empty card": the package has it (with its history) but no field holds this cloze
			// number any more. Kept, as Anki keeps it, with the notice Anki shows on it.
			warnings.push({
				message: `Note ${c.row.guid}: card ${cloze} has no cloze {{c${cloze}::…}} any more (an Anki "empty card"); it was kept with a notice.`
			});
			q.html += `<p class="anki-empty-card">No cloze ${cloze} found on this card. Add a cloze deletion to the note, or delete the card.</p>`;
		}
		cardSpecial.set('FrontSide', q.html);
		const a = renderTemplate(tpl.a, { fields: values, special: cardSpecial, cloze, reveal: true });
		const ord = cloze ?? ankiOrd;
		fields[`q${ord}`] = q.html.trim();
		fields[`a${ord}`] = answerPart(a.html, q.html.trim());
		ords.set(ankiOrd, ord);
	}
	return { fields, ords };
}

/**
 * Fields named "Source" and "Explanation" (as in Kartka's own .apkg export) come back as the note's
 * source quote and explanation, as plain text, so a deck survives a round trip through Anki.
 */
function quoteFields(c: NoteContext): { sourceQuote?: string; explanation?: string } {
	const named = (name: string) => {
		const i = c.info.nt.fields.findIndex((f) => f.trim().toLowerCase() === name);
		const value = i < 0 ? '' : (c.row.fields[i] ?? '').replace(/<[^>]*>/g, '').trim();
		return value || undefined;
	};
	const sourceQuote = named('source');
	const explanation = named('explanation');
	return { ...(sourceQuote ? { sourceQuote } : {}), ...(explanation ? { explanation } : {}) };
}

function buildNote(
	c: NoteContext,
	warnings: ImportWarning[]
): { note: ImportedNote; ords: Map<number, number> } | undefined {
	const f = (i: number | undefined) => (i === undefined ? '' : (c.row.fields[i] ?? ''));
	const plan = c.info.plan;
	const base = {
		key: c.row.guid,
		tags: c.row.tags,
		deckName: c.deckName,
		noteType: c.info.nt.name,
		...quoteFields(c)
	};
	const identity = (ords: number[]) => new Map(ords.map((o) => [o, o]));
	if (plan.kind === 'basic' || plan.kind === 'reversible' || plan.kind === 'optional-reversed') {
		const front = f(plan.front);
		const back = f(plan.back);
		const reversed =
			plan.kind === 'reversible'
				? back.trim() !== ''
				: plan.kind === 'optional-reversed' && f(plan.addReverse).trim() !== '';
		const kind = reversed ? 'reversible' : 'basic';
		return { note: { ...base, kind, fields: { front, back } }, ords: identity(reversed ? [0, 1] : [0]) };
	}
	if (plan.kind === 'cloze' && !NESTED_CLOZE.test(f(plan.text))) {
		const text = f(plan.text);
		const numbers = clozeNumbersIn(text);
		if (numbers.length === 0) {
			warnings.push({
				message: `Note ${c.row.guid} (${c.info.nt.name}) has no cloze deletion and was skipped.`
			});
			return undefined;
		}
		const fields = { text, extra: f(plan.extra) };
		return { note: { ...base, kind: 'cloze', fields }, ords: new Map(numbers.map((n) => [n - 1, n])) };
	}
	const { fields, ords } = renderTemplated(c, warnings);
	if (ords.size === 0) {
		warnings.push({
			message: `Note ${c.row.guid} (${c.info.nt.name}) renders no card with a non-empty front and was skipped.`
		});
		return undefined;
	}
	return { note: { ...base, kind: 'templated', fields }, ords };
}

export interface AnkiNotesResult {
	notes: ImportedNote[];
	reviews: ImportedReview[];
	warnings: ImportWarning[];
	/** The most used top-level deck. */
	topDeck?: string;
}

export function buildAnkiNotes(col: AnkiCollection, ctx: ParseContext, from = 0, to = 1): AnkiNotesResult {
	const warnings: ImportWarning[] = [];
	const infos = new Map<number, TypeInfo>();
	const cardsByNote = new Map<number, { ord: number; did: number; id: number }[]>();
	for (const card of col.cards) {
		const list = cardsByNote.get(card.nid) ?? [];
		list.push(card);
		cardsByNote.set(card.nid, list);
	}
	const notes: ImportedNote[] = [];
	const cardTarget = new Map<number, { key: string; ord: number }>();
	const seenGuids = new Set<string>();
	const topDecks = new Map<string, number>();
	col.notes.forEach((row, i) => {
		if (i % 500 === 0) ctx.step(from + ((to - from) * i) / Math.max(1, col.notes.length), 'Reading notes');
		const nt = col.notetypes.get(row.mid);
		if (!nt) {
			warnings.push({
				message: `Note ${row.guid} uses a note type missing from the package and was skipped.`
			});
			return;
		}
		for (const [fi, value] of row.fields.entries()) {
			if (value.length > IMPORT_LIMITS.maxFieldBytes) {
				throw new ImportError(
					'field-too-large',
					`Note ${row.guid}, field "${nt.fields[fi] ?? fi + 1}" is ${mb(value.length)}; a field may hold at most ${mb(IMPORT_LIMITS.maxFieldBytes)}.`
				);
			}
		}
		if (seenGuids.has(row.guid)) {
			warnings.push({
				message: `Note ${row.guid} appears twice in the package; the second copy was skipped.`
			});
			return;
		}
		seenGuids.add(row.guid);
		let info = infos.get(nt.id);
		if (!info) infos.set(nt.id, (info = typeInfo(nt)));
		// Lowest ordinal first: the first card's deck is the note's deck.
		const cards = (cardsByNote.get(row.id) ?? []).sort((a, b) => a.ord - b.ord);
		const deckName = col.decks.get(cards[0]?.did ?? 1) ?? 'Default';
		const built = buildNote({ row, info, deckName, fileOrds: cards.map((c) => c.ord) }, warnings);
		if (!built) return;
		notes.push(built.note);
		const top = deckName.split('::')[0]!;
		topDecks.set(top, (topDecks.get(top) ?? 0) + 1);
		for (const card of cards) {
			const ord = built.ords.get(card.ord);
			if (ord !== undefined) cardTarget.set(card.id, { key: row.guid, ord });
		}
	});
	const reviews: ImportedReview[] = [];
	for (const r of col.revlog) {
		// Manual (4) and rescheduled (5) entries are not answers; ease 0 marks them too.
		if (r.ease < 1 || r.ease > 4 || r.type === 4 || r.type === 5) continue;
		const target = cardTarget.get(r.cid);
		if (!target) continue;
		reviews.push({
			noteKey: target.key,
			ord: target.ord,
			reviewedMs: r.reviewedMs,
			rating: r.ease as 1 | 2 | 3 | 4,
			durationMs: Math.max(0, r.timeMs)
		});
	}
	const topDeck = [...topDecks.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
	return { notes, reviews, warnings, topDeck };
}
