/**
 * The "New deck from text" screen: the article (pasted or opened), suggestions made in a worker, the
 * review of the suggestions (choose, fix), and "Create deck". The draft is saved as it changes, so a
 * reload brings back the text, the suggestions and the choices.
 */
import type { KartkaDB } from '$lib/db/db';
import { clearDraft, loadDraft, saveDraft } from '$lib/db/authoring-draft.repo';
import { articleFileKind, markdownToText } from '$lib/domain/authoring/article-text';
import {
	AUTHORING_LIMITS,
	CANDIDATE_KINDS,
	KIND_LABELS,
	type Candidate,
	type CandidateKind,
	type CandidateNote
} from '$lib/domain/authoring/authoring-model';
import { KartkaError, errorMessage } from '$lib/domain/errors';
import { cancelExtraction, extractInWorker } from '$lib/services/authoring/authoring.client';
import type { createAuthoredDeck } from '$lib/services/authoring/create-deck.service';
import { htmlToArticle } from '$lib/services/authoring/html-article';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export type AuthorPhase = 'editing' | 'extracting' | 'review' | 'creating';

export interface ReviewItem {
	candidate: Candidate;
	/** The card as the instructor has it now (starts as the suggestion). */
	note: CandidateNote;
	selected: boolean;
}

export interface KindGroup {
	kind: CandidateKind;
	label: string;
	items: ReviewItem[];
	selected: number;
}

interface Draft {
	title: string;
	text: string;
	fileName: string | null;
	items: ReviewItem[];
	reviewing: boolean;
}

export interface AuthorDeps extends ScreenOptions {
	extract?: typeof extractInWorker;
	createDeck?: typeof createAuthoredDeck;
}

const SAVE_DELAY_MS = 400;

/** What a card says, as one line: the accessible name of its checkbox. */
export function cardText(note: CandidateNote): string {
	if (note.kind === 'cloze') return note.text.replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g, '[$1]');
	return `${note.front} — ${note.back}`;
}

export class AuthorSession extends ScreenState {
	/** Where the instructor is: the text, suggestions being made, their review, the deck being written. */
	phase = $state<AuthorPhase>('editing');
	title = $state('');
	text = $state('');
	fileName = $state<string | null>(null);
	items = $state<ReviewItem[]>([]);
	stage = $state('');
	fraction = $state<number | null>(null);
	/** What went wrong with the last action (the screen's own `error` is for loading it). */
	problem = $state<string | null>(null);
	notice = $state<string | null>(null);

	groups = $derived<KindGroup[]>(
		CANDIDATE_KINDS.map((kind) => {
			const items = this.items.filter((i) => i.candidate.kind === kind);
			return { kind, label: KIND_LABELS[kind], items, selected: items.filter((i) => i.selected).length };
		})
	);
	selectedCount = $derived(this.items.filter((i) => i.selected).length);

	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly extract: typeof extractInWorker;
	private readonly writeDeck: typeof createAuthoredDeck;

	constructor(
		private readonly db: KartkaDB,
		options: AuthorDeps = {}
	) {
		super(options);
		this.extract = options.extract ?? extractInWorker;
		// The import pipeline that writes the deck (parsers, deck schema) loads when the deck is created (issue 13).
		this.writeDeck =
			options.createDeck ??
			(async (...args) =>
				(await import('$lib/services/authoring/create-deck.service')).createAuthoredDeck(...args));
	}

	/** Brings back the draft, if any. */
	protected async fetch(): Promise<void> {
		const draft = await loadDraft<Draft>(this.db);
		if (draft) {
			this.title = draft.title ?? '';
			this.text = draft.text ?? '';
			this.fileName = draft.fileName ?? null;
			this.items = draft.items ?? [];
		}
		this.phase = draft?.reviewing && this.items.length ? 'review' : 'editing';
	}

	setTitle(value: string): void {
		this.title = value;
		this.save();
	}

