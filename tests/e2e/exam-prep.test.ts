// Exam preparation on a phone-sized Chromium with the real article deck: set an exam date and see the
// plan; take a 10-question mixed test by touch and another by keyboard alone, each checked against the
// same test generated here from the deck file and its seed; see the report; practise the missed cards
// without changing any schedule; see both results on the readiness screen. axe-core finds nothing on
// the test and readiness screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildReport } from '$lib/domain/exam/test-grading';
import { generateTest } from '$lib/domain/exam/test-generator';
import type { GeneratedTest, Question, Response } from '$lib/domain/exam/test-model';
import { FORMAT_NAMES } from '$lib/domain/exam/test-model';
import { axeViolations } from './axe';
import { collectPageErrors, launchChromium, newPhoneContext, screenshot } from './browser';
import { readStore } from './idb';
import { articleDecks } from '../domain/exam/article-decks';

const DECK = 'belarus-tilt-dates';
const dates = articleDecks().find((d) => d.deck.id === DECK)!;
const facts = dates.facts;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** The test the app must build for this seed: generated here from the deck file. */
function expectedTest(seed: string): GeneratedTest {
	return generateTest(facts, facts, { seed, count: 10 });
}

/** Right answers for even questions, wrong (or none) for odd ones. */
function plannedResponse(q: Question, right: boolean): Response {
	switch (q.format) {
		case 'choice':
			return { format: 'choice', choice: right ? q.correct : (q.correct + 1) % q.options.length };
		case 'typed':
			return { format: 'typed', text: right ? q.answerParts.join(', ') : 'no idea' };
		case 'true-false':
			return { format: 'true-false', value: right ? q.isTrue : !q.isTrue };
		case 'matching':
			return {
				format: 'matching',
				picks: right ? [...q.correct] : q.correct.map((c) => (c + 1) % q.right.length)
			};
		case 'ordering':
			return { format: 'ordering', order: right ? [...q.correctOrder] : [...q.correctOrder].reverse() };
	}
}

async function openDeckList(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: /Dates and timeline/ }).waitFor({ timeout: 30_000 });
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
	const violations = await axeViolations(page);
	expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Moves focus with Tab until the focused element's accessible text matches. */
async function tabTo(
	page: Page,
	match: (info: { tag: string; type: string; name: string }) => boolean,
	what: string
): Promise<void> {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const info = await page.evaluate(() => {
			const el = document.activeElement as HTMLInputElement | null;
			const label = el?.labels?.[0]?.textContent ?? '';
			const name = el?.getAttribute('aria-label') || label || el?.textContent || '';
			return {
				tag: el?.tagName.toLowerCase() ?? '',
				type: el?.type ?? '',
				name: name.replace(/\s+/g, ' ').trim()
			};
		});
		if (match(info)) return;
	}
	throw new Error(`Tab never reached ${what}`);
}

const named = (name: string) => (i: { name: string }) => i.name === name;

async function answerByTouch(page: Page, q: Question, r: Response): Promise<void> {
	if (q.format === 'choice' && r.format === 'choice')
		await page.getByRole('radio', { name: q.options[r.choice!], exact: true }).tap();
	else if (q.format === 'true-false' && r.format === 'true-false')
		await page.getByRole('radio', { name: r.value ? 'True' : 'False', exact: true }).tap();
	else if (q.format === 'typed' && r.format === 'typed') {
		await page.getByRole('textbox', { name: q.prompt }).tap();
		await page.getByRole('textbox', { name: q.prompt }).fill(r.text);
	} else if (q.format === 'matching' && r.format === 'matching') {
		for (const [i, left] of q.left.entries()) {
			const select = page.getByRole('combobox', { name: left, exact: true });
			await select.tap();
			await select.selectOption(String(r.picks[i]));
		}
	} else if (q.format === 'ordering' && r.format === 'ordering') {
		const order = q.items.map((_, i) => i);
		for (const [p, item] of r.order.entries()) {
			while (order.indexOf(item) > p) {
				await page.getByRole('button', { name: `Move up: ${q.items[item]}`, exact: true }).tap();
				const at = order.indexOf(item);
				[order[at - 1], order[at]] = [order[at]!, order[at - 1]!];
			}
		}
	}
}

