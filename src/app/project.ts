import path from 'node:path';
import type { Config } from '../config/config.js';
import { readConfig } from '../config/load.js';
import { type Diagnostic, diagnose, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { locateSourceCache } from '../source/cache-location.js';
import { readTrainings, type SourceState } from '../source/read.js';
import { currentBuildId } from '../util/build-id.js';
import type { CommonOptions } from './options.js';
import type { Io } from './io.js';

export interface Project {
  config: Config | null;
  /** The trainings folder as shown to the user (relative to the working directory). */
  root: string;
  source: SourceState | null;
  /** Problems in the config and in every training file. */
  diagnostics: Diagnostic[];
}

/** The folder of opencx.yml (or the working directory): relative paths in the config start here. */
export function projectDir(config: Config, io: Io): string {
  return config.file === null ? io.cwd : path.dirname(path.resolve(io.cwd, config.file));
}

export interface LoadOptions {
  /**
   * Reuse parse results of unchanged files (source/cache.ts). Only `validate` may: what plan and
   * apply send must come from the training files alone.
   */
  cache: boolean;
}

/**
 * Read opencx.yml and every training file, gathering all diagnostics of both. Directory names
 * are checked against the given target's mapping, or the named/default target's when omitted.
 */
export async function loadProject(
  options: CommonOptions,
  io: Io,
  directoriesOf?: (config: Config) => Readonly<Record<string, string>>,
  { cache }: LoadOptions = { cache: false },
): Promise<Project> {
  const loaded = await readConfig(io.cwd, options.config);
  if (!loaded.ok) {
    return {
      config: null,
      root: options.root ?? 'trainings',
      source: null,
      diagnostics: loaded.diagnostics,
    };
  }
  const config = loaded.config;
  const diagnostics: Diagnostic[] = [];
  let directories = config.directories;
  if (directoriesOf !== undefined) {
    directories = directoriesOf(config);
  } else {
    const targetName = options.target ?? config.defaultTarget;
    const target = targetName === null ? undefined : config.targets[targetName];
    if (targetName !== null && target === undefined && targetName !== 'local') {
      diagnostics.push(
        diagnose('unknown-target', { name: targetName, known: Object.keys(config.targets) }),
      );
    }
    directories = target?.directories ?? directories;
  }
  const base = projectDir(config, io);
  const rootPath =
    options.root === undefined
      ? path.resolve(base, config.root)
      : path.resolve(io.cwd, options.root);
  const cacheFile = cache ? await locateSourceCache(base, io) : null;
  const source = await readTrainings({
    root: rootPath,
    cwd: io.cwd,
    directories,
    cache: cacheFile === null ? null : { file: cacheFile, build: currentBuildId() },
  });
  diagnostics.push(...source.diagnostics);
  const root = path.relative(io.cwd, rootPath).split(path.sep).join('/') || '.';
  return { config, root, source, diagnostics: sortDiagnostics(diagnostics) };
}
