import { readFileSync } from 'node:fs';

/** Set by the bundler in the GitHub action's bundle, which has no package.json beside it. */
declare const OPENCX_TRAININGS_VERSION: string | undefined;

/** The package version, read once from package.json two folders up: beside dist/ (or src/ in tests). */
export const VERSION: string =
  typeof OPENCX_TRAININGS_VERSION === 'string'
    ? OPENCX_TRAININGS_VERSION
    : (
        JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
          version: string;
        }
      ).version;
