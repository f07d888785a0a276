/**
 * A test in progress: one question at a time, answers kept until the end (a test gives no feedback
 * until it is over), an optional time limit, then the report, saved to the results history. Test
 * answers never touch the cards' schedules. The clock is injected for tests.
 */
import { errorMessage } from '$lib/domain/errors';
import type { KartkaDB } from '$lib/db/db';
import { buildReport, type TestReport } from '$lib/domain/exam/test-grading';
import { emptyResponse, isAnswered, type GeneratedTest, type Response } from '$lib/domain/exam/test-model';
import { buildTest, saveTestResult, type TestRequest } from '$lib/services/exam/practice-test.service';

export type TestStatus = 'loading' | 'empty' | 'running' | 'report' | 'error';

export class TestSession {
	status = $state<TestStatus>('loading');
	test = $state.raw<(GeneratedTest & { filterLabel: string }) | null>(null);
	responses = $state<Response[]>([]);
	index = $state(0);
	report = $state.raw<TestReport | null>(null);
	message = $state<string | null>(null);
	/** Time left in ms (null when untimed), updated by `tick`. */
	remainingMs = $state<number | null>(null);
	/** True when the time limit ended the test. */
	timedOut = $state(false);
	/** Time taken, set when the test ends. */
	durationMs = $state(0);
	answeredCount = $derived(this.responses.filter(isAnswered).length);
	private startedMs = 0;
	private finishing = false;

	constructor(
		private readonly db: KartkaDB,
		readonly request: TestRequest,
		readonly timeLimitMs: number | null,
		private readonly clock: () => number = () => Date.now()
	) {}

	get question() {
		return this.test?.questions[this.index] ?? null;
	}

	async start(): Promise<void> {
		try {
			const test = await buildTest(this.db, this.request, this.clock());
			this.test = test;
			this.responses = test.questions.map(emptyResponse);
			this.index = 0;
			this.startedMs = this.clock();
			this.remainingMs = this.timeLimitMs;
			this.status = test.questions.length ? 'running' : 'empty';
		} catch (error) {
			this.message = errorMessage(error);
			this.status = 'error';
		}
	}

	respond(response: Response): void {
		if (this.status !== 'running') return;
		this.responses[this.index] = response;
	}

	goTo(index: number): void {
		if (this.test && index >= 0 && index < this.test.questions.length) this.index = index;
	}

	next(): void {
		this.goTo(this.index + 1);
	}

	previous(): void {
		this.goTo(this.index - 1);
	}

	/** Called every second by the screen; ends the test when the time is up. */
	async tick(): Promise<void> {
		if (this.status !== 'running' || this.timeLimitMs === null) return;
		this.remainingMs = Math.max(0, this.startedMs + this.timeLimitMs - this.clock());
		if (this.remainingMs === 0) {
			this.timedOut = true;
			await this.finish();
		}
	}

	async finish(): Promise<void> {
		if (this.status !== 'running' || !this.test || this.finishing) return;
		this.finishing = true;
		const now = this.clock();
		const report = buildReport(this.test, this.responses);
		this.durationMs = now - this.startedMs;
		try {
			await saveTestResult(this.db, {
				deckId: this.request.deckId,
				seed: this.test.seed,
				takenMs: now,
				durationMs: now - this.startedMs,
				timeLimitMs: this.timeLimitMs,
				filterLabel: this.test.filterLabel,
				report
			});
		} catch (error) {
			this.message = `The result could not be saved: ${errorMessage(error)}`;
		}
		// The score shows once the result is stored (one small transaction): a student who closes the tab on
		// seeing it keeps it in the history. (Shown before, a page left at once could drop the write.)
		this.report = report;
		this.status = 'report';
	}
}
