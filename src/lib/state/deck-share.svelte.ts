/** The deck screen's "Share and export": the deck's media count and the JSON/CSV exports. */
import type { KartkaDB } from '$lib/db/db';
import { mediaOfDeck } from '$lib/db/media.repo';
import { errorMessage } from '$lib/domain/errors';
import type { ExportedFile } from '$lib/services/export/export.service';

/** The exporters (papaparse, the deck format's schema) load when the student exports (issue 13). */
const exporters = () => import('$lib/services/export/export.service');

export class DeckShareState {
	mediaCount = $state(0);
	exported = $state.raw<ExportedFile | null>(null);
	error = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string
	) {}

	async load(): Promise<void> {
		this.mediaCount = (await mediaOfDeck(this.db, this.deckId)).length;
	}

	/** The exported file (for the caller to hand to the browser), or null after a failure (see `error`). */
	async export(kind: 'json' | 'csv', save: (file: ExportedFile) => void): Promise<void> {
		this.error = null;
		try {
			const { exportDeckCsv, exportDeckJson } = await exporters();
			const file = await (kind === 'json' ? exportDeckJson : exportDeckCsv)(this.db, this.deckId);
			save(file);
			this.exported = file;
		} catch (e) {
			this.error = errorMessage(e);
		}
	}
}
