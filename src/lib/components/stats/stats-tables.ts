/** Rows of the statistics' data tables, and their one-line summaries in words. */
import type { StatsReport } from '$lib/services/stats/stats.service';
import { dayLabel, minutesLabel, percent, studyDayDate } from './format';

export function heatmapByMonth(report: StatsReport): (string | number)[][] {
	const months = new Map<string, { answers: number; days: number; best: number; bestDay: number }>();
	for (const { day, count } of report.answersPerDay) {
		const key = studyDayDate(day, report.cutoffHour).toLocaleDateString(undefined, {
			year: 'numeric',
			month: 'long'
		});
		const m = months.get(key) ?? { answers: 0, days: 0, best: 0, bestDay: day };
		m.answers += count;
		if (count > 0) m.days++;
		if (count > m.best) {
			m.best = count;
			m.bestDay = day;
		}
		months.set(key, m);
	}
	return [...months].map(([month, m]) => [
		month,
		m.answers,
		m.days,
		m.best > 0 ? `${dayLabel(m.bestDay, report.cutoffHour)} (${m.best})` : '—'
	]);
}

export function heatmapSummary(report: StatsReport): string {
	const days = report.answersPerDay;
	const total = days.reduce((n, d) => n + d.count, 0);
	const studied = days.filter((d) => d.count > 0).length;
	let streak = 0;
	for (let i = days.length - 1; i >= 0 && days[i]!.count > 0; i--) streak++;
	if (total === 0) return 'No answers in the last year yet.';
	return `${total} answers on ${studied} of the last ${days.length} days; current streak ${streak} ${streak === 1 ? 'day' : 'days'}.`;
}

export function forecastRows(report: StatsReport): (string | number)[][] {
	return report.forecast.map((d, i) => [
		i === 0
			? `Today (${dayLabel(d.day, report.cutoffHour)})`
			: dayLabel(d.day, report.cutoffHour, { weekday: 'short', month: 'short', day: 'numeric' }),
		d.review,
		d.learning
	]);
}

export function forecastSummary(report: StatsReport): string {
	const f = report.forecast;
	const total = f.reduce((n, d) => n + d.review + d.learning, 0);
	const today = f[0] ? f[0].review + f[0].learning : 0;
	const tomorrow = f[1] ? f[1].review + f[1].learning : 0;
	return `${today} due today, ${tomorrow} tomorrow, ${total} in the next ${f.length} days (daily limits not applied).`;
}

export function minutesRows(report: StatsReport): (string | number)[][] {
	return [...report.minutesPerDay]
		.reverse()
		.map((d) => [
			dayLabel(d.day, report.cutoffHour, { weekday: 'short', month: 'short', day: 'numeric' }),
			minutesLabel(d.minutes)
		]);
}

export function minutesSummary(report: StatsReport): string {
	const m = report.minutesPerDay;
	const total = m.reduce((n, d) => n + d.minutes, 0);
	const studied = m.filter((d) => d.minutes > 0).length;
	if (total === 0) return `No study time recorded in the last ${m.length} days.`;
	return `${minutesLabel(total)} in the last ${m.length} days; ${minutesLabel(total / Math.max(1, studied))} on an average study day.`;
}

export function stateRows(report: StatsReport): (string | number)[][] {
	const s = report.states;
	const share = (n: number) => (s.total > 0 ? percent(n / s.total, 0) : '—');
	return [
		['New', s.new, share(s.new)],
		['Learning', s.learning, share(s.learning)],
		['Review', s.review, share(s.review)],
		['Relearning', s.relearning, share(s.relearning)],
		['Suspended', s.suspended, share(s.suspended)]
	];
}

export function tagRows(report: StatsReport): (string | number)[][] {
	return report.tags.map((t) => [t.tag, t.answered, percent(t.retention)]);
}

export function retentionSummary(report: StatsReport): string {
	const month = report.retention.find((r) => r.days === 30)!.figure;
	const target = percent(report.desiredRetention, 0);
	if (month.retention === null)
		return `No reviews of learned cards in the last 30 days. Desired retention: ${target}.`;
	const gap = month.retention - report.desiredRetention;
	const verdict = Math.abs(gap) < 0.02 ? 'on target' : gap > 0 ? 'above target' : 'below target';
	return `Last 30 days: ${percent(month.retention)} of reviews recalled, ${verdict} (desired ${target}).`;
}
