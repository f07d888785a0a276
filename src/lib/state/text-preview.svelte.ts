/**
 * The first rows of a text file as the importer would split them (the import screen's preview of its text
 * options). The splitter (and papaparse) loads when a text file is chosen, not with the screen (issue 13:
 * /import's first-load JS), so a preview arrives later than it is asked: only the latest one is shown.
 */
import type { TextOptions, TextPreview } from '$lib/domain/import/import-model';

/** Rows shown under the text options. */
const PREVIEW_ROWS = 3;

export class TextPreviewState {
	current = $state.raw<TextPreview | null>(null);
	/** Which preview is the latest asked (an older one finishing later is dropped). */
	private asked = 0;

	async refresh(text: string | null, options: TextOptions): Promise<void> {
		const ask = ++this.asked;
		if (text === null) {
			this.current = null;
			return;
		}
		let preview: TextPreview | null = null;
		try {
			const { previewText } = await import('$lib/domain/import/text-import');
			preview = previewText(text, { ...options, maxRows: PREVIEW_ROWS });
		} catch {
			preview = null;
		}
		if (ask === this.asked) this.current = preview;
	}

	/** No preview, and none of those still loading may come back. */
	clear(): void {
		this.asked++;
		this.current = null;
	}
}
