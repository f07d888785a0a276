/**
 * One run of "Optimize": reads the history, checks there is enough of it, fits in the wasm worker (loaded
 * on demand, so neither the client nor the wasm is in the first load), shows progress, can be cancelled,
 * and reports log loss / RMSE before and after.
 */
import type { KartkaDB } from '$lib/db/db';
import { errorMessage } from '$lib/domain/errors';
import type { OptimizeOutcome } from '$lib/services/optimizer/optimize.service';

export type OptimizerStatus = 'idle' | 'running' | 'done' | 'too-few' | 'cancelled' | 'unavailable' | 'error';

export class OptimizerRun {
	status = $state<OptimizerStatus>('idle');
	/** 0..1, never going back during a run. */
	fraction = $state(0);
	outcome = $state.raw<OptimizeOutcome | null>(null);
	message = $state<string | null>(null);
	private controller: AbortController | null = null;

	constructor(
		private readonly db: KartkaDB,
		private readonly onKept: () => void | Promise<void> = () => {}
	) {}

	get running(): boolean {
		return this.status === 'running';
	}

	async start(): Promise<void> {
		if (this.running) return;
		this.status = 'running';
		this.fraction = 0;
		this.message = null;
		this.outcome = null;
		const controller = new AbortController();
		this.controller = controller;
		try {
			const [{ fitParameters, OptimizerCancelled, OptimizerUnavailable }, { optimizeParameters }] =
				await Promise.all([
					import('$lib/services/optimizer/optimizer.client'),
					import('$lib/services/optimizer/optimize.service')
				]);
			try {
				const outcome = await optimizeParameters(this.db, (packed) =>
					fitParameters(packed, {
						signal: controller.signal,
						onProgress: (p) => (this.fraction = Math.max(this.fraction, Math.min(0.99, p.fraction)))
					})
				);
				this.outcome = outcome;
				this.fraction = 1;
				this.status = outcome.kind === 'too-few' ? 'too-few' : 'done';
				if (outcome.kind === 'fitted' && outcome.kept) await this.onKept();
			} catch (error) {
				if (error instanceof OptimizerCancelled) this.status = 'cancelled';
				else if (error instanceof OptimizerUnavailable) this.status = 'unavailable';
				else this.status = 'error';
				this.message = errorMessage(error);
			}
		} catch (error) {
			this.status = 'error';
			this.message = `The optimizer could not be loaded: ${errorMessage(error)}`;
		} finally {
			this.controller = null;
		}
	}

	cancel(): void {
		this.controller?.abort();
	}
}
