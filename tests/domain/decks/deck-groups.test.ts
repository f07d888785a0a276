// Deck groups: Anki names to nested groups, summed counts, and one queue over a group with limits.
import { describe, expect, it } from 'vitest';
import { Queue } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { StudyQueue } from '$lib/domain/study-queue';
import {
	buildDeckTree,
	deckPath,
	groupDeckIds,
	groupNames,
	inGroup,
	splitAnkiDeckName,
	type DeckCounts
} from '$lib/domain/decks/deck-groups';
import { groupQueueInput, interleave, type DeckCandidates } from '$lib/domain/decks/group-queue';
import { makeCard } from '../../helpers/cards';

const ARTICLE = "Belarus's anti-Kremlin tilt";

describe('deck groups', () => {
	it('turns Anki Parent::Child names into nested groups', () => {
		expect(splitAnkiDeckName('MAIN ADMIN 1::LearnFrenchWithAlexa::Colours')).toEqual({
			title: 'Colours',
			group: 'MAIN ADMIN 1::LearnFrenchWithAlexa'
		});
		expect(splitAnkiDeckName('Default')).toEqual({ title: 'Default' });
		expect(splitAnkiDeckName(' A :: :: B ')).toEqual({ title: 'B', group: 'A' });
		expect(deckPath({ title: 'Colours', group: 'A::B' })).toBe('A::B::Colours');
		expect(groupNames('a::'.repeat(20)).length).toBe(8);
		expect(inGroup({ group: 'A::B' }, 'A')).toBe(true);
		expect(inGroup({ group: 'AB' }, 'A')).toBe(false);
	});

	it('builds the home tree with counts summed over every deck under a group', () => {
		const c = (n: number, l: number, r: number): DeckCounts => ({
			new: n,
			learning: l,
			review: r,
			total: n + l + r
		});
		const tree = buildDeckTree(
			[
				{ id: 'causes', group: ARTICLE },
				{ id: 'loose' },
				{ id: 'actors', group: ARTICLE },
				{ id: 'colours', group: 'MAIN::French' },
				{ id: 'verbs', group: 'MAIN::French' },
				{ id: 'maths', group: 'MAIN' }
			],
			new Map([
				['causes', c(5, 1, 2)],
				['actors', c(3, 0, 4)],
				['colours', c(1, 1, 1)],
				['verbs', c(2, 0, 0)],
				['maths', c(0, 0, 9)],
				['loose', c(7, 7, 7)]
			])
		);
		expect(tree.deckIds).toEqual(['loose']);
		const [article, main] = tree.groups;
		expect(article).toMatchObject({ path: ARTICLE, deckIds: ['causes', 'actors'], counts: c(8, 1, 6) });
		expect(main!.counts).toEqual(c(3, 1, 10));
		expect(main!.groups[0]).toMatchObject({ path: 'MAIN::French', name: 'French', counts: c(3, 1, 1) });
		expect(groupDeckIds(main!)).toEqual(['maths', 'colours', 'verbs']);
	});
});

describe('Study all: one queue over a group', () => {
	const NOW = 1_000_000_000;
	const fresh = (deck: string, i: number) =>
		makeCard({ id: `${deck}/n${i}#0`, deckId: deck, newPosition: i });
	const review = (deck: string, i: number, dueMs: number) =>
		makeCard({ id: `${deck}/r${i}#0`, deckId: deck, queue: Queue.Review, state: CardState.Review, dueMs });
	const deck = (id: string, over: Partial<DeckCandidates> = {}): DeckCandidates => ({
		deckId: id,
		limits: { newCardsPerDay: 3, reviewsPerDay: 100 },
		learning: [],
		review: [],
		fresh: [0, 1, 2, 3, 4].map((i) => fresh(id, i)),
		newStudiedToday: 0,
		reviewsDoneToday: 0,
		...over
	});
	const options = {
		nowMs: NOW,
		endOfDayMs: NOW + 1e7,
		groupLimits: { newCardsPerDay: 5, reviewsPerDay: 3 },
		burySiblings: false,
		notesStudiedToday: new Set<string>()
	};

	it('mixes new cards of every deck, within each deck limit and the group limit', () => {
		const q = new StudyQueue(groupQueueInput([deck('a'), deck('b', { newStudiedToday: 2 })], options));
		const ids = q.cards().map((c) => c.id);
		// b has 1 new card left of its own 3; the group has 5 - 2 studied = 3 left
		expect(ids).toEqual(['a/n0#0', 'b/n0#0', 'a/n1#0']);
		const capped = new StudyQueue(groupQueueInput([deck('a'), deck('b'), deck('c')], options));
		expect(new Set(capped.cards().map((c) => c.deckId))).toEqual(new Set(['a', 'b', 'c']));
		expect(capped.counts().new).toBe(5);
	});

	it('takes the oldest reviews across decks up to the group limit, and leaves buried cards out', () => {
		const input = groupQueueInput(
			[
				deck('a', { fresh: [], review: [review('a', 0, NOW - 5), review('a', 1, NOW - 1)] }),
				deck('b', { fresh: [], review: [review('b', 0, NOW - 9), review('b', 1, NOW - 3)] })
			],
			{ ...options, isBuried: (c) => c.id === 'b/r1#0' }
		);
		expect(new StudyQueue(input).cards().map((c) => c.id)).toEqual(['b/r0#0', 'a/r0#0', 'a/r1#0']);
	});

	it('interleaves lists of different lengths', () => {
		expect(interleave([[1, 2, 3], [4], [5, 6]])).toEqual([1, 4, 5, 2, 6, 3]);
	});
});
