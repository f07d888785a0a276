/** How Browse writes a card's numbers: short, with units, the same in the list, the table and card info. */
import { Queue, type CardRow } from '$lib/domain/model';
import { CardState } from '$lib/domain/schedule';
import { suspensionLabel, suspensionReason } from '$lib/domain/cards/suspension';

const DAY_MS = 86_400_000;
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

export function formatDate(ms: number): string {
	return dateFormat.format(ms);
}

export function formatDateTime(ms: number): string {
	return dateTimeFormat.format(ms);
}

export function formatDue(card: CardRow, nowMs: number): string {
	if (card.state === CardState.New) return 'New';
	const days = Math.round((card.dueMs - nowMs) / DAY_MS);
	if (card.dueMs <= nowMs) return days <= -1 ? `Overdue ${-days} d` : 'Now';
	return days < 1 ? 'Today' : formatDate(card.dueMs);
}

export function formatDays(days: number | null): string {
	if (days === null) return '—';
	if (days < 1) return `${Math.round(days * 24)} h`;
	if (days < 100) return `${Math.round(days * 10) / 10} d`;
	return `${Math.round(days)} d`;
}

export function formatInterval(card: CardRow): string {
	return card.state === CardState.New ? '—' : formatDays(card.scheduledDays);
}

export function formatStability(card: CardRow): string {
	return card.state === CardState.New ? '—' : formatDays(card.stability);
}

export function formatPercent(p: number | null): string {
	return p === null ? '—' : `${Math.round(p * 100)}%`;
}

export function formatDuration(ms: number): string {
	return ms < 60_000
		? `${Math.round(ms / 100) / 10} s`
		: `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "Suspended by you" etc., "Buried until tomorrow", or null for a card in study. */
export function cardFlag(card: CardRow, nowMs: number): string | null {
	const reason = suspensionReason(card);
	if (reason) return suspensionLabel(reason);
	if (card.queue !== Queue.Suspended && card.buriedUntilMs !== undefined && card.buriedUntilMs > nowMs)
		return 'Buried until tomorrow';
	return null;
}
