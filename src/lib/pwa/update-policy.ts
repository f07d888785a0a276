/**
 * When to offer an update. The rule that matters: an update is never applied while a card is on screen.
 * While studying, the student only sees a small "Update available" badge; the notice with "Reload to update"
 * comes on the home screen or when the session ends.
 */

export interface UpdateFacts {
	/** A new service worker has installed and waits for this page to let it take over. */
	waiting: boolean;
	/** Another tab applied a new version: this tab still runs the old code. */
	activatedElsewhere: boolean;
	/** Another tab upgraded the database schema; this tab's connection is closed and cannot write. */
	databaseReplaced: boolean;
	/** A card is on screen in a study session. */
	studying: boolean;
	/** The student chose "Later" since the last session ended. */
	dismissed: boolean;
}

export type UpdateReason = 'new-version' | 'other-tab' | 'database';

export type UpdateNotice =
	| { kind: 'none' }
	/** Shown as a badge only; the offer waits until the session ends. */
	| { kind: 'deferred'; reason: UpdateReason }
	| { kind: 'offer'; reason: UpdateReason; canDismiss: boolean };

export function updateNotice(facts: UpdateFacts): UpdateNotice {
	// The old connection is closed: the next answer could not be saved, so say so at once, even mid-session.
	// Nothing is lost: every answer given so far was committed in its own transaction.
	if (facts.databaseReplaced) return { kind: 'offer', reason: 'database', canDismiss: false };
	const reason: UpdateReason | null = facts.waiting
		? 'new-version'
		: facts.activatedElsewhere
			? 'other-tab'
			: null;
	if (!reason) return { kind: 'none' };
	if (facts.studying) return { kind: 'deferred', reason };
	if (facts.dismissed) return { kind: 'none' };
	return { kind: 'offer', reason, canDismiss: true };
}

/** What the notice says, by reason. */
export const UPDATE_MESSAGES: Record<UpdateReason, string> = {
	'new-version': 'A new version of Kartka is ready. Your cards and answers are kept.',
	'other-tab': 'Kartka was updated in another tab. Reload this tab to use the new version.',
	database: 'Kartka was updated in another tab. Reload to keep studying: your answers so far are saved.'
};
