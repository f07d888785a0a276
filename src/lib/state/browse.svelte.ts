/**
 * The Browse screen: every card in memory as search rows (the first 50 painted before the rest load),
 * the search, the sort, the selection, bulk actions and their one-step undo.
 */
import type { KartkaDB } from '$lib/db/db';
import { allBrowseRows, answersSince, browseRowsFor, firstBrowseRows } from '$lib/db/browse.repo';
import type { UndoRecord } from '$lib/db/browse.repo';
import { listDecks } from '$lib/db/decks.repo';
import { errorMessage } from '$lib/domain/errors';
import type { CardRow, DeckRow } from '$lib/domain/model';
import { parseSearch, type SearchNode } from '$lib/domain/browse/search-query';
import { compileSearch, ratedWindowDays, type SearchableCard } from '$lib/domain/browse/search-match';
import { DEFAULT_SORT, sortRows, type BrowseSort, type SortKey } from '$lib/domain/browse/browse-sort';
import {
	EMPTY_SELECTION,
	extendTo,
	keepListed,
	selectAll,
	toggle,
	type Selection
} from '$lib/domain/browse/selection';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import {
	loadBrowseSettings,
	runBrowseAction,
	touched,
	undoBrowseAction,
	type BrowseAction,
	type BrowseSettings
} from '$lib/services/browse.service';

export const FIRST_ROWS = 50;
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** After the next frame is painted (a plain tick where there are no frames, as in unit tests). */
const afterPaint = () =>
	typeof requestAnimationFrame === 'function'
		? new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
		: tick();
const byId = (a: SearchableCard, b: SearchableCard) =>
	a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0;

export class BrowseScreen {
	status = $state<'loading' | 'partial' | 'ready' | 'error'>('loading');
	error = $state<string | null>(null);
	query = $state('');
	queryError = $state<string | null>(null);
	sort = $state<BrowseSort>(DEFAULT_SORT);
	/** The cards the search matched, in the chosen order. */
	listed = $state.raw<SearchableCard[]>([]);
	selection = $state.raw<Selection>(EMPTY_SELECTION);
	/** The row the keyboard is on. */
	active = $state(0);
	selectMode = $state(false);
	busy = $state(false);
	/** What the last action did (next to "Undo"), or why it failed. */
	message = $state<string | null>(null);
	undoable = $state.raw<UndoRecord | null>(null);
	decks = $state.raw<DeckRow[]>([]);

	private all = $state.raw<SearchableCard[]>([]);
	private node: SearchNode = { kind: 'all' };
	private answersFromDays = 0;
	private settings: BrowseSettings = { dayCutoffHour: 4, retrievability: () => 0 };

	constructor(
		private readonly db: KartkaDB,
		private readonly clock: () => number = () => Date.now()
	) {}

	get total(): number {
		return this.all.length;
	}

	retrievability = (card: CardRow): number => this.settings.retrievability(card, this.clock());

	async load(): Promise<void> {
		try {
			const [settings, decks, first] = await Promise.all([
				loadBrowseSettings(this.db),
				listDecks(this.db),
				firstBrowseRows(this.db, FIRST_ROWS)
			]);
			this.settings = settings;
			this.decks = decks;
			this.all = first;
			this.refilter();
			this.status = 'partial';
			// The first rows are painted before the rest is read (reading it keeps the page's thread busy).
			await afterPaint();
			this.all = await allBrowseRows(this.db, tick);
			this.status = 'ready';
			await this.search(this.query);
		} catch (e) {
			this.error = errorMessage(e);
			this.status = 'error';
		}
	}

	/** Runs a search; a bad query shows its message and leaves the list as it was. */
	async search(query: string): Promise<void> {
		this.query = query;
		const parsed = parseSearch(query);
		if (!parsed.ok) {
			this.queryError = parsed.message;
			return;
		}
		this.queryError = null;
		this.node = parsed.node;
		await this.loadAnswers(ratedWindowDays(parsed.node));
		this.refilter();
	}

