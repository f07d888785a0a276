/** Scheduler settings: global defaults, overridable per deck. Plain data, stored as is in IndexedDB. */
export interface SchedulerSettings {
	/** Target probability of recall when a review falls due (FSRS request_retention). */
	desiredRetention: number;
	maximumIntervalDays: number;
	/** Steps under a day, e.g. '1m', '10m', '1h'. */
	learningSteps: string[];
	relearningSteps: string[];
	newCardsPerDay: number;
	reviewsPerDay: number;
	/** Local hour at which a new study day starts (Anki's "next day starts at"). */
	dayCutoffHour: number;
	/** Spread intervals a little so that cards learned together do not stay together. Deterministic per card. */
	fuzz: boolean;
	/** Hide other cards of the same note until the next study day once one of them is studied. */
	burySiblings: boolean;
	/** Personal FSRS parameters; null means the library's defaults. */
	weights: number[] | null;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = Object.freeze({
	desiredRetention: 0.9,
	maximumIntervalDays: 36_500,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	newCardsPerDay: 20,
	reviewsPerDay: 200,
	dayCutoffHour: 4,
	fuzz: true,
	burySiblings: true,
	weights: null
}) as SchedulerSettings;

/** Deck settings win over global ones, field by field. */
export function resolveSettings(
	global: Partial<SchedulerSettings> | undefined,
	deck: Partial<SchedulerSettings> | undefined
): SchedulerSettings {
	return { ...DEFAULT_SCHEDULER_SETTINGS, ...(global ?? {}), ...(deck ?? {}) };
}
