/**
 * Import, end to end: parse (in a worker in the browser), plan (reads only: the preview), then write
 * in one transaction. A bad file fails in parsing or planning, before any write; a cancel before the
 * commit writes nothing.
 */
import { writeImport, ImportAbortedError, type ImportWriteResult } from '$lib/db/import.repo';
import { addSummaries, type ContentSummary } from '$lib/domain/deck-merge';
import { isQuotaError } from '$lib/domain/errors';
import type { KartkaDB } from '$lib/db/db';
import { ImportError, type ImportedCollection, type ParseOptions } from '$lib/domain/import/import-model';
import { planImport, type ImportPlan, type PlanOptions } from './import-plan';
import { parseInWorker } from './parse-client';

export interface CommitOptions {
	/** Notes missing from the new version of a deck: suspended (default, progress kept) or deleted. */
	missing?: 'suspend' | 'delete' | 'keep';
	/** Replay Anki's review history into the cards' schedules ("Import progress"). */
	importProgress?: boolean;
	signal?: AbortSignal;
}

export interface ImportResult {
	decks: { deckId: string; title: string; summary: ContentSummary }[];
	total: ContentSummary;
	reviewsWritten: number;
	cardsKeptLocal: number;
	media: number;
}

export async function commitImport(
	db: KartkaDB,
	plan: ImportPlan,
	options: CommitOptions = {}
): Promise<ImportResult> {
	let written: ImportWriteResult;
	try {
		written = await writeImport(
			db,
			{
				decks: plan.decks.map(({ deck, notes }) => ({ deck, notes })),
				media: plan.media,
				replays: options.importProgress ? plan.replays : [],
				nowMs: plan.nowMs,
				missing: options.missing ?? 'suspend'
			},
			options.signal
		);
	} catch (error) {
		if (error instanceof ImportAbortedError) throw new ImportError(error.code, error.message);
		if (isQuotaError(error)) {
			const mb = plan.media.reduce((n, m) => n + m.size, 0) / 1024 / 1024;
			throw new ImportError(
				'storage-full',
				`This device has no room left for this import${mb >= 1 ? ` (${mb.toFixed(0)} MB of images and sounds)` : ''}. ` +
					'Nothing was imported. Free some space (delete files, photos or apps you do not need), make a backup in ' +
					'Settings › Backup, let Kartka keep its data (Settings › Offline and storage), then try again.'
			);
		}
		throw error;
	}
	const titles = new Map(plan.decks.map((d) => [d.deck.id, d.deck.title]));
	const decks = written.decks.map((d) => ({ ...d, title: titles.get(d.deckId) ?? d.deckId }));
	return {
		decks,
		total: addSummaries(decks.map((d) => d.summary)),
		reviewsWritten: written.reviewsWritten,
		cardsKeptLocal: written.cardsKeptLocal,
		media: plan.media.length
	};
}

/** Parses in a worker when the platform has one (the page stays responsive), else in place (tests). */
export function parseBytes(bytes: Uint8Array, options: ParseOptions): Promise<ImportedCollection> {
	return parseInWorker(bytes, options);
}

/** Parse, plan and write in one go (tests, benchmarks, and the "no preview" paths). */
export async function importBytes(
	db: KartkaDB,
	bytes: Uint8Array,
	options: Omit<ParseOptions, 'fileName'> &
		Omit<PlanOptions, 'source'> &
		CommitOptions & { fileName: string; url?: string }
): Promise<{ plan: ImportPlan; result: ImportResult }> {
	const coll = await parseBytes(bytes, options);
	if (options.signal?.aborted) throw new ImportError('cancelled', 'Import cancelled: nothing was changed.');
	const plan = await planImport(db, coll, {
		...options,
		source: {
			kind: options.url ? 'url' : 'file',
			name: options.fileName,
			...(options.url ? { url: options.url } : {})
		}
	});
	const result = await commitImport(db, plan, options);
	return { plan, result };
}
