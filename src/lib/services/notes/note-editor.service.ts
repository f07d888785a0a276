/** Add and Edit: a form's draft becomes a note (and a new deck, and pasted images) in one transaction. */
import type { KartkaDB } from '$lib/db/db';
import { writeNewNote, writeNoteEdit, type EditResult } from '$lib/db/note-write.repo';
import { KartkaError } from '$lib/domain/errors';
import type { CardRow, DeckRow, MediaRow, NoteRow } from '$lib/domain/model';
import { cleanDeckTitle, draftContent, newDeckRow, type NoteDraft } from '$lib/domain/notes/note-draft';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_EXT: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/webp': 'webp'
};

/** A picked or pasted image as a media row named by its content (the same image twice is one file). */
export async function imageToMedia(bytes: Uint8Array, mime: string, nowMs: number): Promise<MediaRow> {
	const ext = IMAGE_EXT[mime];
	if (!ext) throw new KartkaError('image-type', 'Only PNG, JPEG, GIF and WebP images can be added.');
	if (bytes.byteLength > MAX_IMAGE_BYTES)
		throw new KartkaError('image-size', 'That image is larger than 5 MB.');
	const copy = new Uint8Array(bytes);
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copy));
	const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
	return {
		name: `kartka-${sha256.slice(0, 16)}.${ext}`,
		mime,
		bytes: copy,
		size: copy.byteLength,
		sha256,
		deckIds: [],
		addedMs: nowMs
	};
}

export interface AddTarget {
	/** An existing deck, or null with `newDeckTitle` for "New deck". */
	deckId: string | null;
	newDeckTitle?: string;
}

export interface AddOptions {
	nowMs: number;
	/** A random id part (tests pass a fixed one). */
	randomId?: () => string;
	media?: MediaRow[];
}

const defaultRandomId = () => crypto.randomUUID().slice(0, 8);

export async function addNote(
	db: KartkaDB,
	target: AddTarget,
	draft: NoteDraft,
	options: AddOptions
): Promise<{ deck: DeckRow | null; note: NoteRow; cards: CardRow[] }> {
	const randomId = options.randomId ?? defaultRandomId;
	let newDeck: DeckRow | undefined;
	let deckId = target.deckId;
	if (!deckId) {
		const title = cleanDeckTitle(target.newDeckTitle ?? '');
		if (!title) throw new KartkaError('deck-title', 'Give the new deck a name.');
		newDeck = newDeckRow(`my-${randomId()}`, title, options.nowMs);
		deckId = newDeck.id;
	}
	const key = `n${options.nowMs.toString(36)}-${randomId()}`;
	const { note, cards } = await writeNewNote(db, {
		deckId,
		newDeck,
		key,
		content: draftContent(draft),
		media: options.media,
		nowMs: options.nowMs
	});
	return { deck: newDeck ?? null, note, cards };
}

export function saveEdit(
	db: KartkaDB,
	noteId: string,
	draft: NoteDraft,
	nowMs: number,
	media: MediaRow[] = []
): Promise<EditResult> {
	return writeNoteEdit(db, noteId, draftContent(draft), nowMs, media);
}
