// Small builders for rows in tests.
import { Queue, type CardRow, type NoteRow } from '$lib/domain/model';
import { newCardSchedule } from '$lib/domain/schedule';

export function makeCard(over: Partial<CardRow> & { id: string }): CardRow {
	const noteId = over.noteId ?? over.id.split('#')[0]!;
	return {
		...newCardSchedule(0),
		noteId,
		deckId: 'd',
		ord: 0,
		queue: Queue.New,
		newPosition: 0,
		rev: 0,
		...over
	};
}

export function makeNote(
	deckId: string,
	key: string,
	position: number,
	over: Partial<NoteRow> = {}
): NoteRow {
	return {
		id: `${deckId}/${key}`,
		deckId,
		key,
		kind: 'basic',
		fields: { front: `Q ${key}`, back: `A ${key}` },
		tags: [],
		position,
		updatedMs: 0,
		...over
	};
}
