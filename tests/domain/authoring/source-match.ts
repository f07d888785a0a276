/** Helpers for the authoring quality tests: where a quote sits in the text, recall/precision tables. */
import type { Candidate, CandidateKind, ExtractionResult } from '$lib/domain/authoring/authoring-model';

/** [start, end) of `excerpt` in `text`, matching whitespace loosely; undefined when absent. */
export function locate(text: string, excerpt: string): [number, number] | undefined {
	const words = excerpt
		.trim()
		.split(/\s+/)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const m = new RegExp(words.join('\\s+')).exec(text);
	return m ? [m.index, m.index + m[0].length] : undefined;
}

/** Indexes of the sentences that overlap [start, end). */
export function sentencesOf(result: ExtractionResult, range: [number, number]): number[] {
	return result.sentences.filter((s) => s.start < range[1] && range[0] < s.end).map((s) => s.index);
}

export function hiddenParts(c: Candidate): string[] {
	if (c.note.kind !== 'cloze') return [];
	return [...c.note.text.matchAll(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g)].map((m) => m[1]!);
}

export interface KindScore {
	kind: CandidateKind;
	expected: number;
	found: number;
	recall: number;
}

export function table(rows: Array<Record<string, string | number>>): string {
	return rows
		.map((r) =>
			Object.entries(r)
				.map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : v}`)
				.join('  ')
		)
		.join('\n');
}
