/**
 * Progress and cancel for the import screen's steps (download, read, compare, save): a step slower than
 * PROGRESS_DELAY_MS shows a progress bar, "Cancel" aborts its signal, and a cancelled or failed step
 * puts the screen back where it was, with a notice or an error (the collection is never half-changed:
 * every write is one transaction).
 */
import { errorMessage } from '$lib/domain/errors';
import { ImportError } from '$lib/domain/import/import-model';

export type ImportStatus = 'idle' | 'working' | 'preview' | 'done';
/** Work shorter than this shows no progress bar (it would only flicker). */
export const PROGRESS_DELAY_MS = 300;

export class ImportProgress {
	status = $state<ImportStatus>('idle');
	/** What is being done now ("Downloading", "Reading notes", "Saving"…). */
	stage = $state('');
	/** 0..1, or null when unknown (the bar is then indeterminate). */
	fraction = $state<number | null>(null);
	showProgress = $state(false);
	error = $state<string | null>(null);
	/** A short notice, e.g. after a cancel. */
	notice = $state<string | null>(null);

	protected controller: AbortController | null = null;
	/** The work now running (a re-plan after the deck name changed…), for "Import" to wait for. */
	protected inflight: Promise<unknown> | null = null;

	/** Runs `task` with progress (shown after PROGRESS_DELAY_MS) and a cancel that aborts `signal`. */
	protected async run<T>(stage: string, task: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
		this.controller?.abort();
		const controller = new AbortController();
		this.controller = controller;
		const back = this.status === 'working' ? 'idle' : this.status;
		this.status = 'working';
		this.stage = stage;
		this.fraction = null;
		this.error = null;
		this.notice = null;
		const timer = setTimeout(() => {
			if (this.controller === controller) this.showProgress = true;
		}, PROGRESS_DELAY_MS);
		const work = task(controller.signal);
		this.inflight = work;
		try {
			return await work;
		} catch (error) {
			if (this.controller !== controller) return undefined; // superseded by a newer action
			if (controller.signal.aborted || (error instanceof ImportError && error.code === 'cancelled')) {
				this.status = back;
				this.notice = 'Cancelled: nothing was changed.';
			} else {
				this.status = back === 'done' ? 'idle' : back;
				this.error = errorMessage(error);
			}
			return undefined;
		} finally {
			clearTimeout(timer);
			if (this.controller === controller) {
				this.controller = null;
				this.inflight = null;
				this.showProgress = false;
			}
		}
	}

	protected progress = (fraction: number | null, stage?: string) => {
		this.fraction = fraction;
		if (stage) this.stage = stage;
	};

	cancel(): void {
		this.controller?.abort();
	}
}
