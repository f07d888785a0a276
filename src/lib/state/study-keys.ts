/**
 * The study keyboard, the same on the study and practice screens: Space or Enter shows the answer,
 * 1-4 answer (Again, Hard, Good, Easy), U or Ctrl+Z undoes. Keys typed into a field are left alone,
 * and Space/Enter on a focused button keeps its own meaning (pressing that button).
 */
import type { Rating } from '$lib/domain/schedule';
import type { SessionStatus } from './card-session.svelte';

export interface StudyKeyTarget {
	readonly status: SessionStatus;
	reveal(): void;
	answer(rating: Rating): Promise<void>;
	undo(): Promise<void>;
}

const RATING_KEYS = ['1', '2', '3', '4'];

export function handleStudyKey(event: KeyboardEvent, session: StudyKeyTarget | null | undefined): void {
	const target = event.target as HTMLElement | null;
	if (!session || target?.closest?.('input, textarea, select, [contenteditable]')) return;
	if (event.altKey || event.metaKey) return;
	const key = event.key.toLowerCase();
	if (key === 'z' && event.ctrlKey) {
		event.preventDefault();
		void session.undo();
		return;
	}
	if (event.ctrlKey) return;
	if (key === 'u') {
		void session.undo();
	} else if (
		(key === ' ' || key === 'enter') &&
		session.status === 'question' &&
		target?.tagName !== 'BUTTON'
	) {
		event.preventDefault();
		session.reveal();
	} else if (RATING_KEYS.includes(key) && session.status === 'answer') {
		event.preventDefault();
		void session.answer(Number(key) as Rating);
	}
}