	/** rated:N needs the answers of the last N days: read them (by index) only when asked. */
	private async loadAnswers(days: number): Promise<void> {
		if (days <= this.answersFromDays || this.status !== 'ready') return;
		const today = studyDayOf(this.clock(), this.settings.dayCutoffHour);
		const answers = await answersSince(
			this.db,
			startOfStudyDay(today - days + 1, this.settings.dayCutoffHour)
		);
		for (const row of this.all) row.answers = answers.get(row.card.id) ?? [];
		this.answersFromDays = days;
	}

	private refilter(): void {
		const match = compileSearch(this.node, {
			nowMs: this.clock(),
			dayCutoffHour: this.settings.dayCutoffHour,
			retrievability: this.retrievability
		});
		const found = this.node.kind === 'all' ? this.all : this.all.filter(match);
		const s = this.sort;
		this.listed =
			s.key === 'added' && s.direction === 'ascending' ? found : sortRows(found, s, this.retrievability);
		this.selection = keepListed(
			this.selection,
			this.listed.map((r) => r.card.id)
		);
		this.active = Math.min(this.active, Math.max(0, this.listed.length - 1));
	}

	/** A column header: sort by it, or flip the direction when it is already the sort. */
	sortBy(key: SortKey): void {
		const same = this.sort.key === key;
		this.sort = { key, direction: same && this.sort.direction === 'ascending' ? 'descending' : 'ascending' };
		this.refilter();
	}

	toggleRow(index: number): void {
		const row = this.listed[index];
		if (row) this.selection = toggle(this.selection, row.card.id, index);
	}

	/** Shift+arrow: move the active row and select everything from the anchor to it. */
	extend(to: number): void {
		const target = Math.max(0, Math.min(this.listed.length - 1, to));
		const ids = this.listed.map((r) => r.card.id);
		this.selection = extendTo(this.selection, ids, this.active, target);
		this.active = target;
	}

	selectAllListed(): void {
		this.selection = selectAll(this.listed.map((r) => r.card.id));
	}

	clearSelection(): void {
		this.selection = EMPTY_SELECTION;
	}

	async act(action: BrowseAction): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		try {
			const ids = [...this.selection.ids];
			const { plan, record } = await runBrowseAction(
				this.db,
				ids,
				action,
				this.clock(),
				this.settings.dayCutoffHour
			);
			this.undoable = record;
			this.message = plan.skipped ? `${plan.done}. ${plan.skipped}` : `${plan.done}.`;
			await this.refresh(record);
			return true;
		} catch (e) {
			this.message = errorMessage(e);
			return false;
		} finally {
			this.busy = false;
		}
	}

	async undo(): Promise<void> {
		const record = this.undoable;
		if (!record || this.busy) return;
		this.busy = true;
		try {
			await undoBrowseAction(this.db, record, this.clock());
			this.undoable = null;
			this.message = `Undone: ${record.done}.`;
			await this.refresh(record);
		} catch (e) {
			this.undoable = null;
			this.message = errorMessage(e);
		} finally {
			this.busy = false;
		}
	}

	/** Re-reads the rows an action touched and puts them in place (deleted ones out, restored ones back). */
	private async refresh(record: UndoRecord): Promise<void> {
		const { cardIds, noteIds } = touched(record);
		const fresh = (await browseRowsFor(this.db, cardIds, noteIds)).sort(byId);
		const hit = (r: SearchableCard) => cardIds.has(r.card.id) || noteIds.has(r.card.noteId);
		// Answers loaded for rated: searches carry over to the re-read rows.
		const answers: Record<string, SearchableCard['answers']> = {};
		for (const r of this.all) if (hit(r)) answers[r.card.id] = r.answers;
		for (const r of fresh) r.answers = answers[r.card.id] ?? [];
		// Both lists are in id order: merge them (no sort of 100,000 rows after each action).
		const kept = this.all.filter((r) => !hit(r));
		const merged: SearchableCard[] = [];
		let i = 0;
		for (const r of fresh) {
			while (i < kept.length && byId(kept[i]!, r) < 0) merged.push(kept[i++]!);
			merged.push(r);
		}
		while (i < kept.length) merged.push(kept[i++]!);
		this.all = merged;
		this.refilter();
	}
}
