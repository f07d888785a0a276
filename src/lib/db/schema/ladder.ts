/**
 * Every version of the schema by number, with its upgrade function: loaded only to open a database stored
 * at an older version (db.ts), and by the upgrade tests, which open any older version.
 */
import { registerSchemaLadder, type SchemaStep } from '../db';

const modules = import.meta.glob<SchemaStep>('./v*.ts', { eager: true, import: 'step' });

export const SCHEMA_LADDER: ReadonlyMap<number, SchemaStep> = new Map(
	Object.entries(modules)
		.map(([path, step]) => [Number(/v(\d+)\.ts$/.exec(path)![1]), step] as const)
		.sort((a, b) => a[0] - b[0])
);

registerSchemaLadder(SCHEMA_LADDER);
