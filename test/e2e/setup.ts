/**
 * Before the browser tests: compile the command line (the tests compare the viewer's exports with
 * `kith run`), build the viewer into dist/, and serve dist/ on localhost with `vite preview`, with
 * the cross-origin isolation headers and without them.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ with the cross-origin isolation headers of vite.config.ts: the engine runs WebAssembly. */
    baseUrl: string;
    /** dist/ without them, as a plain static host serves it: the engine runs JavaScript. */
    plainUrl: string;
  }
}

const ROOT = new URL('../..', import.meta.url).pathname;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const servers = await Promise.all([
    preview({ root: ROOT, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } }),
    // Without vite.config.ts, so without its headers: the same files as any static host serves them.
    preview({ root: ROOT, configFile: false, logLevel: 'warn', base: './', build: { outDir: 'dist' }, preview: { port: 0, host: '127.0.0.1', open: false } }),
  ]);
  const urls = servers.map((server) => {
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('vite preview did not start');
    return `http://127.0.0.1:${address.port}/`;
  });
  project.provide('baseUrl', urls[0]);
  project.provide('plainUrl', urls[1]);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
