// A small collection for the search table: four decks (two groups), eleven cards in every state.
import { Queue, type CardRow, type DeckRow, type NoteRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { toSearchable, type SearchContext, type SearchableCard } from '$lib/domain/browse/search-match';
import { startOfStudyDay, studyDayOf } from '$lib/domain/study-day';
import { makeCard } from '../../helpers/cards';

export const CUTOFF = 4;
/** Local noon on 10 March 2026: the fixed clock of every search test. */
export const NOW = new Date(2026, 2, 10, 12, 0, 0).getTime();
const TODAY = studyDayOf(NOW, CUTOFF);
const day = (offset: number) => startOfStudyDay(TODAY + offset, CUTOFF);
const MIN = 60_000;

const decks: Record<string, Pick<DeckRow, 'title' | 'group'>> = {
	actors: { title: 'Actors', group: "Belarus's anti-Kremlin tilt" },
	causes: { title: 'Causes', group: "Belarus's anti-Kremlin tilt" },
	french: { title: 'Colours', group: 'MAIN ADMIN 1::LearnFrenchWithAlexa' },
	misc: { title: 'Misc' }
};

type Fixture = {
	id: string;
	note: Pick<NoteRow, 'fields' | 'tags'> & { sourceQuote?: string; kind?: NoteRow['kind'] };
	card: Partial<CardRow>;
	last?: { reviewedMs: number; rating: number };
	r?: number;
};

const review = (dueOffsetDays: number, ivl: number, stability: number): Partial<CardRow> => ({
	state: CardState.Review,
	queue: Queue.Review,
	dueMs: day(dueOffsetDays),
	scheduledDays: ivl,
	stability,
	difficulty: 5,
	reps: 3,
	lastReviewMs: day(dueOffsetDays - ivl)
});

const cloze = { text: 'The {{c1::sanctions}} hit {{c2::potash}} exports', extra: '' };

const fixtures: Fixture[] = [
	{
		id: 'actors/n1#0',
		note: {
			fields: { front: 'Who is Łukašenka?', back: 'The president of <b>Belarus</b>' },
			tags: ['actor']
		},
		card: review(0, 10, 12),
		last: { reviewedMs: NOW - 2 * 3_600_000, rating: 3 },
		r: 0.95
	},
	{
		id: 'actors/n2#0',
		note: {
			fields: { front: 'What did Satanovsky say?', back: 'That Minsk drifts' },
			tags: ['actor', 'quote'],
			sourceQuote: 'Yevgeny Satanovsky, a Russian commentator'
		},
		card: { ...review(5, 20, 30), lapses: 2 },
		last: { reviewedMs: day(-2) + MIN, rating: 1 },
		r: 0.85
	},
	{
		id: 'causes/n3#0',
		note: {
			kind: 'reversible',
			fields: { front: 'Why did Minsk tilt?', back: 'Because of the war in Ukraine' },
			tags: ['cause']
		},
		card: {}
	},
	{
		id: 'causes/n3#1',
		note: {
			kind: 'reversible',
			fields: { front: 'Why did Minsk tilt?', back: 'Because of the war in Ukraine' },
			tags: ['cause']
		},
		card: { ord: 1 }
	},
	{
		id: 'causes/n4#1',
		note: { fields: cloze, tags: ['cause', 'economy'] },
		card: { state: CardState.Learning, queue: Queue.Learning, dueMs: NOW - 10 * MIN, reps: 1 },
		last: { reviewedMs: NOW - 20 * MIN, rating: 1 },
		r: 0.9
	},
	{
		id: 'causes/n4#2',
		note: { fields: cloze, tags: ['cause', 'economy'] },
		card: { ...review(-1, 4, 5), queue: Queue.Suspended, suspendedReason: 'content' },
		r: 0.5
	},
	{
		id: 'causes/n5#0',
		note: { fields: { front: 'Café culture in Minsk', back: 'crème brûlée' }, tags: ['culture'] },
		card: { ...review(-3, 7, 8), buriedUntilMs: day(1) },
		r: 0.7
	},
	{
		id: 'french/n6#0',
		note: { fields: { front: 'rouge', back: 'red' }, tags: ['colour', 'french::basic'] },
		card: review(40, 60, 80),
		last: { reviewedMs: day(-60) + MIN, rating: 4 },
		r: 0.99
	},
	{
		id: 'french/n7#0',
		note: { fields: { front: 'bleu', back: 'blue' }, tags: ['colour'] },
		card: {
			...review(0, 0, 2),
			state: CardState.Relearning,
			queue: Queue.Learning,
			dueMs: NOW - MIN,
			lapses: 5
		},
		last: { reviewedMs: NOW - 11 * MIN, rating: 1 },
		r: 0.3
	},
	{
		id: 'misc/n8#0',
		note: { fields: { front: 'Say "hello world" twice', back: 'hello, world' }, tags: [] },
		card: { queue: Queue.Suspended, suspendedReason: 'user' }
	},
	{
		id: 'misc/n9#0',
		note: { fields: { front: '10:30 is the time', back: 'half past ten' }, tags: ['time'] },
		card: review(-1, 1, 1.5),
		last: { reviewedMs: day(-10) + MIN, rating: 4 },
		r: 0.6
	}
];

export const ALL_IDS = fixtures.map((f) => f.id);

export function fixtureCollection(): SearchableCard[] {
	return fixtures.map((f) => {
		const deckId = f.id.split('/')[0]!;
		const card = makeCard({ id: f.id, deckId, dueMs: NOW, ...f.card });
		const kind = f.note.kind ?? ('text' in f.note.fields ? 'cloze' : 'basic');
		return toSearchable(card, { ...f.note, kind }, decks[deckId], f.last ? [f.last] : []);
	});
}

const rById = new Map(fixtures.map((f) => [f.id, f.r ?? 0]));

export const context: SearchContext = {
	nowMs: NOW,
	dayCutoffHour: CUTOFF,
	retrievability: (card) => rById.get(card.id) ?? 0
};
