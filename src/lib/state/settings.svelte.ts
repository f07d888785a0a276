/**
 * Edits the scheduler settings: the global ones (Settings screen) or one deck's overrides (deck screen).
 * Saving is one write; a change of desired retention or parameters then OFFERS to reschedule existing
 * cards (never does it silently), and the rescheduling is one transaction (reschedule.repo).
 */
import { errorMessage } from '$lib/domain/errors';
import type { KartkaDB } from '$lib/db/db';
import { getDeckOverrides, saveDeckOverrides } from '$lib/db/deck-settings.repo';
import { rescheduleReviewCards, type RescheduleSummary } from '$lib/db/reschedule.repo';
import { getGlobalSettings, patchGlobalSettings } from '$lib/db/settings.repo';
import { cardsOf } from '$lib/db/stats.repo';
import { decayOf } from '$lib/domain/fsrs-adapter';
import { CardState } from '$lib/domain/schedule';
import { resolveSettings, type SchedulerSettings } from '$lib/domain/scheduler-settings';
import { dailyReviews, workloadRatio, type WorkloadInput } from '$lib/domain/stats/workload';
import {
	DECK_FIELD_KEYS,
	FIELD_KEYS,
	fieldValue,
	isError,
	toDraft,
	type Draft,
	type FieldKey
} from './settings-fields.svelte';

export interface WorkloadEstimate {
	/** Relative to the saved retention (1 = unchanged). */
	ratio: number;
	/** Reviews per day for the current review cards, at the saved and at the chosen retention. */
	savedPerDay: number;
	chosenPerDay: number;
	reviewCards: number;
}

export class SchedulerSettingsEditor {
	status = $state<'loading' | 'ready' | 'saving' | 'rescheduling' | 'error'>('loading');
	draft = $state<Draft>(toDraft(resolveSettings({}, {})));
	/** Deck mode: which fields this deck sets itself. */
	overridden = $state<Record<FieldKey, boolean>>(
		Object.fromEntries(FIELD_KEYS.map((k) => [k, false])) as Record<FieldKey, boolean>
	);
	errors = $state<Partial<Record<FieldKey, string>>>({});
	message = $state<string | null>(null);
	/** The last save or reschedule failed (`message` says why); the form stays usable to try again. */
	writeFailed = $state(false);
	offerReschedule = $state(false);
	rescheduled = $state<RescheduleSummary | null>(null);
	/** Settings as saved: defaults, then global, then (deck mode) the deck's overrides. */
	saved = $state.raw<SchedulerSettings>(resolveSettings({}, {}));
	/** The global settings alone (what a deck falls back to). */
	inherited = $state.raw<SchedulerSettings>(resolveSettings({}, {}));
	private workloadInput = $state.raw<WorkloadInput | null>(null);

	readonly fields: FieldKey[];

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string | null = null
	) {
		this.fields = deckId === null ? FIELD_KEYS : DECK_FIELD_KEYS;
	}

	async load(): Promise<void> {
		try {
			const global = await getGlobalSettings(this.db);
			const deck = this.deckId === null ? {} : await getDeckOverrides(this.db, this.deckId);
			this.inherited = resolveSettings(global, {});
			this.saved = resolveSettings(global, deck);
			this.draft = toDraft(this.saved);
			for (const key of FIELD_KEYS) this.overridden[key] = key in deck;
			const cards = await cardsOf(this.db, this.deckId ?? undefined);
			this.workloadInput = {
				stabilitiesDays: cards.filter((c) => c.state === CardState.Review).map((c) => c.stability),
				decay: Math.abs(decayOf(this.saved.weights)),
				maximumIntervalDays: this.saved.maximumIntervalDays,
				relearningSteps: Math.max(1, this.saved.relearningSteps.length)
			};
			this.status = 'ready';
		} catch (error) {
			this.fail(error);
		}
	}

	/** Deck mode: a field that follows the global settings shows (and keeps) the global value. */
	setOverridden(key: FieldKey, on: boolean): void {
		this.overridden[key] = on;
		if (!on) (this.draft as Record<FieldKey, unknown>)[key] = toDraft(this.inherited)[key];
	}

	/** The expected change in daily reviews if `retention` replaced the saved desired retention. */
	workload(retention: number): WorkloadEstimate | null {
		const input = this.workloadInput;
		if (!input || !Number.isFinite(retention)) return null;
		return {
			ratio: workloadRatio(input, retention, this.saved.desiredRetention),
			savedPerDay: dailyReviews(input, this.saved.desiredRetention),
			chosenPerDay: dailyReviews(input, retention),
			reviewCards: input.stabilitiesDays.length
		};
	}

	/** Checks every field; returns the values to store, or null with `errors` filled in. */
	private collect(): Partial<SchedulerSettings> | null {
		const errors: Partial<Record<FieldKey, string>> = {};
		const values: Partial<Record<FieldKey, unknown>> = {};
		for (const key of this.fields) {
			if (this.deckId !== null && !this.overridden[key]) continue;
			const value = fieldValue(key, this.draft);
			if (isError(value)) errors[key] = value.error;
			else values[key] = value;
		}
		this.errors = errors;
		return Object.keys(errors).length > 0 ? null : (values as Partial<SchedulerSettings>);
	}

	async save(): Promise<boolean> {
		const values = this.collect();
		if (!values) {
			this.message = 'Some settings need fixing; nothing was saved.';
			return false;
		}
		this.status = 'saving';
		this.writeFailed = false;
		try {
			const before = this.saved;
			if (this.deckId === null) await patchGlobalSettings(this.db, values);
			else await saveDeckOverrides(this.db, this.deckId, values);
			await this.load();
			this.message = 'Settings saved.';
			if (this.saved.desiredRetention !== before.desiredRetention) this.offerReschedule = true;
			return true;
		} catch (error) {
			this.writeFailed = true;
			this.fail(error, 'ready');
			return false;
		}
	}

	/** Called after personal parameters were saved or reset elsewhere (the Optimize panel). */
	async parametersChanged(): Promise<void> {
		await this.load();
		this.offerReschedule = true;
	}

	async resetParameters(): Promise<void> {
		await patchGlobalSettings(this.db, { weights: null });
		this.message = 'Default parameters restored.';
		await this.parametersChanged();
	}

	async reschedule(): Promise<void> {
		this.status = 'rescheduling';
		this.writeFailed = false;
		try {
			this.rescheduled = await rescheduleReviewCards(this.db, { deckId: this.deckId ?? undefined });
			this.offerReschedule = false;
			const r = this.rescheduled;
			this.message = `${r.rescheduled} ${r.rescheduled === 1 ? 'card' : 'cards'} rescheduled, ${r.unchanged} already on schedule${r.skipped ? `, ${r.skipped} kept as they were (incomplete history)` : ''}.`;
			this.status = 'ready';
		} catch (error) {
			this.writeFailed = true;
			this.fail(error, 'ready');
		}
	}

	dismissReschedule(): void {
		this.offerReschedule = false;
	}

	/** A failed load leaves nothing to edit ('error'); a failed write keeps the form ('ready') for a retry. */
	private fail(error: unknown, then: 'error' | 'ready' = 'error'): void {
		this.message = errorMessage(error);
		this.status = then;
	}
}
