/**
 * The one rule for an exam date, used by the service that saves a plan (the choke point) and by the date
 * field on change and on blur: a full date, after today, at most two years ahead. A typo such as 2206 must
 * be refused, not simulated day by day for 180 years on every visit of the deck screen. Pure.
 */
import { dateOfStudyDay, studyDayOfDate } from './exam-plan';

/** Two years of study days (one leap day included). */
export const MAX_EXAM_AHEAD_DAYS = 731;

/** The latest date the field accepts ("YYYY-MM-DD"), for its `max` attribute and messages. */
export function latestExamDate(today: number): string {
	return dateOfStudyDay(today + MAX_EXAM_AHEAD_DAYS);
}

/** Why `iso` cannot be an exam date seen on study day `today`, or null when it can. */
export function examDateProblem(iso: string, today: number): string | null {
	const day = studyDayOfDate(iso.trim());
	if (day === null) return 'Enter the exam date as a full date.';
	if (day <= today) return 'Choose a date after today: the plan needs at least one day before the exam.';
	if (day - today > MAX_EXAM_AHEAD_DAYS)
		return `Choose a date at most two years ahead (until ${latestExamDate(today)}): ${iso.trim()} is too far to plan for.`;
	return null;
}