async function answerByKeyboard(page: Page, q: Question, r: Response): Promise<void> {
	if (
		(q.format === 'choice' && r.format === 'choice') ||
		(q.format === 'true-false' && r.format === 'true-false')
	) {
		const index = r.format === 'choice' ? r.choice! : r.format === 'true-false' ? (r.value ? 0 : 1) : 0;
		await tabTo(page, (i) => i.type === 'radio', 'the first option');
		await page.keyboard.press('Space');
		for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
	} else if (q.format === 'typed' && r.format === 'typed') {
		await tabTo(page, (i) => i.type === 'text', 'the answer field');
		await page.keyboard.type(r.text);
	} else if (q.format === 'matching' && r.format === 'matching') {
		for (const [i, left] of q.left.entries()) {
			await tabTo(page, (info) => info.tag === 'select' && info.name === left, `the select for ${left}`);
			for (let k = 0; k <= r.picks[i]!; k++) await page.keyboard.press('ArrowDown');
		}
	} else if (q.format === 'ordering' && r.format === 'ordering') {
		const order = q.items.map((_, i) => i);
		for (const [p, item] of r.order.entries()) {
			if (order.indexOf(item) <= p) continue;
			await tabTo(page, named(`Move up: ${q.items[item]}`), `move up ${item}`);
			while (order.indexOf(item) > p) {
				await page.keyboard.press('Enter');
				const at = order.indexOf(item);
				[order[at - 1], order[at]] = [order[at]!, order[at - 1]!];
				await page.waitForTimeout(50); // focus follows the moved item on the next frame
			}
		}
	}
}

async function takeTest(
	page: Page,
	seed: string,
	input: 'touch' | 'keyboard'
): Promise<{ test: GeneratedTest; responses: Response[] }> {
	const test = expectedTest(seed);
	expect(test.questions).toHaveLength(10);
	expect(new Set(test.questions.map((q) => q.format)).size).toBeGreaterThanOrEqual(4);
	const responses: Response[] = [];
	for (const [i, q] of test.questions.entries()) {
		await expect
			.poll(() => page.getByRole('heading', { name: `Question ${i + 1} of 10` }).isVisible())
			.toBe(true);
		// Each new question takes the focus to its heading (where Tab then starts).
		await page.waitForFunction((n) => document.activeElement?.textContent === `Question ${n} of 10`, i + 1);
		expect(await page.locator('.format').innerText()).toBe(FORMAT_NAMES[q.format].toUpperCase());
		const r = plannedResponse(q, i % 2 === 0);
		responses.push(r);
		if (input === 'touch') await answerByTouch(page, q, r);
		else await answerByKeyboard(page, q, r);
		if (i === 0 || q.format === 'matching' || q.format === 'ordering')
			await expectNoAxeViolations(page, `question ${i + 1} (${q.format})`);
		if (i < 3) await screenshot(page, `exam-test-${input}-q${i + 1}`);
		const next = i === 9 ? 'Finish test' : 'Next';
		if (input === 'touch') await page.getByRole('button', { name: next, exact: true }).tap();
		else {
			await tabTo(page, named(next), next);
			await page.keyboard.press('Enter');
		}
	}
	return { test, responses };
}

async function checkReport(
	page: Page,
	test: GeneratedTest,
	responses: Response[],
	name: string
): Promise<void> {
	const report = buildReport(test, responses);
	await page.getByRole('heading', { name: `Your score: ${Math.round(report.score * 100)}%` }).waitFor();
	await expectNoAxeViolations(page, 'report');
	await screenshot(page, name);
	const items = page.locator('.questions > li');
	await expect.poll(() => items.count()).toBe(10);
	// Every miss shows the right answer and the sentence of the article it comes from.
	const misses = report.missed.length;
	expect(misses).toBeGreaterThan(0);
	expect(await page.getByText('Right answer:').count()).toBe(misses);
	expect(await page.getByText('From the text:').count()).toBe(misses);
	for (const tag of report.byTag)
		await expect
			.poll(() =>
				page.getByRole('row', { name: new RegExp(`^${tag.tag} ${tag.correct} of ${tag.total}`) }).count()
			)
			.toBe(1);
}

