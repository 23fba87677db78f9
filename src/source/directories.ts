import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import type { Desired } from '../model/training.js';
import { suggest } from '../util/suggest.js';

/** OpenCX ids are UUIDs; a `directory:` value of that shape is taken as an id as it is. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRemoteId(value: string): boolean {
  return UUID.test(value);
}

/** The directory id a `directory:` value stands for, or undefined if it is an unmapped name. */
export function resolveDirectory(
  value: string,
  directories: Readonly<Record<string, string>>,
): string | undefined {
  return Object.hasOwn(directories, value)
    ? directories[value]
    : isRemoteId(value)
      ? value
      : undefined;
}

/**
 * The API cannot list directories, so a name only means something through the config's
 * `directories:` map. An unmapped name is an error before anything reaches the API.
 */
export function checkDirectories(
  trainings: readonly Desired[],
  directories: Readonly<Record<string, string>>,
): Diagnostic[] {
  const known = Object.keys(directories);
  return trainings
    .filter((t) => t.directory !== null && resolveDirectory(t.directory, directories) === undefined)
    .map((t) => {
      const name = t.directory ?? '';
      return diagnose(
        'directory-unmapped',
        { name, known, suggestion: suggest(name, known) },
        { file: t.file, field: 'directory', position: t.positions.directory },
      );
    });
}
