/** The readiness screen's data: loaded once, reloaded on demand. */
import type { KartkaDB } from '$lib/db/db';
import { readinessView, type ReadinessView } from '$lib/services/exam/readiness.service';

export class ReadinessState {
	view = $state.raw<ReadinessView | null>(null);
	error = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		private readonly clock: () => number = () => Date.now()
	) {}

	async load(): Promise<void> {
		try {
			this.view = await readinessView(this.db, this.deckId, this.clock());
			this.error = null;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		}
	}
}
