/**
 * The import screen's state: a source (file, dropped file, pasted text, link) is read, parsed in a
 * worker and planned against the collection (reads only) into a preview; "Import" writes it in one
 * transaction. Anything slower than ~300 ms shows progress and can be cancelled; a cancel or an error
 * at any point leaves the collection as it was.
 */
import { ImportProgress } from './import-progress.svelte';
import { LinkPrompt } from './link-prompt.svelte';
import { TextPreviewState } from './text-preview.svelte';
import {
	importCommitted,
	prepareImportUndo,
	undoImport,
	type ImportUndo
} from '$lib/services/import/import-undo';
import type { KartkaDB } from '$lib/db/db';
import { errorMessage } from '$lib/domain/errors';
// The text helpers only (not the whole parser set, which runs in the worker).
import { splittableText } from '$lib/domain/import/text-decode';
import {
	IMPORT_LIMITS,
	ImportError,
	type ImportedCollection,
	type ParseOptions,
	type TextOptions,
	type TextPreview
} from '$lib/domain/import/import-model';
import { planImport, type ImportPlan, type ImportSource } from '$lib/services/import/import-plan';
import { commitImport, type ImportResult } from '$lib/services/import/import.service';
import { parseInWorker } from '$lib/services/import/parse-client';
import { fetchDeckFile } from '$lib/services/import/url-import';

export { PROGRESS_DELAY_MS, type ImportStatus } from './import-progress.svelte';

const TEXT_FORMATS = new Set(['csv', 'tsv', 'quizlet', 'anki-text']);

export interface ImportDeps {
	parse: (bytes: Uint8Array, options: ParseOptions) => Promise<ImportedCollection>;
	fetchFile: typeof fetchDeckFile;
	clock: () => number;
	/** Called after a write, e.g. to show newly stored media. */
	afterWrite?: () => void;
}

const defaultDeps: ImportDeps = { parse: parseInWorker, fetchFile: fetchDeckFile, clock: () => Date.now() };

export class ImportSession extends ImportProgress {
	source = $state.raw<(ImportSource & { bytes: Uint8Array }) | null>(null);
	collection = $state.raw<ImportedCollection | null>(null);
	plan = $state.raw<ImportPlan | null>(null);
	result = $state.raw<ImportResult | null>(null);

	/** Text sources (paste, CSV, Quizlet…): the decoded text, how it is split into cards, and its raw rows. */
	text = $state.raw<string | null>(null);
	textOptions = $state<TextOptions>({});
	private readonly preview = new TextPreviewState();
	get textPreview(): TextPreview | null {
		return this.preview.current;
	}

	/** Preview choices. */
	deckName = $state('');
	asNewDeck = $state(false);
	/** Notes missing from an update: kept active by default for Anki and text files (as Anki does). */
	missing = $state<'suspend' | 'delete' | 'keep'>('keep');
	/** The user chose to let a Kartka file update the deck with the same id. */
	confirmUpdateOf = $state<string | undefined>(undefined);
	importProgress = $state(false);

	isText = $derived(this.text !== null);
	updatesExisting = $derived(this.plan?.decks.some((d) => d.existing !== null) ?? false);
	removedCount = $derived(this.plan?.decks.reduce((n, d) => n + d.summary.removed, 0) ?? 0);

	private readonly deps: ImportDeps;

	constructor(
		private readonly db: KartkaDB,
		deps: Partial<ImportDeps> = {}
	) {
		super();
		this.deps = { ...defaultDeps, ...deps };
	}

	/** After a failed start-up: tries it again (shown as "Try again" beside `error`). */
	retryStart = $state.raw<(() => void) | null>(null);

	/** Start-up: waits for the app to be ready, then opens a shared link if there is one. */
	async start(ready: () => Promise<void>, linkUrl: string, appProtocol = 'https:'): Promise<void> {
		this.retryStart = null;
		try {
			await ready();
		} catch (e) {
			this.error = `Kartka could not start: ${errorMessage(e)}`;
			this.retryStart = () => {
				this.error = null;
				void this.start(ready, linkUrl, appProtocol);
			};
			return;
		}
		// Links ask first: nothing is fetched before the student says "Download" (issue 12).
		if (linkUrl) this.askLink(linkUrl, appProtocol);
	}

	async openFile(file: File): Promise<void> {
		if (file.size > IMPORT_LIMITS.maxFileBytes) {
			this.error = `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(0)} MB; Kartka imports files of at most ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`;
			return;
		}
		const bytes = await this.run('Reading the file', async () => new Uint8Array(await file.arrayBuffer()));
		if (bytes) await this.open({ kind: 'file', name: file.name, bytes });
	}

	async openText(text: string, name = 'Pasted text'): Promise<void> {
		if (text.trim() === '') {
			this.error = 'Paste some text first: one card per line, front and back separated by a tab or a comma.';
			return;
		}
		await this.open({ kind: 'text', name, bytes: new TextEncoder().encode(text) });
	}

	/** A shared link waiting for the student's yes: nothing is fetched before (issue 12). */
	readonly link = new LinkPrompt();

	askLink(url: string, appProtocol: string): void {
		this.error = this.link.ask(url, appProtocol);
	}

	async acceptLink(): Promise<void> {
		const url = this.link.take();
		if (url) await this.openUrl(url);
	}

	async openUrl(url: string): Promise<void> {
		const fetched = await this.run('Downloading', (signal) =>
			this.deps.fetchFile(url, { signal, onProgress: (f) => this.progress(f) })
		);
		if (fetched)
			await this.open({ kind: 'url', name: fetched.fileName, url: fetched.url, bytes: fetched.bytes });
	}

