/**
 * Chart colours come from the app's CSS variables (src/app.css), so that canvas charts follow light and
 * dark mode like the rest of the page. Read them when drawing; redraw when the colour scheme changes.
 */
export interface ChartTheme {
	text: string;
	muted: string;
	border: string;
	surface: string;
	accent: string;
	good: string;
	again: string;
	hard: string;
	easy: string;
	font: string;
}

export function readTheme(element: Element = document.documentElement): ChartTheme {
	const style = getComputedStyle(element);
	const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
	return {
		text: v('--text', '#16202a'),
		muted: v('--muted', '#4a5663'),
		border: v('--border', '#c9d1da'),
		surface: v('--surface', '#ffffff'),
		accent: v('--accent', '#1f4e79'),
		good: v('--good', '#1d6b34'),
		again: v('--again', '#a61b1b'),
		hard: v('--hard', '#8a5a00'),
		easy: v('--easy', '#1f4e79'),
		font: `12px ${getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif'}`
	};
}

/** `#rrggbb` (or `#rgb`) with an alpha, for heatmap levels drawn on canvas. */
export function withAlpha(hex: string, alpha: number): string {
	let h = hex.replace('#', '');
	if (h.length === 3) h = [...h].map((c) => c + c).join('');
	const n = Number.parseInt(h.slice(0, 6), 16);
	if (!Number.isFinite(n)) return hex;
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Calls `redraw` when the system switches between light and dark; returns the unsubscribe. */
export function onSchemeChange(redraw: () => void): () => void {
	const query = matchMedia('(prefers-color-scheme: dark)');
	query.addEventListener('change', redraw);
	return () => query.removeEventListener('change', redraw);
}
