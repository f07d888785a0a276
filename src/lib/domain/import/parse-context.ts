/** Progress reporting and cancellation shared by the parsers (checked between stages and every few rows). */
import { ImportError, type ParseOptions } from './import-model';

export class ParseContext {
	private readonly clockMs: () => number;
	private readonly startMs: number;
	/** Checks so far (tests count them: bounded work without timing anything). */
	checks = 0;

	constructor(
		private readonly options: Partial<Pick<ParseOptions, 'signal' | 'onProgress' | 'clockMs' | 'fileName'>>,
		/** Infinity: no time budget. */
		private readonly budgetMs = Infinity
	) {
		this.clockMs = options.clockMs ?? (() => globalThis.performance.now());
		this.startMs = this.clockMs();
	}

	/**
	 * Throws ImportError('cancelled') once the signal fires, and ImportError('too-slow') once the parse has
	 * taken longer than its budget: no file may keep the import screen busy for ever.
	 */
	checkCancelled(): void {
		this.checks++;
		if (this.options.signal?.aborted)
			throw new ImportError('cancelled', 'Import cancelled: nothing was imported.');
		if (this.budgetMs !== Infinity && this.clockMs() - this.startMs > this.budgetMs) {
			throw new ImportError(
				'too-slow',
				`Reading "${this.options.fileName || 'the file'}" took longer than ${Math.round(this.budgetMs / 1000)} s, so Kartka stopped. Nothing was imported. Try a smaller file (split the deck), or import it on a computer.`
			);
		}
	}

	/** Reports progress (0..1 within a stage) and checks for cancellation. */
	step(fraction: number, stage: string): void {
		this.checkCancelled();
		this.options.onProgress?.(Math.max(0, Math.min(1, fraction)), stage);
	}
}