describe('exam preparation in a phone-sized browser', () => {
	it('sets an exam date and shows the plan, cards per day until the exam', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await openDeckList(page);
		await page.goto(`/deck?id=${DECK}`);
		const date = page.getByLabel('Exam date');
		await expect.poll(() => date.isEnabled()).toBe(true);
		const exam = new Date(Date.now() + 21 * 86_400_000);
		const iso = `${exam.getFullYear()}-${String(exam.getMonth() + 1).padStart(2, '0')}-${String(exam.getDate()).padStart(2, '0')}`;
		await date.fill(iso);
		await page.getByText(/^Exam date set to/).waitFor({ timeout: 30_000 });
		await page.getByText('The plan fits in this deck’s daily limits.').waitFor();
		await page.getByText('Cards per day until the exam', { exact: true }).first().click();
		const rows = page.getByRole('region', { name: 'Cards per day until the exam' }).locator('tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(20);
		const newPerDay = await rows.locator('td:nth-child(2)').allInnerTexts();
		expect(newPerDay.map(Number).reduce((a, b) => a + b, 0)).toBe(dates.cards.length);
		await screenshot(page, 'exam-deck-plan');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('takes a 10-question test by touch, sees the report, and practises the missed cards without changing schedules', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await openDeckList(page);
		await page.goto(`/deck?id=${DECK}`);
		await page.getByRole('button', { name: 'Take a test' }).tap();
		await page.getByLabel('Test code').fill('touch-1');
		await expectNoAxeViolations(page, 'test setup');
		await screenshot(page, 'exam-test-setup');
		await page.getByRole('button', { name: 'Start test' }).tap();
		const { test, responses } = await takeTest(page, 'touch-1', 'touch');
		await checkReport(page, test, responses, 'exam-report-touch');

		const cardsBefore = await readStore(page, 'cards');
		await page.getByRole('button', { name: 'Practise missed cards' }).tap();
		const missed = buildReport(test, responses).missedCardIds.length;
		await page.getByText(`0 of ${missed} answered`).waitFor();
		for (let i = 0; i < 3; i++) {
			await page.getByRole('button', { name: 'Show answer' }).tap();
			await page.getByRole('button', { name: i === 0 ? 'Again' : 'Good', exact: true }).tap();
		}
		await page.getByText(`3 of ${missed} answered`).waitFor();
		await screenshot(page, 'exam-practice');
		expect(await readStore(page, 'cards')).toEqual(cardsBefore);
		const practice = (await readStore<{ kind: string }>(page, 'reviewLogs')).filter(
			(l) => l.kind === 'practice'
		);
		expect(practice).toHaveLength(3);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('takes a 10-question test by keyboard alone, and finds both results on the readiness screen', async () => {
		const context = await newPhoneContext(browser);
		const page = await context.newPage();
		const errors = collectPageErrors(page);
		await openDeckList(page);
		// A first test, quickly, so that the readiness screen has a history of two.
		await page.goto(`/test?deck=${DECK}&seed=warm-up&n=5`);
		await page.getByRole('button', { name: 'Start test' }).click();
		await page.getByRole('button', { name: 'Finish test now' }).click();
		await page.getByRole('heading', { name: /Your score/ }).waitFor();

		await page.goto(`/deck?id=${DECK}`);
		await page.getByRole('button', { name: 'Take a test' }).waitFor();
		await tabTo(page, named('Take a test'), 'Take a test');
		await page.keyboard.press('Enter');
		await page.getByLabel('Test code').waitFor();
		await tabTo(page, (i) => i.name === 'Test code', 'the test code');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('keys-1');
		await tabTo(page, named('Start test'), 'Start test');
		await page.keyboard.press('Enter');
		const { test, responses } = await takeTest(page, 'keys-1', 'keyboard');
		await checkReport(page, test, responses, 'exam-report-keyboard');

		await page.goto(`/readiness?deck=${DECK}`);
		await page.getByRole('heading', { name: 'By kind of fact' }).waitFor();
		const history = page.getByRole('region', { name: 'Test results' }).locator('tbody tr');
		await expect.poll(() => history.count()).toBe(2);
		const score = Math.round(buildReport(test, responses).score * 100);
		expect(await history.first().locator('td').first().innerText()).toBe(`${score}%`);
		for (const tag of ['date', 'event', 'timeline'])
			await page.getByRole('rowheader', { name: tag, exact: true }).waitFor();
		await expectNoAxeViolations(page, 'readiness');
		await screenshot(page, 'exam-readiness');
		expect(errors).toEqual([]);
		await context.close();
	});
});
