/** The deck screen's "Export .apkg": builds the package (sql.js loads on demand) and downloads it. */
import type { KartkaDB } from '$lib/db/db';
import { errorMessage } from '$lib/domain/errors';
import type { ApkgFile } from '$lib/services/anki-export/apkg-export.service';

export class AnkiExportState {
	busy = $state(false);
	withReviews = $state(false);
	message = $state<string | null>(null);
	error = $state<string | null>(null);

	constructor(
		private readonly db: KartkaDB,
		private readonly deckId: string,
		private readonly clock: () => number = () => Date.now()
	) {}

	/** `save` hands the file to the browser (a download); the component knows how. */
	async run(save: (file: ApkgFile) => void): Promise<void> {
		this.busy = true;
		this.error = null;
		this.message = null;
		try {
			// The package writer (fflate, sql.js) loads when the student exports (issue 13).
			const { exportDeckApkg } = await import('$lib/services/anki-export/apkg-export.service');
			const file = await exportDeckApkg(this.db, this.deckId, {
				withReviews: this.withReviews,
				nowMs: this.clock()
			});
			save(file);
			const history = this.withReviews ? `, ${file.reviews} reviews` : '';
			this.message = `Exported ${file.fileName}: ${file.notes} notes, ${file.cards} cards${history}.`;
		} catch (e) {
			this.error = `The deck could not be exported: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}
}
