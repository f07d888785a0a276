/** The statistics screen's figures for one deck or all decks, read in one pass and computed in domain/stats. */
import type { KartkaDB } from '$lib/db/db';
import { getDeck } from '$lib/db/decks.repo';
import { getGlobalSettings } from '$lib/db/settings.repo';
import { cardsOf, noteTags, reviewLogsSince } from '$lib/db/stats.repo';
import { resolveSettings } from '$lib/domain/scheduler-settings';
import {
	cardStateCounts,
	dueForecast,
	type CardStateCounts,
	type ForecastDay
} from '$lib/domain/stats/card-stats';
import {
	answersPerDay,
	minutesPerDay,
	retentionByTag,
	trueRetention,
	type DayCount,
	type DayMinutes,
	type RetentionFigure,
	type TagRetention
} from '$lib/domain/stats/review-stats';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';

const HEATMAP_DAYS = 365;
const FORECAST_DAYS = 30;
const TIME_DAYS = 30;
const RETENTION_WINDOWS = [7, 30, 365] as const;

export interface StatsReport {
	deckId: string | null;
	/** "All decks" or the deck's title. */
	title: string;
	today: number;
	cutoffHour: number;
	desiredRetention: number;
	answersPerDay: DayCount[];
	forecast: ForecastDay[];
	retention: { days: (typeof RETENTION_WINDOWS)[number]; figure: RetentionFigure }[];
	states: CardStateCounts;
	/** Over the last year. */
	tags: TagRetention[];
	minutesPerDay: DayMinutes[];
}

class DeckNotFound extends Error {
	constructor(deckId: string) {
		super(`There is no deck "${deckId}" on this device.`);
		this.name = 'DeckNotFound';
	}
}

export async function loadStats(db: KartkaDB, nowMs: number, deckId: string | null): Promise<StatsReport> {
	const deck = deckId === null ? undefined : await getDeck(db, deckId);
	if (deckId !== null && !deck) throw new DeckNotFound(deckId);
	const settings = resolveSettings(await getGlobalSettings(db), deck?.settings);
	const cutoffHour = settings.dayCutoffHour;
	const today = studyDayOf(nowMs, cutoffHour);
	const fromMs = startOfStudyDay(today - HEATMAP_DAYS + 1, cutoffHour);
	const scope = deckId ?? undefined;
	const [logs, cards, tags] = await Promise.all([
		reviewLogsSince(db, fromMs, scope),
		cardsOf(db, scope),
		noteTags(db, scope)
	]);
	// Logs store the study day at the cutoff in force when answered; windows use today's numbering.
	return {
		deckId,
		title: deck?.title ?? 'All decks',
		today,
		cutoffHour,
		desiredRetention: settings.desiredRetention,
		answersPerDay: answersPerDay(logs, today, HEATMAP_DAYS),
		forecast: dueForecast(cards, nowMs, cutoffHour, FORECAST_DAYS),
		retention: RETENTION_WINDOWS.map((days) => ({ days, figure: trueRetention(logs, today, days) })),
		states: cardStateCounts(cards),
		tags: retentionByTag(logs, tags),
		minutesPerDay: minutesPerDay(logs, today, TIME_DAYS)
	};
}
