/**
 * How much work one import may do, scaled to the device: a phone with 2 GB of memory must not be asked to
 * unpack 512 MB. The byte budget is ONE budget across everything an Anki package expands to: the collection,
 * the media map and every media file, zstd layers included (a 36 KB package must not become 600 MB).
 */
import { IMPORT_LIMITS, ImportError } from './import-model';
import { mb } from './zstd';

export interface ImportLimits {
	/** Largest file accepted at all. */
	maxFileBytes: number;
	/** Everything the package expands to, summed (zip and zstd). */
	maxUncompressedBytes: number;
	/** Wall time a parse may take before it stops with a message (ms of the injected clock). */
	timeBudgetMs: number;
}

const MB = 1024 * 1024;

/**
 * Limits for a device with `deviceMemoryGb` of memory (`navigator.deviceMemory`: 0.25 … 8, absent on
 * Firefox/Safari, where the desktop limits apply). Roughly an eighth of the memory, at most the defaults.
 */
export function importLimitsFor(deviceMemoryGb?: number): ImportLimits {
	const desktop: ImportLimits = {
		maxFileBytes: IMPORT_LIMITS.maxFileBytes,
		maxUncompressedBytes: IMPORT_LIMITS.maxUncompressedBytes,
		timeBudgetMs: 120_000
	};
	if (deviceMemoryGb === undefined || !Number.isFinite(deviceMemoryGb) || deviceMemoryGb <= 0) return desktop;
	const share = Math.max(64 * MB, Math.floor((deviceMemoryGb * 1024 * MB) / 8));
	return {
		maxFileBytes: Math.min(desktop.maxFileBytes, Math.max(32 * MB, Math.floor(share / 2))),
		maxUncompressedBytes: Math.min(desktop.maxUncompressedBytes, share),
		// Slower processors: more time, same bound on memory.
		timeBudgetMs: deviceMemoryGb <= 2 ? 180_000 : desktop.timeBudgetMs
	};
}

/** One running total of bytes unpacked, refusing (before allocating, where sizes are declared) past the limit. */
export class ByteBudget {
	private usedBytes = 0;

	constructor(
		readonly limitBytes: number,
		private readonly fileName: string
	) {}

	get remainingBytes(): number {
		return Math.max(0, this.limitBytes - this.usedBytes);
	}

	/** Counts `bytes` more (named `what` in the refusal). */
	take(bytes: number, what: string): void {
		this.usedBytes += Math.max(0, bytes);
		if (this.usedBytes > this.limitBytes) {
			throw new ImportError(
				'zip-bomb',
				`"${this.fileName}" expands to more than ${mb(this.limitBytes)} (${what} alone would pass the limit on this device). Nothing was imported.`
			);
		}
	}

	/** Gives back bytes counted before (a zstd layer replaces its compressed bytes by what it expands to). */
	release(bytes: number): void {
		this.usedBytes = Math.max(0, this.usedBytes - bytes);
	}
}
