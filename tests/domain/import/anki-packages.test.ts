import { describe, expect, it } from 'vitest';
import { cardOrdinals, renderCard } from '$lib/domain/card-render';
import { parseImport } from '$lib/domain/import/parse-import';
import type { ImportedCollection, ImportedNote } from '$lib/domain/import/import-model';
import { ankiFixture, collectionOf, loadSql } from './anki-builders';

const parse = (name: string) => parseImport(ankiFixture(name), { fileName: name });
const cardCount = (n: ImportedNote) => cardOrdinals(n.kind, n.fields).length;

describe('real Anki packages (../shared/fixtures/anki)', () => {
	it.each([
		'update1.apkg',
		'update2.apkg',
		'update3.apkg',
		'media.apkg',
		'diffmodels2-1.apkg',
		'diffmodels2-2.apkg',
		'diffmodeltemplates-1.apkg',
		'diffmodeltemplates-2.apkg',
		'templates.apkg'
	])('%s parses into notes with at least one card each', async (name) => {
		const col = await parse(name);
		expect(col.format).toBe('apkg-anki2');
		expect(col.notes.length).toBeGreaterThan(0);
		for (const n of col.notes) expect(cardCount(n), n.key).toBeGreaterThan(0);
	});

	it('update1 → update2 → update3 keep the one note under its GUID while its text changes', async () => {
		const versions: ImportedCollection[] = [];
		for (const f of ['update1.apkg', 'update2.apkg', 'update3.apkg']) versions.push(await parse(f));
		for (const v of versions) expect(v.notes).toHaveLength(1);
		const keys = versions.map((v) => v.notes[0]!.key);
		expect(new Set(keys)).toEqual(new Set(['cU1%zNUzk1']));
		expect(versions[0]!.notes[0]!.fields).toEqual({ front: 'hello', back: 'world' });
		expect(versions[2]!.notes[0]!.fields).toEqual({ front: 'goodbye', back: 'world' });
		expect(versions.map((v) => v.notes[0]!.kind)).toEqual(['basic', 'basic', 'basic']);
	});

	it('media.apkg keeps its sound reference and the media file it names', async () => {
		const col = await parse('media.apkg');
		expect(col.notes[0]!.fields.front).toBe('[sound:foo.wav]');
		expect(col.media).toHaveLength(1);
		expect(col.media[0]!.name).toBe('foo.wav');
		expect(col.media[0]!.mime).toBe('audio/wav');
		expect(new TextDecoder().decode(col.media[0]!.bytes)).toBe('abc\n');
	});

	it('diffmodeltemplates carries its media files and its deck name as the title', async () => {
		const col = await parse('diffmodeltemplates-1.apkg');
		expect(col.title).toBe('testdeck');
		expect(col.media.map((m) => m.name).sort()).toEqual([
			'_IncrementalReadingExtension.dat',
			'_ViewSizeAdjustAddon.dat'
		]);
	});

	it('templates.apkg: all 48 notes, and per note type the cards Anki made (146 in all)', async () => {
		const col = await parse('templates.apkg');
		expect(col.notes).toHaveLength(48);
		expect(col.title).toBe('1-TEMPLATES');
		// The oracle: the cards table of the same file, read independently.
		const SQL = await loadSql();
		const db = new SQL.Database(collectionOf(ankiFixture('templates.apkg')));
		const models = JSON.parse(String(db.exec('SELECT models FROM col')[0]!.values[0]![0])) as Record<
			string,
			{ name: string }
		>;
		const fileCounts: Record<string, number> = {};
		for (const [mid, count] of db.exec(
			'SELECT n.mid, count(*) FROM cards c JOIN notes n ON n.id = c.nid GROUP BY n.mid'
		)[0]!.values) {
			fileCounts[models[String(mid)]!.name] = Number(count);
		}
		db.close();
		const ours: Record<string, number> = {};
		for (const n of col.notes) ours[n.noteType!] = (ours[n.noteType!] ?? 0) + cardCount(n);
		expect(ours).toEqual(fileCounts);
		expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBe(146);
		// Two of them are Anki "empty cards" (cloze c2 of NestedClozeTest, c6 of TypingClozeTest: no field holds
		// those numbers any more). Kept as Anki keeps them, with Anki's notice on the card, and reported.
		expect(col.warnings.map((w) => w.message)).toEqual([
			expect.stringMatching(/j%P1j`Jh4z: card 2 has no cloze/),
			expect.stringMatching(/zrACgABkRP: card 6 has no cloze/)
		]);
		const nested = col.notes.find((n) => n.key === 'j%P1j`Jh4z')!;
		expect(nested.fields.q2).toContain('No cloze 2 found on this card');
		const kinds = new Set(col.notes.map((n) => n.kind));
		expect(kinds).toEqual(new Set(['templated']));
	});

	it('templates.apkg renders sub-decks, tags, conditionals, hints and clozes through the templates', async () => {
		const col = await parse('templates.apkg');
		const byType = (t: string) => col.notes.filter((n) => n.noteType === t);
		const latissimus = byType('Muscle').find((n) => n.fields.q0?.includes('Latissimus'))!;
		expect(latissimus.deckName).toBe('1-TEMPLATES::Anatomy');
		expect(latissimus.tags).toEqual(['Muscle', 'UpperEx', 'arm']);
		// {{#OIpic}}…{{/OIpic}} is empty for this muscle: Anki makes no card 6, nor do we.
		expect(Object.keys(latissimus.fields).filter((k) => k.startsWith('q'))).toEqual([
			'q0',
			'q1',
			'q2',
			'q3',
			'q4'
		]);
		expect(latissimus.fields.a2).not.toContain('Where does'); // the answer part after <hr id=answer>
		expect(renderCard('templated', latissimus.fields, 2)).toEqual({
			questionHtml: latissimus.fields.q2,
			answerHtml: latissimus.fields.a2,
			extraHtml: ''
		});
		const misc = byType('Basic-misc')[0]!;
		expect(misc.fields.q0).toContain('<details class="hint"><summary>Front</summary>');
		expect(misc.fields.q1).not.toContain('{{type:');
		expect(misc.fields.q2).toContain("The note's tags: CAPITALLETTERSFOREVERYONE IAMATAG SOAMI");
		expect(misc.fields.q2).toContain("The card's deck: 1-TEMPLATES::Misc");
		const conj = byType('Conjugations Test Multi-Cloze').find((n) => Object.keys(n.fields).length === 12)!;
		expect(conj.fields.q3).toContain('<mark class="cloze">[…]</mark>');
		expect(conj.fields.a3).toContain('<mark class="cloze">come</mark>');
		expect(conj.fields.a3).not.toContain('comes'); // {{#c2}} sections stay hidden on card 3
		const reassign = byType('reassign')[0]!;
		expect(reassign.fields.q0).toContain('<div>outside {{ inside }} outside</div>');
	});

	it('templates.apkg: the review history maps to notes and our card ordinals, in time order, without manual entries', async () => {
		const col = await parse('templates.apkg');
		expect(col.reviews.length).toBeGreaterThan(50);
		const keys = new Set(col.notes.map((n) => n.key));
		for (const r of col.reviews) {
			expect(keys.has(r.noteKey)).toBe(true);
			expect([1, 2, 3, 4]).toContain(r.rating);
			const note = col.notes.find((n) => n.key === r.noteKey)!;
			expect(cardOrdinals(note.kind, note.fields)).toContain(r.ord);
		}
		const times = col.reviews.map((r) => r.reviewedMs);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const SQL = await loadSql();
		const db = new SQL.Database(collectionOf(ankiFixture('templates.apkg')));
		const answered = Number(
			db.exec('SELECT count(*) FROM revlog WHERE ease BETWEEN 1 AND 4 AND type NOT IN (4, 5)')[0]!
				.values[0]![0]
		);
		db.close();
		expect(col.reviews.length).toBeLessThanOrEqual(answered);
		const none = await parseImport(ankiFixture('templates.apkg'), {
			fileName: 'templates.apkg',
			withReviews: false
		});
		expect(none.reviews).toEqual([]);
	});
});
