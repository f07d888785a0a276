// Serves the freshly built app (npm run test:e2e builds first) for every browser test file.
import type { TestProject } from 'vitest/node';
import { serveBuild } from '../../scripts/serve.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const server = await serveBuild({ dir: 'build' });
	project.provide('baseUrl', server.url);
	return () => server.close();
}
