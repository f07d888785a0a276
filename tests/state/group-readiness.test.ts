// The group screens' states: the group readiness screen setting the group's exam date (with its message
// or the reason it was refused), and the test screen on ?group= keeping its result under the group.
import { afterEach, describe, expect, it } from 'vitest';
import type { KartkaDB } from '$lib/db/db';
import { applyDeckContent } from '$lib/db/deck-content.repo';
import { dateOfStudyDay } from '$lib/domain/exam/exam-plan';
import { studyDayOf } from '$lib/domain/study-day';
import { GroupReadinessState } from '$lib/state/group-readiness.svelte';
import { TestScreen } from '$lib/state/test-screen.svelte';
import { articleDecks } from '../domain/exam/article-decks';
import { dumpTables, freshDb } from '../helpers/db';

const GROUP = "Belarus's anti-Kremlin tilt";
const NOW = new Date(2026, 4, 4, 10, 0).getTime();
const TODAY = studyDayOf(NOW, 4);
const options = { ready: () => Promise.resolve(), clock: () => NOW };
let db: KartkaDB;

afterEach(() => db?.close());

async function articleDb() {
	db = freshDb();
	for (const d of articleDecks()) await applyDeckContent(db, d.deck, d.notes, { nowMs: 0 });
}

describe('group readiness screen', () => {
	it('loads the group, sets its exam date with a message, and refuses a past date with the reason', async () => {
		await articleDb();
		const screen = new GroupReadinessState(db, GROUP, (iso) => `on ${iso}`, options);
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.header.title).toBe(GROUP);
		expect(screen.examDate).toBe('');
		expect(screen.view?.readiness.overall.cards).toBe(await db.cards.count());

		const date = dateOfStudyDay(TODAY + 14);
		await screen.setExamDate(date);
		expect(screen.changeError).toBeNull();
		expect(screen.message).toBe(`Exam date set to on ${date} for all 6 decks of the group.`);
		expect(screen.examDate).toBe(date);
		expect(screen.view?.state.examDay).toBe(TODAY + 14);

		const before = await dumpTables(db);
		await screen.setExamDate(dateOfStudyDay(TODAY - 3));
		expect(screen.changeError).toMatch(/\S/);
		expect(await dumpTables(db)).toEqual(before);

		await screen.setExamDate('');
		expect(screen.examDate).toBe('');
		expect(await db.examPlans.count()).toBe(0);
	});

	it('says "not found" for a group with no decks', async () => {
		await articleDb();
		const screen = new GroupReadinessState(db, 'Nothing', undefined, options);
		await screen.load();
		expect(screen.header.notFound).toBe(true);
		expect(screen.view).toBeNull();
	});
});

describe('test screen on a group', () => {
	it("offers the group's tags, keys the test by the group and links practice to the group", async () => {
		await articleDb();
		const screen = new TestScreen(db, '', new URLSearchParams({ group: GROUP, seed: '42' }), options);
		await screen.load();
		expect(screen.status).toBe('ready');
		expect(screen.deckId).toBe(`group:${GROUP}`);
		expect(screen.tags).toEqual(expect.arrayContaining(['cause', 'date', 'actor']));
		expect(screen.practiceHref(['x'])).toBe(`/practice?group=${encodeURIComponent(GROUP)}&cards=x&start=1`);
	});
});
