/**
 * The one loading/error state every screen has: `status` and `error`, set by `load()`, which waits for the
 * app start-up and then runs the screen's own loading. A failure shows its message and "Try again" calls
 * `load()` once more (app start-up included: `appReady` retries after a failure).
 */
import { errorMessage } from '$lib/domain/errors';
import { appReady } from './app-ready';
import { markPageReady } from './page-ready';

export type ScreenStatus = 'loading' | 'ready' | 'error';

export interface ScreenOptions {
	/** App start-up to wait for (tests pass a resolved one). */
	ready?: () => Promise<void>;
	/** The current time in epoch ms (tests pass a fixed clock). */
	clock?: () => number;
}

export abstract class ScreenState {
	status = $state<ScreenStatus>('loading');
	error = $state<string | null>(null);
	protected readonly ready: () => Promise<void>;
	protected readonly clock: () => number;

	constructor(options: ScreenOptions = {}) {
		this.ready = options.ready ?? appReady;
		this.clock = options.clock ?? (() => Date.now());
	}

	/** What this screen reads once the app is ready. */
	protected abstract fetch(): Promise<void>;

	async load(): Promise<void> {
		this.status = 'loading';
		this.error = null;
		try {
			await this.ready();
			await this.fetch();
			this.status = 'ready';
		} catch (error) {
			this.error = errorMessage(error);
			this.status = 'error';
		}
		markPageReady();
	}
}
