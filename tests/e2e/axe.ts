// axe-core injected into the page under test; returns the violations (ids and targets).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	// Evaluated through DevTools, not as an inline <script>: the app's CSP rightly blocks inline scripts.
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const w = window as unknown as {
			axe: {
				run: (
					ctx: Document,
					opts: object
				) => Promise<{
					violations: Array<{
						id: string;
						impact: string | null;
						help: string;
						nodes: Array<{ target: string[] }>;
					}>;
				}>;
			};
		};
		const result = await w.axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	});
}
