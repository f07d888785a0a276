/**
 * Issue 12, the hostile-input corpus: inputs built to exhaust memory or time. Each must end with a clear
 * ImportError (the parser is pure: a refusal writes nothing). Time is bounded by counting steps or with a
 * fake clock, never by timing this machine. Before the fixes, the zstd bomb unpacked, the recursive view and
 * the `<hr`/`<img` fields never finished, and the huge entity threw a RangeError.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '$lib/domain/exam/plain-text';
import { findAnswerRule, replaceImages, stripTags, type ScanCounter } from '$lib/domain/import/html-scan';
import { importLimitsFor } from '$lib/domain/import/import-limits';
import { ImportError } from '$lib/domain/import/import-model';
import { parseImport, parseImportText } from '$lib/domain/import/parse-import';
import { unzipSync } from 'fflate';
import {
	ankiFixture,
	buildAnki21b,
	collectionOf,
	loadSql,
	mediaEntries,
	toModernSchema,
	zip,
	zstd
} from './anki-builders';

const MB = 1024 * 1024;

async function refusal(run: () => Promise<unknown> | unknown): Promise<ImportError> {
	const outcome = await Promise.resolve()
		.then(run)
		.then(
			() => new Error('accepted'),
			(e: unknown) => e
		);
	if (!(outcome instanceof ImportError)) throw outcome;
	return outcome;
}

/**
 * A zstd frame of `bytes` zeros made of RLE blocks (4 bytes per 128 KB): a few KB that expand to any size.
 * `declared`: the frame header states the size (else the decoder only learns it by unpacking).
 */
function rleZstd(bytes: number, declared: boolean): Uint8Array {
	const out: number[] = [0x28, 0xb5, 0x2f, 0xfd];
	if (declared)
		out.push(0xa0, bytes & 0xff, (bytes >>> 8) & 0xff, (bytes >>> 16) & 0xff, (bytes >>> 24) & 0xff);
	else out.push(0x00, 7 << 3); // no size, a 128 KB window
	const BLOCK = 128 * 1024;
	for (let left = bytes; left > 0; left -= BLOCK) {
		const size = Math.min(BLOCK, left);
		const last = left <= BLOCK ? 1 : 0;
		const header = (size << 3) | (1 << 1) | last; // type 1 = RLE
		out.push(header & 0xff, (header >>> 8) & 0xff, (header >>> 16) & 0xff, 0);
	}
	return new Uint8Array(out);
}

/** An anki21b package whose media files are the given zstd frames. */
async function mediaBomb(frames: Uint8Array[]): Promise<Uint8Array> {
	const pkg = await buildAnki21b({ collection: collectionOf(ankiFixture('update1.apkg')) });
	const entries: Record<string, Uint8Array> = unzipSync(pkg);
	entries.media = await zstd(mediaEntries(frames.map((_f, i) => ({ name: `m${i}.png`, size: 1 }))));
	for (const [i, f] of frames.entries()) entries[String(i)] = f;
	return zip(entries, 6);
}

describe('device limits', () => {
	it('phones get a smaller byte budget; desktops (or no deviceMemory) the full one', () => {
		expect(importLimitsFor(undefined).maxUncompressedBytes).toBe(512 * MB);
		expect(importLimitsFor(8).maxUncompressedBytes).toBe(512 * MB);
		expect(importLimitsFor(2).maxUncompressedBytes).toBe(256 * MB);
		expect(importLimitsFor(1).maxUncompressedBytes).toBe(128 * MB);
		expect(importLimitsFor(0.5).maxUncompressedBytes).toBe(64 * MB);
		expect(importLimitsFor(0.5).maxFileBytes).toBeLessThan(importLimitsFor(undefined).maxFileBytes);
	});
});

describe('zstd media bomb', () => {
	it('one budget across all media files: two 40 MB files do not fit a 64 MB phone budget', async () => {
		const pkg = await mediaBomb([rleZstd(40 * MB, true), rleZstd(40 * MB, true)]);
		expect(pkg.length).toBeLessThan(64 * 1024);
		const err = await refusal(() => parseImport(pkg, { fileName: 'bomb.apkg', deviceMemoryGb: 0.5 }));
		expect(err.code).toBe('zip-bomb');
		expect(err.message).toMatch(/The media file "m1\.png"|more than 64/);
	});

	it('a frame that does not declare its size is stopped while unpacking, at the budget', async () => {
		const pkg = await mediaBomb([rleZstd(100 * MB, false)]);
		const err = await refusal(() => parseImport(pkg, { fileName: 'bomb.apkg', deviceMemoryGb: 0.5 }));
		expect(err.code).toBe('zip-bomb');
		expect(err.message).toContain('m0.png');
	});

	it('a second frame hidden behind a small declared one is counted too', async () => {
		const two = new Uint8Array([...rleZstd(1024, true), ...rleZstd(100 * MB, true)]);
		const pkg = await mediaBomb([two]);
		const err = await refusal(() => parseImport(pkg, { fileName: 'bomb.apkg', deviceMemoryGb: 0.5 }));
		expect(err.code).toBe('zip-bomb');
	});
});

