/**
 * The malformed-input corpus (tests/fixtures/import/malformed, made by tests/fixtures/make-fixtures.ts)
 * plus inputs too big to commit: each must be refused with its own ImportError code and a message that
 * names what is wrong. (That refusals write nothing is tested by the import service on the same corpus.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, ImportError } from '$lib/domain/import/import-model';
import { parseImport } from '$lib/domain/import/parse-import';
import { ankiFixture, collectionOf, loadSql, zip } from './anki-builders';

const DIR = 'tests/fixtures/import/malformed';
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as {
	file: string;
	code: string;
	mentions: string;
	what: string;
}[];

async function refusal(bytes: Uint8Array, fileName: string): Promise<ImportError> {
	const outcome = await parseImport(bytes, { fileName }).then(
		(c) => new Error(`accepted with ${c.notes.length} notes`),
		(e: unknown) => e
	);
	if (!(outcome instanceof ImportError)) throw outcome;
	return outcome;
}

describe('malformed inputs: a specific code and message each', () => {
	it('the corpus holds at least 30 inputs and covers every promised code', () => {
		expect(manifest.length).toBeGreaterThanOrEqual(30);
		const codes = new Set(manifest.map((m) => m.code));
		for (const c of [
			'zip-truncated',
			'zip-bomb',
			'not-a-zip',
			'sqlite-corrupt',
			'no-collection',
			'empty-file',
			'binary-as-text',
			'unbalanced-quotes',
			'json-invalid',
			'deck-schema',
			'duplicate-note-ids'
		]) {
			expect(codes).toContain(c);
		}
	});

	it.each(manifest.map((m) => [m.file, m.what, m] as const))('%s (%s)', async (file, _what, m) => {
		const err = await refusal(new Uint8Array(readFileSync(`${DIR}/${file}`)), file);
		expect(err.code).toBe(m.code);
		expect(err.message).toContain(m.mentions);
	});

	it('every refusal reads differently (messages name the file and the fault)', async () => {
		const messages = new Set<string>();
		for (const m of manifest)
			messages.add((await refusal(new Uint8Array(readFileSync(`${DIR}/${m.file}`)), m.file)).message);
		expect(messages.size).toBe(manifest.length);
	});
});

describe('inputs generated here (too big to commit)', () => {
	it('a CSV with a 5 MB field', async () => {
		const big = 'x'.repeat(5 * 1024 * 1024);
		const err = await refusal(
			new TextEncoder().encode(`front,back\nsmall,fine\nhuge,"${big}"\n`),
			'big-field.csv'
		);
		expect(err.code).toBe('field-too-large');
		expect(err.message).toMatch(/Line 3, column 2 holds 5\.0 MB/);
	});

	it('an Anki note with a field over the limit', async () => {
		const SQL = await loadSql();
		const db = new SQL.Database(collectionOf(ankiFixture('update1.apkg')));
		// Incompressible text, so that the zip ratio check does not fire first.
		let x = 1;
		const field = Array.from({ length: IMPORT_LIMITS.maxFieldBytes + 10 }, () =>
			String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26))
		).join('');
		db.run('UPDATE notes SET flds = ?', [`${field}\x1fback`]);
		const apkg = zip({ 'collection.anki2': db.export(), media: new TextEncoder().encode('{}') });
		db.close();
		const err = await refusal(apkg, 'long.apkg');
		expect(err.code).toBe('field-too-large');
		expect(err.message).toMatch(/field "Front" is 1\.0 MB/);
	});

	it('a real zip bomb: 20 MB of zeros compressed ~1000×', async () => {
		const bomb = zip({
			'collection.anki2': new Uint8Array(20 * 1024 * 1024),
			media: new TextEncoder().encode('{}')
		});
		expect(bomb.length).toBeLessThan(100 * 1024);
		const err = await refusal(bomb, 'bomb.apkg');
		expect(err.code).toBe('zip-bomb');
		expect(err.message).toMatch(/would expand \d+×/);
	});

	it('a zip with more entries than media files allowed', async () => {
		const entries: Record<string, Uint8Array> = {
			'collection.anki2': collectionOf(ankiFixture('update1.apkg'))
		};
		for (let i = 0; i <= IMPORT_LIMITS.maxMediaFiles + 16; i++) entries[String(i)] = new Uint8Array(1);
		const err = await refusal(zip(entries, 0), 'many.apkg');
		expect(err.code).toBe('zip-too-many-files');
	});

	it('a file over the size limit is refused before it is read', async () => {
		const huge = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1);
		const err = await refusal(huge, 'huge.csv');
		expect(err.code).toBe('file-too-large');
	});
});
