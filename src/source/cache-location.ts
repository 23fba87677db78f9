import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { nonEmpty } from '../util/env.js';

type Env = Readonly<Record<string, string | undefined>>;

const CACHE_DIR_ENV = 'OPENCX_CACHE_DIR';
const APP = 'opencx-trainings';

/**
 * The folder of the user's caches for this tool, outside any work tree so that no commit can
 * put a cache in place: `$OPENCX_CACHE_DIR`, else `$XDG_CACHE_HOME/opencx-trainings`, else the
 * platform's place (`~/.cache/opencx-trainings`, `~/Library/Caches/opencx-trainings`,
 * `%LOCALAPPDATA%\opencx-trainings\Cache`). Null when the environment names no home at all:
 * then nothing is cached, rather than written somewhere unexpected.
 */
export function cacheFolder(env: Env, platform: NodeJS.Platform, cwd: string): string | null {
  const given = nonEmpty(env[CACHE_DIR_ENV]);
  if (given !== undefined) return path.resolve(cwd, given);
  // XDG asks for an absolute path and for relative ones to be ignored.
  const xdg = nonEmpty(env.XDG_CACHE_HOME);
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, APP);
  if (platform === 'win32') {
    const local =
      nonEmpty(env.LOCALAPPDATA) ??
      (nonEmpty(env.USERPROFILE) === undefined
        ? undefined
        : path.win32.join(env.USERPROFILE ?? '', 'AppData', 'Local'));
    return local === undefined ? null : path.win32.join(local, APP, 'Cache');
  }
  const home = nonEmpty(env.HOME);
  if (home === undefined) return null;
  return platform === 'darwin'
    ? path.join(home, 'Library', 'Caches', APP)
    : path.join(home, '.cache', APP);
}

/** One cache file per project, named by its folder's real path. */
export function cacheFileFor(folder: string, realProjectDir: string): string {
  const id = createHash('sha256').update(realProjectDir).digest('hex').slice(0, 16);
  return path.join(folder, `source-${id}.json`);
}

/** The parse cache file of the project in `projectDir`, or null when there is nowhere to keep it. */
export async function locateSourceCache(
  projectDir: string,
  { env, cwd }: { env: Env; cwd: string },
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  const folder = cacheFolder(env, platform, cwd);
  if (folder === null) return null;
  const real = await realpath(projectDir).catch(() => path.resolve(cwd, projectDir));
  return cacheFileFor(folder, real);
}
