// Lets plain `node` run this repo's TypeScript (for child processes spawned by tests):
//   node --require ./scripts/ts-register.cjs some-file.ts
// It resolves the @app/* aliases (libs/<name>/src) and compiles .ts to CommonJS with swc (decorators + metadata).
'use strict';
const { registerHooks } = require('node:module');
const { readFileSync, existsSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '..');

function asTsFile(base) {
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    const alias = /^@app\/(domain|platform|testing)(\/.*)?$/.exec(specifier);
    if (alias) {
      const file = asTsFile(join(root, 'libs', alias[1], 'src', alias[2] ?? ''));
      if (file) return { url: pathToFileURL(file).href, format: 'commonjs', shortCircuit: true };
    }
    if ((specifier.startsWith('.') || specifier.startsWith('/')) && context.parentURL?.startsWith('file:')) {
      const base = resolve(fileURLToPath(new URL('.', context.parentURL)), specifier);
      const file = base.endsWith('.js') ? undefined : asTsFile(base);
      if (file && file.endsWith('.ts'))
        return { url: pathToFileURL(file).href, format: 'commonjs', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const filename = fileURLToPath(url);
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    });
    return { format: 'commonjs', source: code, shortCircuit: true };
  },
});
