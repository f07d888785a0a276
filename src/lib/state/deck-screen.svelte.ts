/**
 * The deck screen: the deck's title, counts and source, its exam panel, its scheduling overrides and its
 * share/export panel. One `status`/`error` for the whole screen; each panel keeps its own action errors.
 */
import type { KartkaDB } from '$lib/db/db';
import { summarizeDeck, type DeckSummary } from '$lib/services/deck-summary.service';
import { DeckHeader } from './deck-header.svelte';
import { DeckShareState } from './deck-share.svelte';
import { ExamPlanPanel } from './readiness-plan.svelte';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';
import { SchedulerSettingsEditor } from './settings.svelte';

export interface DeckScreenOptions extends ScreenOptions {
	/** How the exam panel writes a date (the screen's locale). */
	formatDate?: (iso: string) => string;
}

export class DeckScreen extends ScreenState {
	readonly header: DeckHeader;
	/** undefined: not read yet; null: no such deck. */
	summary = $state.raw<DeckSummary | null | undefined>(undefined);
	readonly exam: ExamPlanPanel;
	readonly scheduler: SchedulerSettingsEditor;
	readonly share: DeckShareState;

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		options: DeckScreenOptions = {}
	) {
		super(options);
		this.header = new DeckHeader(db, deckId);
		// An exam plan changes today's new-card count: refresh the figures.
		this.exam = new ExamPlanPanel(
			db,
			deckId,
			options.formatDate ?? ((iso) => iso),
			() => void this.refreshCounts(),
			this.clock
		);
		this.scheduler = new SchedulerSettingsEditor(db, deckId);
		this.share = new DeckShareState(db, deckId);
	}

	protected async fetch(): Promise<void> {
		const deck = await this.header.load();
		this.summary = deck ? await summarizeDeck(this.db, deck, this.clock()) : null;
		if (deck) await Promise.all([this.exam.load(), this.scheduler.load(), this.share.load()]);
	}

	/** Today's counts again (after an exam plan change); a failure here keeps the figures shown. */
	async refreshCounts(): Promise<void> {
		const deck = this.header.deck;
		if (deck) this.summary = await summarizeDeck(this.db, deck, this.clock());
	}
}
