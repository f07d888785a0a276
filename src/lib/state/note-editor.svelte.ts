/**
 * The Add / Edit screen (/add, /add?note=ID): the form's draft, the live preview, problems, duplicate
 * fronts, pasted images, and for an edited deck note the "Use theirs" / "Keep mine" choice.
 */
import type { KartkaDB } from '$lib/db/db';
import { listDecks } from '$lib/db/decks.repo';
import { getNote, notesOfDeck, resolveNewerVersion } from '$lib/db/note-write.repo';
import { deckPath } from '$lib/domain/decks/deck-groups';
import { errorMessage, KartkaError } from '$lib/domain/errors';
import type { MediaRow, NoteRow } from '$lib/domain/model';
import { diffNoteContent, hasNewerVersion, type NoteDiff } from '$lib/domain/notes/deck-update-conflict';
import { noteContent, noteProblems } from '$lib/domain/notes/note-edit';
import {
	draftContent,
	draftFromNote,
	duplicateFronts,
	EMPTY_DRAFT,
	previewCards,
	wrapCloze,
	wrapList,
	wrapTag,
	type NoteDraft
} from '$lib/domain/notes/note-draft';
import { addNote, imageToMedia, saveEdit } from '$lib/services/notes/note-editor.service';
import { keepPreviewMedia, previewMedia } from './media-urls.svelte';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export const NEW_DECK = '__new__';

export interface DeckChoice {
	id: string;
	name: string;
}

export type Wrap = 'cloze' | 'bold' | 'italic' | 'list';

export interface EditorOptions extends ScreenOptions {
	randomId?: () => string;
	/** Deck to preselect (?deck=). */
	deckId?: string | null;
}

export class NoteEditorScreen extends ScreenState {
	decks = $state.raw<DeckChoice[]>([]);
	deckId = $state<string>(NEW_DECK);
	newDeckTitle = $state('');
	draft = $state<NoteDraft>({ ...EMPTY_DRAFT });
	/** The note being edited (null: adding). */
	note = $state.raw<NoteRow | null>(null);
	/** Problems shown after "Add"/"Save" was pressed with content that cannot be saved. */
	problems = $state<string[]>([]);
	/** What the last action did, for the live region. */
	message = $state<string | null>(null);
	saving = $state(false);
	private deckNotes = $state.raw<NoteRow[]>([]);
	// Bookkeeping only (never rendered).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private images = new Map<string, MediaRow>();

	readonly content = $derived(draftContent(this.draft));
	readonly preview = $derived(noteProblems(this.content).length ? [] : previewCards(this.content));
	readonly duplicates = $derived(duplicateFronts(this.content, this.deckNotes, this.note?.id));
	readonly newerVersion = $derived<NoteDiff | null>(
		this.note && hasNewerVersion(this.note)
			? diffNoteContent(noteContent(this.note), this.note.userEdit!.theirs!)
			: null
	);

	constructor(
		private readonly db: KartkaDB,
		private readonly noteId: string | null,
		private readonly options: EditorOptions = {}
	) {
		super(options);
	}

	get editing(): boolean {
		return this.noteId !== null;
	}

	protected async fetch(): Promise<void> {
		const decks = await listDecks(this.db);
		this.decks = decks
			.map((d) => ({ id: d.id, name: deckPath(d) }))
			.sort((a, b) => a.name.localeCompare(b.name));
		if (this.noteId) {
			const note = await getNote(this.db, this.noteId);
			if (!note) throw new KartkaError('note-missing', 'This note no longer exists.');
			this.note = note;
			this.draft = draftFromNote(note);
			this.deckId = note.deckId;
		} else {
			const wanted = this.options.deckId;
			this.deckId = wanted && decks.some((d) => d.id === wanted) ? wanted : (this.decks[0]?.id ?? NEW_DECK);
		}
		await this.loadDeckNotes();
	}

	async chooseDeck(deckId: string): Promise<void> {
		this.deckId = deckId;
		await this.loadDeckNotes();
	}

