/**
 * Settings → Sync → Class decks: subscribe to an instructor's class database (by the field or by a
 * `/?subscribe=<url>` link; either asks first, "Download deck from <host>?"), the list of subscriptions,
 * "Check for updates" and "Stop updates". The class-deck client is loaded only when used.
 */
import type { KartkaDB } from '$lib/db/db';
import { getSyncMeta } from '$lib/db/sync-tracking.repo';
import { errorMessage } from '$lib/domain/errors';
import type { ClassSubscription } from '$lib/domain/sync/class-deck';
import { loadClassDeckService } from './sync-runner.svelte';

export interface ClassDeckView {
	url: string;
	host: string;
	decks: string;
}

function describe(sub: ClassSubscription): ClassDeckView {
	const decks = sub.decks.map((d) => `${d.title} (version ${d.version})`).join(', ');
	return { url: sub.url, host: sub.host, decks: decks || 'no deck yet' };
}

export class ClassDecksState {
	address = $state('');
	pending = $state<{ url: string; host: string; question: string } | null>(null);
	subscriptions = $state<ClassDeckView[]>([]);
	busy = $state(false);
	message = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		private readonly clock: () => number = () => Date.now()
	) {}

	async load(): Promise<void> {
		const subs = (await getSyncMeta<ClassSubscription[]>(this.db, 'classDecks')) ?? [];
		this.subscriptions = subs.map(describe);
	}

	/** Names the host and waits for "Download"; a bad address gets its reason instead. */
	async ask(raw: string): Promise<void> {
		this.message = null;
		try {
			this.pending = (await loadClassDeckService()).classAddress(raw);
		} catch (error) {
			this.pending = null;
			this.message = errorMessage(error);
		}
	}

	cancel(): void {
		this.pending = null;
		this.message = 'Nothing was downloaded.';
	}

	private async run(action: () => Promise<string>): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.message = null;
		try {
			this.message = await action();
		} catch (error) {
			this.message = errorMessage(error);
		} finally {
			this.busy = false;
			await this.load();
		}
	}

	download(): Promise<void> {
		const link = this.pending;
		this.pending = null;
		if (!link) return Promise.resolve();
		return this.run(async () => {
			const service = await loadClassDeckService();
			const result = await service.subscribeToClass(this.db, link.url, { nowMs: this.clock });
			this.address = '';
			return result.updated.length
				? `Added from ${link.host}: ${result.updated.join(', ')}. New versions arrive when you sync.`
				: `Already subscribed to ${link.host}; your decks are up to date.`;
		});
	}

	checkNow(): Promise<void> {
		return this.run(async () => {
			const results = await (await loadClassDeckService()).checkClassDecks(this.db, { nowMs: this.clock });
			const updated = results.flatMap((r) => r.updated);
			const kept = results.reduce((n, r) => n + r.userEditsKept, 0);
			if (updated.length === 0) return 'Class decks are up to date.';
			const edits = kept ? ` Your edits kept: ${kept} (the deck's text waits under "Use theirs").` : '';
			return `Updated: ${updated.join(', ')}.${edits}`;
		});
	}

	unsubscribe(url: string): Promise<void> {
		return this.run(async () => {
			await (await loadClassDeckService()).unsubscribe(this.db, url);
			return 'Updates stopped. The decks stay, with your progress.';
		});
	}
}
