import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** tsc's exit status when it found type errors but still wrote the output. */
const OUTPUT_WRITTEN_DESPITE_ERRORS = 2;

/**
 * The end-to-end tests and the chaos suite run the built command: build it first, so that they
 * never run a dist/ older than the source. Incremental (the build info lives in dist/), so an
 * unchanged tree costs about a second. Type errors are the typecheck's to report; only a build
 * that wrote nothing stops the tests.
 */
export default function buildDist(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0 && build.status !== OUTPUT_WRITTEN_DESPITE_ERRORS) {
    throw new Error(`The build failed, so the built command cannot be tested:\n${build.stdout}`);
  }
}
