/** Facts that work together: events with dates to put in order, and short pairs to match. Pure. */
import { analyze, monthName, type ValueToken } from './answer-tokens';
import { looksLikeName } from './answer-shape';
import { ANSWER_SLOT, type Fact } from './facts';
import { foldText } from './plain-text';
import type { Rng } from './prng';

export interface DatedItem {
	fact: Fact;
	label: string;
	date: string;
	/** The span the date covers, as [first, last] day-ish numbers, to know two dates are surely in order. */
	span: [number, number];
}

const DATE_SHAPES = new Set(['year', 'decade', 'month-year', 'day-date', 'month-day']);
const PART: Record<string, [number, number]> = { early: [0, 0.35], mid: [0.3, 0.7], late: [0.65, 1] };

function dayNumber(y: number, m: number, d: number): number {
	return y * 372 + (m - 1) * 31 + (d - 1);
}

/** The span of a date value; "early"/"mid"/"late" narrow a year or a decade. */
export function dateSpan(value: ValueToken, words: string[]): [number, number] | null {
	const part = PART[words.find((w) => w in PART) ?? ''] ?? [0, 1];
	if (value.type === 'decade') {
		const [a, b] = [value.y + Math.floor(part[0] * 10), value.y + Math.min(9, Math.floor(part[1] * 10))];
		return [dayNumber(a, 1, 1), dayNumber(b, 12, 31)];
	}
	if (value.type !== 'date' || value.y === undefined || value.alt) return null;
	if (value.m === undefined) {
		const [a, b] = [1 + Math.floor(part[0] * 11), 1 + Math.ceil(part[1] * 11)];
		return [dayNumber(value.y, a, 1), dayNumber(value.y, b, 31)];
	}
	if (value.d === undefined) return [dayNumber(value.y, value.m, 1), dayNumber(value.y, value.m, 31)];
	const day = dayNumber(value.y, value.m, value.d);
	return [day, day];
}

/** A date value as people write it: "1994", "mid-1990s", "June 2014", "January 1, 2016". */
function formatDate(value: ValueToken, words: string[]): string {
	const part = words.find((w) => w in PART);
	if (value.type === 'decade') return `${part ? `${part}-` : ''}${value.y}s`;
	if (value.type !== 'date') return '';
	const prefix = part ? `${part} ` : '';
	if (value.m === undefined) return `${prefix}${value.y ?? ''}`;
	const month = monthName(value.m);
	if (value.d === undefined) return `${month} ${value.y ?? ''}`.trim();
	return value.y === undefined ? `${month} ${value.d}` : `${month} ${value.d}, ${value.y}`;
}

/** "In …, Belarus agreed…" → "Belarus agreed…"; "…with the EU in …." → "…with the EU." */
function eventLabel(template: string): string {
	let text = template.replace(ANSWER_SLOT, '…');
	text = text.replace(/^(in|on|by|since|during|from)\s+…\s*,?\s*/i, '');
	text = text.replace(/\s+(in|on|by|during)(\s+the)?\s+…(?=[.!?]?$)/i, '');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function datedItem(fact: Fact): DatedItem | null {
	if (DATE_SHAPES.has(fact.shape)) {
		const a = analyze(fact.answer);
		const span = a.values[0] ? dateSpan(a.values[0], a.words) : null;
		if (!span) return null;
		return { fact, label: fact.template ? eventLabel(fact.template) : fact.prompt, date: fact.answer, span };
	}
	// "What did Poroshenko ratify in June 2014?" → "Ukraine's association agreement…" dated June 2014.
	if (fact.isCloze || fact.answer.length > 110) return null;
	const a = analyze(fact.prompt);
	const dates = a.values.filter((v) => v.type === 'date' || v.type === 'decade');
	if (dates.length !== 1 || a.values.length !== 1) return null;
	const span = dateSpan(dates[0]!, a.words);
	return span ? { fact, label: fact.answer, date: formatDate(dates[0]!, a.words), span } : null;
}

/** Four items whose dates are surely in order (their spans do not overlap), from different notes. */
export function pickOrderingItems(
	items: readonly DatedItem[],
	rng: Rng,
	usedNotes: ReadonlySet<string>,
	size = 4
): DatedItem[] | null {
	const chosen: DatedItem[] = [];
	const labels = new Set<string>();
	// Clozes give whole sentences ("Lukashenka gave staunch support to Gaddafi."): the best labels.
	const ranked = rng.shuffle(items).sort((a, b) => Number(b.fact.isCloze) - Number(a.fact.isCloze));
	for (const item of ranked) {
		if (usedNotes.has(item.fact.noteId) || chosen.some((c) => c.fact.noteId === item.fact.noteId)) continue;
		if (labels.has(foldText(item.label))) continue;
		if (chosen.some((c) => !(c.span[1] < item.span[0] || item.span[1] < c.span[0]))) continue;
		chosen.push(item);
		labels.add(foldText(item.label));
		if (chosen.length === size) return chosen;
	}
	return null;
}

const MATCH_PROMPT_MAX = 110;
const MATCH_ANSWER_MAX = 120;

/** Four facts of one category with short, distinct prompts and answers, from different notes. */
export function pickMatchingFacts(
	facts: readonly Fact[],
	rng: Rng,
	usedNotes: ReadonlySet<string>,
	size = 4
): Fact[] | null {
	const eligible = facts.filter(
		(f) =>
			!usedNotes.has(f.noteId) &&
			f.answerParts.length === 1 &&
			!f.isCloze &&
			f.prompt.length <= MATCH_PROMPT_MAX &&
			f.answer.length <= MATCH_ANSWER_MAX
	);
	const byGroup = new Map<string, Fact[]>();
	for (const f of eligible) {
		// Names with names ("actors to their roles"), questions with questions.
		const key = `${f.category}:${looksLikeName(f.prompt) ? 'name' : 'question'}`;
		byGroup.set(key, [...(byGroup.get(key) ?? []), f]);
	}
	const groups = rng
		.shuffle([...byGroup.values()].filter((g) => g.length >= size))
		.sort((a, b) => namesFirst(b) - namesFirst(a));
	for (const group of groups) {
		const chosen: Fact[] = [];
		for (const f of rng.shuffle(group)) {
			const clash = chosen.some(
				(c) =>
					c.noteId === f.noteId ||
					foldText(c.prompt) === foldText(f.prompt) ||
					foldText(c.answer) === foldText(f.answer)
			);
			if (!clash) chosen.push(f);
			if (chosen.length === size) return chosen;
		}
	}
	return null;
}

function namesFirst(group: Fact[]): number {
	return looksLikeName(group[0]!.prompt) ? 1 : 0;
}
