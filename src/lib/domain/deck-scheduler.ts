/**
 * The settings and the scheduler in force for a deck, decided from what the database holds. The one
 * place where deck-level policies that shape scheduling (an exam date) are applied, and the one place a
 * deck's scheduler is built. Pure: the reads are in `readStudySettingsInput` (settings.repo.ts).
 *
 * With an exam plan, until the exam day: today's new-card count comes from the plan (what is left of
 * the exam's new cards, spread over the days left for new cards, within the deck's limit); sibling cards
 * are not held back to the next day (the exam needs them all learned); and the scheduler brings a
 * review forward to before the exam wherever the card would otherwise reach the exam below the target.
 * From the exam day on, everything is as without a plan.
 */
import { withExamCap } from './exam/exam-scheduler';
import { createScheduler, type Scheduler } from './fsrs-adapter';
import type { StudySettings } from './study-settings';

export { studySettings, type StudySettings, type StudySettingsInput } from './study-settings';

/** The deck's scheduler: FSRS with its settings, capped before an exam. Built here and nowhere else. */
export function schedulerForDeck(study: Pick<StudySettings, 'deckSettings' | 'examCap'>): Scheduler {
	const base = createScheduler(study.deckSettings);
	return study.examCap ? withExamCap(base, study.examCap) : base;
}