	private async open(source: ImportSource & { bytes: Uint8Array }): Promise<void> {
		this.source = source;
		this.collection = null;
		this.plan = null;
		this.textOptions = {};
		this.deckName = '';
		this.asNewDeck = false;
		this.missing = 'keep';
		this.confirmUpdateOf = undefined;
		this.importProgress = false;
		this.text = splittableText(source.bytes, source.name);
		const preview = this.refreshTextPreview();
		// Text can always be re-read with other options, so its form stays up even if this first reading fails.
		if (this.text !== null) this.status = 'preview';
		await this.analyse();
		await preview;
	}

	private refreshTextPreview(): Promise<void> {
		return this.preview.refresh(this.text, $state.snapshot(this.textOptions) as TextOptions);
	}

	/** Parses the source with the current text options and plans it (the preview). False when it failed. */
	async analyse(): Promise<boolean> {
		const source = this.source;
		if (!source) return false;
		const done = await this.run('Reading notes', async (signal) => {
			const collection = await this.deps.parse(source.bytes, {
				fileName: source.name,
				signal,
				onProgress: (f, stage) => this.progress(f, stage),
				textOptions: $state.snapshot(this.textOptions) as TextOptions
			});
			if (!TEXT_FORMATS.has(collection.format)) this.text = null; // JSON: nothing to split
			const plan = await this.planFor(collection, signal);
			// A Kartka deck file is a deck's full content: what it lacks was removed. Anki packages and text
			// files are often partial (Anki never removes notes missing from a package): keep those active.
			if (collection.format === 'kartka-json' && this.collection === null) this.missing = 'suspend';
			this.collection = collection;
			this.plan = plan;
			if (!this.deckName) this.deckName = plan.decks.length === 1 ? plan.decks[0]!.deck.title : '';
			this.status = 'preview';
			return true;
		});
		// Text read with options that find no cards: no preview to confirm until the options are fixed.
		if (!done && this.error && this.text !== null) this.plan = null;
		return done === true;
	}

	private async planFor(
		collection: ImportedCollection,
		signal: AbortSignal,
		withReplays = this.importProgress
	): Promise<ImportPlan> {
		this.progress(null, 'Comparing with your collection');
		const plan = await planImport(this.db, collection, {
			// The review history is replayed only when it will be written ("Import progress"), in the worker.
			withReplays,
			signal,
			onProgress: (f, stage) => this.progress(f, stage),
			nowMs: this.deps.clock(),
			source: this.source!,
			...(this.deckName && TEXT_FORMATS.has(collection.format) ? { deckName: this.deckName } : {}),
			asNewDeck: this.asNewDeck,
			confirmUpdateOf: this.confirmUpdateOf
		});
		if (signal.aborted) throw new ImportError('cancelled', 'Import cancelled: nothing was changed.');
		return plan;
	}

	/** Changing how text is split re-parses it; the preview follows. */
	async setTextOptions(options: TextOptions): Promise<void> {
		this.textOptions = options;
		const preview = this.refreshTextPreview();
		await this.analyse();
		await preview;
	}

	/** Deck name or "separate deck" changed: plan again (no re-parse). */
	async replan(): Promise<void> {
		const collection = this.collection;
		if (!collection) return;
		await this.run('Comparing with your collection', async (signal) => {
			this.plan = await this.planFor(collection, signal);
			this.status = 'preview';
		});
	}

	/** "Update my deck" for a Kartka file with an existing deck's id. */
	async updateSameIdDeck(deckId: string | undefined): Promise<void> {
		this.confirmUpdateOf = deckId;
		await this.replan();
	}

	async confirm(): Promise<void> {
		// "Import" tapped right after editing the deck name: the re-plan that the edit started comes first.
		if (this.status === 'working' && this.plan) await this.inflight?.catch(() => undefined);
		const plan = this.plan;
		if (!plan || this.status !== 'preview') return;
		const collection = this.collection;
		const result = await this.run('Saving', async (signal) => {
			// "Import progress" ticked after the preview: replay the history now, then write.
			const full =
				this.importProgress && plan.totals.reviews > 0 && plan.replays.length === 0 && collection
					? await this.planFor(collection, signal, true)
					: plan;
			const undo = await prepareImportUndo(this.db, full);
			const written = await commitImport(this.db, full, {
				signal,
				missing: this.missing,
				importProgress: this.importProgress
			});
			this.lastImport = await importCommitted(this.db, undo);
			return written;
		});
		if (!result) return;
		this.result = result;
		this.status = 'done';
		this.deps.afterWrite?.();
	}

	/** What "Undo import" restores (the last import of this screen). */
	private lastImport: ImportUndo | null = null;

	/** "Undo import": every table back as before the last import, in one transaction. */
	async undoLastImport(): Promise<void> {
		const undo = this.lastImport;
		if (!undo) return;
		try {
			await undoImport(this.db, undo);
			this.lastImport = null;
			this.reset();
			this.notice = 'Import undone: your collection is as it was before.';
			this.deps.afterWrite?.();
		} catch (e) {
			this.error = errorMessage(e);
		}
	}

	reset(): void {
		this.controller?.abort();
		this.status = 'idle';
		this.source = null;
		this.collection = null;
		this.plan = null;
		this.result = null;
		this.text = null;
		this.preview.clear();
		this.error = null;
		this.notice = null;
	}
}
