/**
 * "Export .apkg": one deck (shipped, authored or imported) as an Anki package, with its review history
 * when asked. sql.js and its wasm load only when someone exports (dynamic import), never at start-up.
 */
import type { SqlJsStatic } from 'sql.js';
import { deckForAnki } from '$lib/db/apkg-export.repo';
import type { KartkaDB } from '$lib/db/db';
import { buildApkg } from '$lib/domain/anki-export/apkg-writer';
import { apkgNotes, apkgReviews } from '$lib/domain/anki-export/from-kartka';
import { KartkaError } from '$lib/domain/errors';

export interface ApkgFile {
	fileName: string;
	bytes: Uint8Array;
	notes: number;
	cards: number;
	reviews: number;
}

let sqlJs: Promise<SqlJsStatic> | undefined;

async function loadSqlJs(): Promise<SqlJsStatic> {
	sqlJs ??= (async () => {
		const [{ default: initSqlJs }, { default: wasmUrl }] = await Promise.all([
			import('sql.js'),
			import('sql.js/dist/sql-wasm.wasm?url')
		]);
		return initSqlJs({ locateFile: () => wasmUrl });
	})().catch((e: unknown) => {
		sqlJs = undefined;
		throw e;
	});
	return sqlJs;
}

function fileNameFor(title: string): string {
	const base = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9 ._-]+/g, ' ')
		.trim()
		.replace(/\s+/g, ' ')
		.slice(0, 80);
	return `${base || 'Kartka deck'}.apkg`;
}

export async function exportDeckApkg(
	db: KartkaDB,
	deckId: string,
	options: { withReviews: boolean; nowMs: number; loadSql?: () => Promise<SqlJsStatic> }
): Promise<ApkgFile> {
	const data = await deckForAnki(db, deckId, options.withReviews);
	if (!data)
		throw new KartkaError('deck-missing', 'This deck is no longer on this device, so it cannot be exported.');
	if (data.notes.length === 0) throw new KartkaError('deck-empty', 'This deck has no cards to export.');
	const SQL = await (options.loadSql ?? loadSqlJs)();
	const { notes, cards } = apkgNotes(data.notes);
	const out = buildApkg(SQL, {
		deckKey: data.deck.id,
		deckName: data.deck.title,
		description: data.deck.description,
		notes,
		reviews: options.withReviews ? apkgReviews(data.reviews, cards) : undefined,
		media: data.media.map((m) => ({ name: m.name, bytes: m.bytes })),
		nowMs: options.nowMs
	});
	return { fileName: fileNameFor(data.deck.title), ...out };
}
