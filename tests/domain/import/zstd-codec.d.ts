// zstd-codec (dev dependency, an Emscripten build of the reference zstd) ships no types.
declare module 'zstd-codec' {
	interface ZstdSimple {
		compress(data: Uint8Array, level?: number): Uint8Array | null;
		decompress(data: Uint8Array): Uint8Array | null;
	}
	interface ZstdBinding {
		Simple: new () => ZstdSimple;
	}
	export const ZstdCodec: { run(callback: (zstd: ZstdBinding) => void): void };
}
