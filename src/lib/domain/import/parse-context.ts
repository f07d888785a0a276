/** Progress reporting and cancellation shared by the parsers (checked between stages and every few rows). */
import { ImportError, type ParseOptions } from './import-model';

export class ParseContext {
	constructor(private readonly options: Pick<ParseOptions, 'signal' | 'onProgress'>) {}

	/** Throws ImportError('cancelled') once the signal fires. */
	checkCancelled(): void {
		if (this.options.signal?.aborted)
			throw new ImportError('cancelled', 'Import cancelled: nothing was imported.');
	}

	/** Reports progress (0..1 within a stage) and checks for cancellation. */
	step(fraction: number, stage: string): void {
		this.checkCancelled();
		this.options.onProgress?.(Math.max(0, Math.min(1, fraction)), stage);
	}
}
