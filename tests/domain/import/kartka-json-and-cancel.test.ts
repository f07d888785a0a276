import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/domain/import/parse-import';
import { ImportError } from '$lib/domain/import/import-model';
import { ankiFixture } from './anki-builders';

const deckBytes = () => new Uint8Array(readFileSync('decks/belarus-tilt-dates.json'));

describe('Kartka JSON decks', () => {
	it('imports a shipped deck with its id, metadata, kinds, explanations and source quotes', async () => {
		const deck = JSON.parse(new TextDecoder().decode(deckBytes())) as {
			id: string;
			title: string;
			notes: { id: string }[];
		};
		const col = await parseImport(deckBytes(), { fileName: 'belarus-tilt-dates.json' });
		expect(col).toMatchObject({
			format: 'kartka-json',
			deckId: deck.id,
			title: deck.title,
			deckMeta: { version: '1.0.0', language: 'en' }
		});
		expect(col.notes.map((n) => n.key)).toEqual(deck.notes.map((n) => n.id));
		expect(col.notes[0]).toMatchObject({
			key: 'd-1994',
			kind: 'cloze',
			tags: ['date', 'event'],
			sourceQuote: expect.stringContaining('1994 election')
		});
		expect(col.notes[1]).toMatchObject({
			kind: 'basic',
			fields: { front: expect.any(String), back: expect.any(String) },
			explanation: expect.any(String)
		});
	});

	it('sniffs JSON whatever the file is called', async () => {
		const col = await parseImport(deckBytes(), { fileName: 'download' });
		expect(col.format).toBe('kartka-json');
	});

	it('names the notes that fail the schema', async () => {
		const deck = JSON.parse(new TextDecoder().decode(deckBytes())) as { notes: Record<string, unknown>[] };
		delete deck.notes[2]!.text;
		const bytes = new TextEncoder().encode(JSON.stringify(deck));
		const err = (await parseImport(bytes, { fileName: 'd.json' }).catch((e: unknown) => e)) as ImportError;
		expect(err).toBeInstanceOf(ImportError);
		expect(err.code).toBe('deck-schema');
		expect(err.message).toContain('note "d-mid-1990s"');
	});
});

describe('cancelling', () => {
	it('refuses to start when the signal has already fired', async () => {
		const ctl = new AbortController();
		ctl.abort();
		await expect(
			parseImport(ankiFixture('templates.apkg'), { fileName: 't.apkg', signal: ctl.signal })
		).rejects.toMatchObject({ code: 'cancelled' });
	});

	it('stops mid-parse at the next stage once cancelled, for packages and for large text', async () => {
		for (const [bytes, fileName] of [
			[ankiFixture('templates.apkg'), 't.apkg'],
			[
				new TextEncoder().encode(Array.from({ length: 5000 }, (_, i) => `front ${i},back ${i}`).join('\n')),
				'big.csv'
			]
		] as const) {
			const ctl = new AbortController();
			const stages: string[] = [];
			const run = parseImport(bytes, {
				fileName,
				signal: ctl.signal,
				onProgress: (fraction, stage) => {
					stages.push(stage);
					if (fraction > 0.05) ctl.abort();
				}
			});
			await expect(run).rejects.toMatchObject({
				code: 'cancelled',
				message: expect.stringMatching(/nothing was imported/)
			});
			expect(stages.length).toBeGreaterThan(1);
		}
	});

	it('reports progress from 0 to 1', async () => {
		const seen: number[] = [];
		await parseImport(ankiFixture('templates.apkg'), { fileName: 't.apkg', onProgress: (f) => seen.push(f) });
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(1);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
	});
});
