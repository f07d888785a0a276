/**
 * The readiness screen of a deck group (`/readiness?group=PATH`): the group's exam date (an exam plan on
 * every deck of the group, services/exam/group-exam.service.ts) and the readiness of all its cards.
 */
import { errorMessage } from '$lib/domain/errors';
import type { KartkaDB } from '$lib/db/db';
import { groupReadinessView, type ReadinessView } from '$lib/services/exam/readiness.service';
import { loadGroupStudyState, setGroupExamDate } from '$lib/services/exam/group-exam.service';
import { ExamPlanError } from '$lib/services/exam/exam-plan.service';
import { GroupHeader } from './group-header.svelte';
import { ScreenState, type ScreenOptions } from './screen-status.svelte';

export class GroupReadinessState extends ScreenState {
	readonly header: GroupHeader;
	view = $state.raw<ReadinessView | null>(null);
	/** The date every deck of the group shares ('' none, null when the decks' dates differ). */
	examDate = $state<string | null>('');
	/** Announced politely after a change. */
	message = $state('');
	changeError = $state<string | null>(null);
	busy = $state(false);

	constructor(
		private readonly db: KartkaDB,
		readonly group: string,
		private readonly formatDate: (iso: string) => string = (iso) => iso,
		options: ScreenOptions = {}
	) {
		super(options);
		this.header = new GroupHeader(db, group);
	}

	protected async fetch(): Promise<void> {
		if (!(await this.header.load())) return;
		const nowMs = this.clock();
		const [view, loaded] = await Promise.all([
			groupReadinessView(this.db, this.group, nowMs),
			loadGroupStudyState(this.db, this.group, nowMs)
		]);
		this.view = view;
		this.examDate = loaded?.examDate ?? '';
	}

	/** Sets (or with '' removes) the exam date of every deck in the group: one transaction. */
	async setExamDate(examDate: string): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		this.changeError = null;
		try {
			const decks = await setGroupExamDate(this.db, this.group, examDate, this.clock());
			await this.fetch();
			this.message = examDate
				? `Exam date set to ${this.formatDate(examDate)} for all ${decks} decks of the group.`
				: 'Exam date removed from every deck of the group. Scheduling is back to normal.';
		} catch (error) {
			if (!(error instanceof ExamPlanError)) console.error(error);
			this.changeError = errorMessage(error);
		} finally {
			this.busy = false;
		}
	}
}