describe('SQLite that runs queries of its own', () => {
	async function modernWith(sql: string): Promise<Uint8Array> {
		const SQL = await loadSql();
		const db = new SQL.Database(await toModernSchema(collectionOf(ankiFixture('templates.apkg'))));
		db.run('PRAGMA writable_schema = ON');
		db.run(`UPDATE sqlite_master SET sql = replace(sql, 'unicase', 'nocase')`);
		db.run('PRAGMA writable_schema = OFF');
		db.run(sql);
		const out = db.export();
		db.close();
		return buildAnki21b({ collection: out });
	}

	it('a recursive view named "fields" is refused before it is read (it would never end)', async () => {
		const pkg = await modernWith(`DROP TABLE fields;
			CREATE VIEW fields AS WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r)
			SELECT 1 AS ntid, n AS ord, 'F' AS name, x'' AS config FROM r ORDER BY n DESC`);
		const err = await refusal(() => parseImport(pkg, { fileName: 'view.apkg' }));
		expect(err.code).toBe('sqlite-view');
		expect(err.message).toContain('"fields" is a view');
	});

	it('views named revlog or templates are refused the same way', async () => {
		for (const name of ['templates', 'revlog']) {
			const pkg = await modernWith(`DROP TABLE ${name}; CREATE VIEW ${name} AS SELECT * FROM notes`);
			expect((await refusal(() => parseImport(pkg, { fileName: 'v.apkg' }))).code).toBe('sqlite-view');
		}
	});

	it('a notes table with a computed column is refused', async () => {
		const pkg = await modernWith(
			`ALTER TABLE notes ADD COLUMN big TEXT GENERATED ALWAYS AS (printf('%.*c', 100000000, 'x')) VIRTUAL`
		);
		expect((await refusal(() => parseImport(pkg, { fileName: 'g.apkg' }))).code).toBe('sqlite-view');
	});
});

describe('fields built to make regexes backtrack', () => {
	const N = 160_000;
	const counted = (n: number, run: (c: ScanCounter) => void) => {
		const c: ScanCounter = { steps: 0 };
		run(c);
		expect(c.steps).toBeLessThanOrEqual(2 * n);
		return c.steps;
	};

	it('scans a 160 k-character `<hr id=answer` field (no `>`) in linear steps', () => {
		const field = '<hr id=answer '.repeat(Math.ceil(N / 14)).slice(0, N);
		counted(field.length, (c) => expect(findAnswerRule(field, c)).toBeUndefined());
		counted(field.length, (c) => expect(stripTags(field, '', c)).toBe(field));
		const closed = `${field}>after`;
		expect(findAnswerRule(closed)).toEqual([0, closed.length - 5]);
	});

	it('scans `<hr<hr<hr…` and `<img src=a <img src=a …` in linear steps', () => {
		counted(N, (c) => stripTags('<hr'.repeat(N / 3), ' ', c));
		const imgs = '<img src=a '.repeat(Math.ceil(N / 11));
		counted(imgs.length, (c) => expect(replaceImages(imgs, (s) => `[${s}]`, c)).toBe(imgs));
		expect(replaceImages('x<img alt="" src="p.png">y', (s) => `[${s}]`)).toBe('x[p.png]y');
	});

	it('imports an Anki package whose fields are 160 k characters of `<hr id=answer` without `>`', async () => {
		const SQL = await loadSql();
		const db = new SQL.Database(collectionOf(ankiFixture('templates.apkg')));
		const hostile = '<hr id=answer '.repeat(Math.ceil(N / 14)).slice(0, N);
		db.run(`UPDATE notes SET flds = ? || char(31) || ? WHERE id = (SELECT min(id) FROM notes)`, [
			hostile,
			hostile
		]);
		const pkg = zip({ 'collection.anki2': db.export(), media: new TextEncoder().encode('{}') });
		db.close();
		const col = await parseImport(pkg, { fileName: 'hr.apkg' });
		expect(col.notes.length).toBeGreaterThan(0);
	});

	it('a CSV whose front is 160 k characters of `<img src=a` gets its key without backtracking', () => {
		const front = '<img src=a '.repeat(Math.ceil(N / 11));
		const col = parseImportText(`front,back\n"${front}",b\n`, { fileName: 'img.csv' });
		expect(col.notes[0]!.key).toMatch(/^h-/);
	});
});

describe('HTML entities', () => {
	it('beyond U+10FFFF, surrogate halves and absurdly long numbers stay as written', () => {
		expect(htmlToText('a &#1114112; b')).toBe('a &#1114112; b');
		expect(htmlToText('&#x110000;&#xD800;&#55296;')).toBe('&#x110000;&#xD800;&#55296;');
		expect(htmlToText(`&#${'9'.repeat(400)};`)).toBe(`&#${'9'.repeat(400)};`);
		expect(htmlToText('&#x1F600; &#233; &amp;')).toBe('😀 é &');
	});
});

describe('time budget (fake clock)', () => {
	it('a parse that runs past its budget stops with a message, wherever it is', async () => {
		let nowMs = 0;
		const clockMs = () => (nowMs += 1000); // every check costs "one second"
		const rows = Array.from({ length: 50_000 }, (_v, i) => `q${i},a${i}`).join('\n');
		const err = await refusal(() =>
			parseImport(new TextEncoder().encode(`front,back\n${rows}\n`), {
				fileName: 'slow.csv',
				clockMs,
				timeBudgetMs: 30_000
			})
		);
		expect(err.code).toBe('too-slow');
		expect(err.message).toMatch(/took longer than 30 s.*Nothing was imported/);
		// It stopped soon after the budget: about one check per fake second.
		expect(nowMs).toBeLessThanOrEqual(40_000);
	});

	it('an Anki package is stopped the same way', async () => {
		let nowMs = 0;
		const err = await refusal(() =>
			parseImport(ankiFixture('templates.apkg'), {
				fileName: 'templates.apkg',
				clockMs: () => (nowMs += 1000),
				timeBudgetMs: 2_000
			})
		);
		expect(err.code).toBe('too-slow');
	});
});
