/** Drives the statistics screen: loads the report for one deck (or all) and exposes its status. */
import type { KartkaDB } from '$lib/db/db';
import { loadStats, type StatsReport } from '$lib/services/stats/stats.service';

export class StatsScreen {
	status = $state<'loading' | 'ready' | 'error'>('loading');
	report = $state.raw<StatsReport | null>(null);
	error = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string | null,
		private readonly clock: () => number = () => Date.now()
	) {}

	async load(): Promise<void> {
		this.status = 'loading';
		try {
			this.report = await loadStats(this.db, this.clock(), this.deckId);
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'error';
		}
	}
}