	setText(value: string): void {
		this.text = value;
		this.save();
	}

	async openFile(file: File): Promise<void> {
		this.problem = null;
		const kind = articleFileKind(file.name);
		if (!kind) {
			this.problem = `"${file.name}" is not a text, Markdown or HTML file (.txt, .md, .html).`;
			return;
		}
		if (file.size > AUTHORING_LIMITS.maxChars * 4) {
			this.problem = `"${file.name}" is too large for one deck; split the article into parts.`;
			return;
		}
		try {
			const raw = await file.text();
			const base = file.name.replace(/\.[^.]+$/, '');
			if (kind === 'html') {
				const article = await htmlToArticle(raw);
				this.text = article.text;
				if (!this.title.trim()) this.title = article.title || base;
			} else {
				this.text = kind === 'markdown' ? markdownToText(raw) : raw;
				if (!this.title.trim()) this.title = base;
			}
			this.fileName = file.name;
			this.save();
		} catch (e) {
			this.problem = errorMessage(e);
		}
	}

	async suggest(): Promise<void> {
		this.problem = null;
		this.notice = null;
		if (!this.text.trim()) {
			this.problem = 'Paste an article or open a file first.';
			return;
		}
		this.phase = 'extracting';
		this.stage = 'Starting';
		this.fraction = null;
		try {
			const { result } = await this.extract(this.text, {
				onProgress: (fraction, stage) => {
					this.fraction = fraction;
					this.stage = stage;
				}
			});
			this.items = result.candidates.map((candidate) => ({
				candidate,
				note: { ...candidate.note },
				selected: false
			}));
			this.phase = 'review';
			if (result.candidates.length === 0)
				this.notice = 'No dates, figures, actors or causes were found in this text.';
			this.save();
		} catch (e) {
			this.phase = 'editing';
			if (!(e instanceof KartkaError && e.code === 'authoring-cancelled')) this.problem = errorMessage(e);
		}
	}

	cancel(): void {
		cancelExtraction();
		if (this.phase === 'extracting') {
			this.phase = 'editing';
			this.notice = 'Suggesting cards was cancelled.';
		}
	}

	backToText(): void {
		this.phase = 'editing';
		this.save();
	}

	toggle(id: string, selected: boolean): void {
		const item = this.items.find((i) => i.candidate.id === id);
		if (item) item.selected = selected;
		this.save();
	}

	selectKind(kind: CandidateKind, selected: boolean): void {
		for (const i of this.items) if (i.candidate.kind === kind) i.selected = selected;
		this.save();
	}

	edit(id: string, note: CandidateNote): void {
		const item = this.items.find((i) => i.candidate.id === id);
		if (item) item.note = note;
		this.save();
	}

	/** Writes the deck; returns its id to open, or null (the error says why). */
	async createDeck(): Promise<string | null> {
		this.problem = null;
		this.phase = 'creating';
		try {
			const chosen = this.items.filter((i) => i.selected);
			const { deckId } = await this.writeDeck(this.db, {
				title: this.title,
				fileName: this.fileName ?? undefined,
				candidates: chosen.map((i) => ({ ...i.candidate, note: i.note })),
				nowMs: this.clock()
			});
			clearTimeout(this.saveTimer);
			await clearDraft(this.db);
			return deckId;
		} catch (e) {
			this.problem = errorMessage(e);
			this.phase = 'review';
			return null;
		}
	}

	/** Saves the draft a moment after the last change (typing does not write on every key). */
	private save(): void {
		clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => {
			const draft: Draft = {
				title: this.title,
				text: this.text,
				fileName: this.fileName,
				items: $state.snapshot(this.items),
				reviewing: this.phase === 'review'
			};
			saveDraft(this.db, draft).catch(
				(e: unknown) => (this.problem = `The draft could not be saved: ${errorMessage(e)}`)
			);
		}, SAVE_DELAY_MS);
	}
}
