/**
 * Which Kartka note kind an Anki note type maps to. Judged from the templates, not the (localised,
 * renamable) names: Anki's stock Basic, Basic (and reversed card), Basic (optional reversed card),
 * Basic (type in the answer) and Cloze map to our kinds; anything else is rendered through its
 * templates ('templated').
 */
import type { AnkiNotetype } from './anki-collection';

export type NotetypePlan =
	| { kind: 'basic'; front: number; back: number }
	| { kind: 'reversible'; front: number; back: number }
	| { kind: 'optional-reversed'; front: number; back: number; addReverse: number }
	| { kind: 'cloze'; text: number; extra?: number }
	| { kind: 'templated' };

/** Whitespace, quotes and case do not matter; the type-in box is dropped anyway. */
function norm(s: string): string {
	return s
		.replace(/\{\{type:[^}]*\}\}/g, '')
		.replace(/[\s"']/g, '')
		.toLowerCase();
}

const ref = (name: string) => `{{${name.replace(/[\s"']/g, '').toLowerCase()}}}`;
const HR = '<hrid=answer>';

/** Field index of a `{{Field}}` in normalised form, or -1. */
function fieldOf(normalised: string, fields: string[], prefix = ''): number {
	return fields.findIndex((f) => normalised === `{{${prefix}${norm(f)}}}`);
}

/** The front/back pair of a one-way template ({{A}} → {{FrontSide}}<hr id=answer>{{B}}, or typing). */
function oneWay(qfmt: string, afmt: string, fields: string[]): { front: number; back: number } | undefined {
	const front = fieldOf(norm(qfmt), fields);
	if (front < 0) return undefined;
	const a = norm(afmt);
	for (const lead of ['{{frontside}}', ref(fields[front]!)]) {
		if (!a.startsWith(lead + HR)) continue;
		const rest = a.slice(lead.length + HR.length);
		let back = fieldOf(rest, fields);
		if (rest === '') {
			// Basic (type in the answer): the back only appears in {{type:Back}}.
			const typed = /\{\{type:([^}]*)\}\}/.exec(afmt)?.[1]?.trim();
			back = typed === undefined ? -1 : fields.indexOf(typed);
		}
		if (back >= 0 && back !== front) return { front, back };
	}
	return undefined;
}

export function planNotetype(nt: AnkiNotetype): NotetypePlan {
	const t = [...nt.templates].sort((a, b) => a.ord - b.ord);
	if (nt.cloze) {
		if (t.length !== 1) return { kind: 'templated' };
		const text = fieldOf(norm(t[0]!.qfmt), nt.fields, 'cloze:');
		if (text < 0) return { kind: 'templated' };
		const a = norm(t[0]!.afmt);
		const lead = `{{cloze:${norm(nt.fields[text]!)}}}`;
		if (a === lead) return { kind: 'cloze', text };
		for (const sep of ['<br>', '<br/>', '']) {
			if (!a.startsWith(lead + sep)) continue;
			const extra = fieldOf(a.slice(lead.length + sep.length), nt.fields);
			if (extra >= 0 && extra !== text) return { kind: 'cloze', text, extra };
		}
		return { kind: 'templated' };
	}
	const first = t[0] && oneWay(t[0].qfmt, t[0].afmt, nt.fields);
	if (!first) return { kind: 'templated' };
	if (t.length === 1) return { kind: 'basic', ...first };
	if (t.length !== 2) return { kind: 'templated' };
	const second = oneWay(t[1]!.qfmt, t[1]!.afmt, nt.fields);
	if (second && second.front === first.back && second.back === first.front)
		return { kind: 'reversible', ...first };
	// Basic (optional reversed card): {{#Add Reverse}}{{Back}}{{/Add Reverse}}
	const q = norm(t[1]!.qfmt);
	const m = /^\{\{#([^}]+)\}\}(\{\{[^}]+\}\})\{\{\/\1\}\}$/.exec(q);
	if (m) {
		const addReverse = nt.fields.findIndex((f) => norm(f) === m[1]);
		const shown = fieldOf(m[2]!, nt.fields);
		const reverse = oneWay(`{{${nt.fields[shown] ?? ''}}}`, t[1]!.afmt, nt.fields);
		if (addReverse >= 0 && shown === first.back && reverse?.back === first.front) {
			return { kind: 'optional-reversed', ...first, addReverse };
		}
	}
	return { kind: 'templated' };
}
