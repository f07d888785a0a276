/**
 * uPlot options for the statistics charts: bars over days or categories, and a calendar heatmap (one
 * column per week, one row per weekday) drawn through uPlot's path hook. The data-table alternatives
 * are rendered next to each chart, so the charts are decorative for screen readers (aria-hidden).
 */
import type uPlot from 'uplot';
import type { ChartTheme } from './chart-theme';
import { withAlpha } from './chart-theme';

export type UPlotClass = typeof uPlot;
export interface ChartSpec {
	options: uPlot.Options;
	data: uPlot.AlignedData;
}

function axis(theme: ChartTheme, extra: uPlot.Axis = {}): uPlot.Axis {
	return {
		stroke: theme.muted,
		font: theme.font,
		grid: { stroke: withAlpha(theme.border, 0.6), width: 1 },
		ticks: { stroke: theme.border, width: 1 },
		...extra
	};
}

export interface BarSeries {
	label: string;
	values: number[];
	color: string;
}

/**
 * Bars at categories 0..n-1 labelled by `labels`. With several series, later ones are drawn over earlier
 * ones: pass cumulative values (total first) for a stacked look.
 */
export function barChart(
	U: UPlotClass,
	theme: ChartTheme,
	width: number,
	labels: string[],
	series: BarSeries[],
	options: { height?: number; yLabel?: string; everyNthLabel?: number } = {}
): ChartSpec {
	// Label every n-th bar so that labels (about 6 px a character at 12 px) never overlap.
	const longest = Math.max(1, ...labels.map((l) => l.length));
	const slot = (width - 60) / Math.max(1, labels.length);
	const every = Math.max(options.everyNthLabel ?? 1, Math.ceil((longest * 6 + 6) / slot));
	const bars = U.paths.bars!({ size: [0.7, 40], gap: 1 });
	return {
		data: [labels.map((_, i) => i), ...series.map((s) => s.values)],
		options: {
			width,
			height: options.height ?? 200,
			legend: { show: false },
			cursor: { show: false },
			scales: {
				x: { time: false, range: [-0.5, labels.length - 0.5] },
				y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] }
			},
			axes: [
				axis(theme, {
					grid: { show: false },
					splits: () => labels.map((_, i) => i).filter((i) => i % every === 0),
					values: (_u, splits) => splits.map((i) => labels[i] ?? '')
				}),
				axis(theme, { label: options.yLabel, labelFont: theme.font, size: 44 })
			],
			series: [
				{},
				...series.map((s) => ({
					label: s.label,
					fill: s.color,
					stroke: s.color,
					width: 0,
					paths: bars,
					points: { show: false }
				}))
			]
		}
	};
}

export interface HeatCell {
	day: number;
	count: number;
}

/** Weekday of a study-day index, Monday = 0 (day 0, 1970-01-01, was a Thursday). */
function weekdayOf(day: number): number {
	return (((day + 3) % 7) + 7) % 7;
}

/** Level 0..4 of a count, with thresholds from the busiest day (quartiles of the maximum). */
function heatLevel(count: number, max: number): number {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.ceil((count / max) * 4));
}

/**
 * Calendar heatmap of `cells` (consecutive days): one column per week (Monday first), one row per
 * weekday, square cells coloured in five levels relative to `max` (the busiest day of the whole year).
 */
export function heatmapChart(
	_U: UPlotClass,
	theme: ChartTheme,
	width: number,
	cells: HeatCell[],
	max: number,
	dateOf: (day: number) => Date
): ChartSpec {
	const first = cells[0]?.day ?? 0;
	const firstMonday = first - weekdayOf(first);
	const column = (day: number) => Math.floor((day - firstMonday) / 7);
	const columns = column(cells.at(-1)?.day ?? first) + 1;
	const Y_AXIS = 36;
	const X_AXIS = 28;
	const cell = Math.min(26, Math.max(6, (width - Y_AXIS - 12) / columns));
	const colors = [
		withAlpha(theme.border, 0.45),
		...[0.3, 0.5, 0.75, 1].map((a) => withAlpha(theme.accent, a))
	];
	// Month names over the first full week of each month.
	const months = cells
		.filter((c) => dateOf(c.day).getDate() === 1)
		.map((c) => ({
			col: column(c.day) + (weekdayOf(c.day) > 0 ? 1 : 0),
			name: dateOf(c.day).toLocaleDateString(undefined, { month: 'short' })
		}))
		.filter((m) => m.col < columns);
	const paths: uPlot.Series.PathBuilder = (u) => {
		const fills = new Map<string, Path2D>(colors.map((c) => [c, new Path2D()]));
		const cellW = Math.abs(u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true));
		const cellH = Math.abs(u.valToPos(1, 'y', true) - u.valToPos(0, 'y', true));
		const size = Math.max(1, Math.min(cellW, cellH) * 0.82);
		for (const c of cells) {
			const cx = u.valToPos(column(c.day), 'x', true);
			const cy = u.valToPos(weekdayOf(c.day), 'y', true);
			fills.get(colors[heatLevel(c.count, max)]!)!.rect(cx - size / 2, cy - size / 2, size, size);
		}
		return { fill: fills, stroke: null };
	};
	const weekdays = ['Mon', '', 'Wed', '', 'Fri', '', ''];
	return {
		data: [cells.map((_, i) => i / 7), cells.map(() => 0)],
		options: {
			width: Math.min(width, Math.ceil(cell * columns + Y_AXIS + 12)),
			height: Math.ceil(cell * 7 + X_AXIS + 10),
			padding: [8, 4, 0, 0],
			legend: { show: false },
			cursor: { show: false },
			scales: {
				x: { time: false, range: [-0.5, columns - 0.5] },
				y: { range: [-0.5, 6.5], dir: -1 }
			},
			axes: [
				axis(theme, {
					grid: { show: false },
					ticks: { show: false },
					size: X_AXIS,
					splits: () => months.map((m) => m.col),
					values: () => months.map((m) => m.name)
				}),
				axis(theme, {
					grid: { show: false },
					ticks: { show: false },
					size: Y_AXIS,
					splits: () => [0, 2, 4],
					values: (_u, splits) => splits.map((i) => weekdays[i] ?? '')
				})
			],
			series: [{}, { label: 'Answers', paths, points: { show: false }, fill: colors[4], stroke: colors[4] }]
		}
	};
}
