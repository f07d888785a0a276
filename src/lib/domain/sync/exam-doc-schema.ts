/**
 * Shape and bounds of exam-plan, test-result and class-deck subscription documents from the server
 * (untrusted): used by parseSyncBody (sync-docs.ts), which the sync code alone loads.
 */
import { z } from 'zod';
import { isClassDatabaseUrl } from './exam-docs';

const ms = z.number().int().min(0).max(8.64e15);
const device = z.string().min(1).max(64);
const id = z.string().min(1).max(1000);
const count = z.number().int().min(0).max(1_000_000);

export const examKindSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('exam'),
		deckId: id,
		examDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
		tags: z.array(z.string().max(200)).max(500),
		targetRecall: z.number().min(0.7).max(0.99),
		startDay: z.number().int().min(0).max(1_000_000),
		changedMs: ms,
		changedBy: device,
		deleted: z.boolean().optional()
	}),
	z.object({
		kind: z.literal('result'),
		deckId: id,
		takenMs: ms,
		seed: z.string().max(200),
		questionCount: count,
		score: z.number().min(0).max(1),
		durationMs: ms,
		timeLimitMs: ms.nullable(),
		filterLabel: z.string().max(2000),
		byTag: z.array(z.object({ tag: z.string().max(1000), correct: count, total: count })).max(1000),
		missedCardIds: z.array(id).max(10_000)
	}),
	z.object({
		kind: z.literal('classdeck'),
		url: z.string().max(2000).refine(isClassDatabaseUrl),
		subscribed: z.boolean(),
		changedMs: ms,
		changedBy: device
	})
]);
