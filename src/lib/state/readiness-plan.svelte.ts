/**
 * The exam panel of the deck screen: the deck's exam date, tags and target, and the plan they give.
 * Every change is saved at once (one transaction) and the plan recomputed.
 */
import { errorMessage } from '$lib/domain/errors';
import type { KartkaDB } from '$lib/db/db';
import {
	endPastExamPriority,
	examPlanView,
	ExamPlanError,
	removeExamPlan,
	setExamPlan,
	type ExamPlanView
} from '$lib/services/exam/exam-plan.service';

export class ExamPlanPanel {
	view = $state.raw<ExamPlanView | null>(null);
	/** Announced politely after a change ("Exam date saved"). */
	status = $state('');
	error = $state<string | null>(null);
	busy = $state(false);

	constructor(
		private readonly db: KartkaDB,
		readonly deckId: string,
		private readonly formatDate: (iso: string) => string,
		private readonly onchanged: () => void = () => {},
		private readonly clock: () => number = () => Date.now()
	) {}

	async load(): Promise<void> {
		try {
			const nowMs = this.clock();
			await endPastExamPriority(this.db, this.deckId, nowMs);
			this.view = await examPlanView(this.db, this.deckId, nowMs, this.formatDate);
		} catch (error) {
			this.error = errorMessage(error);
		}
	}

	private async change(action: () => Promise<unknown>, done: string): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.error = null;
		try {
			await action();
			await this.load();
			this.status = done;
			this.onchanged();
		} catch (error) {
			if (!(error instanceof ExamPlanError)) console.error(error);
			this.error = errorMessage(error);
		} finally {
			this.busy = false;
		}
	}

	setDate(examDate: string): Promise<void> {
		if (examDate === '') return this.remove();
		const plan = this.view?.state.plan ?? null;
		return this.change(
			() => setExamPlan(this.db, this.deckId, { examDate, tags: plan?.tags ?? [] }, this.clock(), plan),
			`Exam date set to ${this.formatDate(examDate)}. The plan is below.`
		);
	}

	setTags(tags: string[]): Promise<void> {
		const plan = this.view?.state.plan;
		if (!plan) return Promise.resolve();
		return this.change(
			() => setExamPlan(this.db, this.deckId, { examDate: plan.examDate, tags }, this.clock(), plan),
			'Exam topics saved.'
		);
	}

	setTarget(targetRecall: number): Promise<void> {
		const plan = this.view?.state.plan;
		if (!plan) return Promise.resolve();
		return this.change(
			() =>
				setExamPlan(
					this.db,
					this.deckId,
					{ examDate: plan.examDate, tags: plan.tags, targetRecall },
					this.clock(),
					plan
				),
			'Target saved.'
		);
	}

	remove(): Promise<void> {
		return this.change(
			() => removeExamPlan(this.db, this.deckId, this.clock()),
			'Exam date removed. Scheduling is back to normal.'
		);
	}
}