	private async loadDeckNotes(): Promise<void> {
		this.deckNotes = this.deckId === NEW_DECK ? [] : await notesOfDeck(this.db, this.deckId);
	}

	/** Applies a formatting wrap to field `which` over [start, end); returns where the caret goes. */
	wrap(which: 'first' | 'second', how: Wrap, start: number, end: number): number {
		const text = this.draft[which];
		const out =
			how === 'cloze'
				? wrapCloze(text, start, end)
				: how === 'list'
					? wrapList(text, start, end)
					: wrapTag(text, start, end, how === 'bold' ? 'b' : 'i');
		this.draft[which] = out.text;
		return out.caret;
	}

	/** A picked or pasted image: stored with the note on save; returns the HTML to insert. */
	async addImage(bytes: Uint8Array, mime: string): Promise<string | null> {
		try {
			const media = await imageToMedia(bytes, mime, this.clock());
			this.images.set(media.name, media);
			previewMedia([media]);
			return `<img src="${media.name}" alt="">`;
		} catch (e) {
			this.message = errorMessage(e);
			return null;
		}
	}

	private usedImages(): MediaRow[] {
		const html = Object.values(this.content.fields).join(' ');
		return [...this.images.values()].filter((m) => html.includes(m.name));
	}

	/** "Add" (Ctrl+Enter) or "Save". Returns true when written. */
	async save(): Promise<boolean> {
		if (this.saving) return false;
		this.problems = noteProblems(this.content);
		if (this.deckId === NEW_DECK && !this.editing && this.newDeckTitle.trim() === '')
			this.problems = [...this.problems, 'Give the new deck a name.'];
		if (this.problems.length) {
			this.message = null;
			return false;
		}
		this.saving = true;
		try {
			const nowMs = this.clock();
			const media = this.usedImages();
			if (this.note) {
				const r = await saveEdit(this.db, this.note.id, this.draft, nowMs, media);
				this.note = r.note;
				const parts = [`Saved.`];
				if (r.added) parts.push(`${r.added} new card${r.added === 1 ? '' : 's'}.`);
				if (r.suspended)
					parts.push(
						`${r.suspended} card${r.suspended === 1 ? '' : 's'} suspended because its text was removed.`
					);
				if (r.restored) parts.push(`${r.restored} card${r.restored === 1 ? '' : 's'} back from suspension.`);
				this.message = parts.join(' ');
			} else {
				const target =
					this.deckId === NEW_DECK
						? { deckId: null, newDeckTitle: this.newDeckTitle }
						: { deckId: this.deckId };
				const r = await addNote(this.db, target, this.draft, {
					nowMs,
					media,
					randomId: this.options.randomId
				});
				if (r.deck) {
					this.decks = [...this.decks, { id: r.deck.id, name: r.deck.title }];
					this.deckId = r.deck.id;
					this.newDeckTitle = '';
				}
				const deckName = this.decks.find((d) => d.id === this.deckId)?.name ?? '';
				this.message = `Added ${r.cards.length} card${r.cards.length === 1 ? '' : 's'} to ${deckName}.`;
				// Ready for the next card: deck, kind and tags stay.
				this.draft = { ...EMPTY_DRAFT, kind: this.draft.kind, tags: this.draft.tags };
				this.images.clear();
			}
			keepPreviewMedia();
			this.problems = [];
			await this.loadDeckNotes();
			return true;
		} catch (e) {
			this.message = null;
			this.problems = [errorMessage(e)];
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** "Use theirs" / "Keep mine" for a held newer deck version. */
	async resolve(choice: 'theirs' | 'mine'): Promise<void> {
		if (!this.note) return;
		try {
			this.note = await resolveNewerVersion(this.db, this.note.id, choice, this.clock());
			this.draft = draftFromNote(this.note);
			this.message = choice === 'theirs' ? "The deck's newer version is used." : 'Your edit is kept.';
		} catch (e) {
			this.problems = [errorMessage(e)];
		}
	}
}
