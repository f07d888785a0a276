// Exam preparation in Chromium: the plan's forecast (deck screen) for decks of 150 to 3,000 cards, and
// building a 20-question mixed test from a 2,000-card deck (test screen). Both run on the main thread.

/** @param {import('./run.js').BenchContext} ctx */
export default async function examPlanBench({ harness, print }) {
	const r = await harness('exam-plan');
	for (const f of r.forecasts) {
		print(
			`exam plan forecast, ${f.cards} cards, exam in ${f.days} days`,
			f.ms,
			'ms',
			f.cards <= 1000 ? 'target ≤ 500 ms' : ''
		);
	}
	print('20-question test from 2,000 cards: p50', r.testP50, 'ms', 'target ≤ 200 ms');
}
