/**
 * `npm run build:wasm`: compiles the kernels' WebAssembly twins (sim/wasm/assembly, AssemblyScript)
 * and writes the module into sim/wasm/binary.ts, so the engine loads it the same way under Node,
 * the built command line and Vite, with no file to find at run time. A test fails if the committed
 * module is out of date with its sources.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

export const BINARY_FILE = new URL('../sim/wasm/binary.ts', import.meta.url);
const ENTRY = fileURLToPath(new URL('../sim/wasm/assembly/index.ts', import.meta.url));

/**
 * The compiler's flags: fully optimised, no runtime (the twins allocate nothing), no assertions;
 * the memory imported and shared (sim/wasm/arena.ts), SIMD for the givers' lanes.
 */
const FLAGS = ['-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--sharedMemory', '--maximumMemory', '65536', '--enable', 'simd,threads'];

export async function compileTwins(): Promise<Uint8Array> {
  let binary: Uint8Array | null = null;
  const errors: string[] = [];
  const { error } = await asc.main([ENTRY, ...FLAGS, '--outFile', 'twins.wasm'], {
    writeFile: (name, contents) => {
      if (name === 'twins.wasm') binary = contents as Uint8Array;
    },
    stderr: { write: (text: string | Uint8Array) => errors.push(String(text)) } as never,
  });
  if (error || binary === null) throw new Error(`kith: the WebAssembly twins did not compile\n${errors.join('')}`);
  if (sectionIds(binary).includes(DATA_SECTION)) throw new Error('kith: the WebAssembly twins have static data, where the arena keeps their working space (sim/wasm/arena.ts)');
  return binary;
}

/** Section 11 holds a module's static data, placed in its memory at instantiation. */
const DATA_SECTION = 11;

/** The ids of a module's sections, in order: after the 8-byte header, each is an id, a LEB128 size and its bytes. */
function sectionIds(binary: Uint8Array): number[] {
  const ids: number[] = [];
  for (let at = 8; at < binary.length; ) {
    ids.push(binary[at++]);
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = binary[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += size;
  }
  return ids;
}

/** binary.ts's text for a module: its bytes in base64, 100 to a line. */
export function binaryText(binary: Uint8Array): string {
  const base64 = Buffer.from(binary).toString('base64');
  const lines = base64.match(/.{1,100}/g) ?? [];
  return [
    '// Written by `npm run build:wasm` (cli/build-wasm.ts) from sim/wasm/assembly: do not edit.',
    'export const TWINS_WASM =',
    ...lines.map((line, k) => `  '${line}'${k === lines.length - 1 ? ';' : ' +'}`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const binary = await compileTwins();
  writeFileSync(BINARY_FILE, binaryText(binary));
  console.log(`wrote ${fileURLToPath(BINARY_FILE)} (${binary.length} bytes of WebAssembly)`);
}
