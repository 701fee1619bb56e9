import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // sim/wasm/assembly is AssemblyScript, checked by its compiler (npm run build:wasm).
  { ignores: ['node_modules', 'build', 'dist', 'bench/results', 'out', 'sim/wasm/assembly'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The engine owns its randomness: every draw comes from a seeded stream.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from sim/random.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The engine runs in the browser too: no Node APIs. And a run must give the same bits in every
    // JavaScript engine, whose Math.exp, log, pow, sin, cos… differ in the last bit: sim/math.ts
    // computes them in plain arithmetic.
    files: ['sim/**/*.ts'],
    ignores: ['sim/math.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from sim/random.' },
        ...['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot'].map(
          (property) => ({ object: 'Math', property, message: `Math.${property} differs between JavaScript engines: use sim/math.ts, so a run gives the same bits in the browser and in Node.` }),
        ),
      ],
      'no-restricted-syntax': ['error', { selector: "BinaryExpression[operator='**']", message: 'x ** y differs between JavaScript engines: use pow() from sim/math.ts.' }],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'os', 'worker_threads', '../cli/*', '../viz/*'] },
      ],
    },
  },
  {
    // sim/math.ts itself: no Node APIs either.
    files: ['sim/math.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*'] }] },
  },
  {
    // The viewer runs in the browser (and its engine in a Web Worker): no Node APIs. (TypeScript
    // checks its globals against the DOM and WebWorker libraries.)
    files: ['viz/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'worker_threads', '../cli/*', '../../cli/*'] }],
    },
  },
);
