import { describe, expect, it } from 'vitest';
import { cacheFileFor, cacheFolder } from './cache-location.js';

describe('cacheFolder', () => {
  const cwd = '/work/repo';

  it.each([
    [
      'OPENCX_CACHE_DIR first',
      { OPENCX_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' },
      'linux',
      '/c',
    ],
    [
      'OPENCX_CACHE_DIR relative to the working directory',
      { OPENCX_CACHE_DIR: 'tmp/c' },
      'linux',
      '/work/repo/tmp/c',
    ],
    ['then XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x', HOME: '/h' }, 'darwin', '/x/opencx-trainings'],
    [
      'but not a relative XDG_CACHE_HOME',
      { XDG_CACHE_HOME: 'x', HOME: '/h' },
      'linux',
      '/h/.cache/opencx-trainings',
    ],
    ['then ~/.cache', { HOME: '/h', OPENCX_CACHE_DIR: '' }, 'linux', '/h/.cache/opencx-trainings'],
    ['~/Library/Caches on macOS', { HOME: '/h' }, 'darwin', '/h/Library/Caches/opencx-trainings'],
    [
      'LOCALAPPDATA on Windows',
      { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' },
      'win32',
      'C:\\Users\\a\\AppData\\Local\\opencx-trainings\\Cache',
    ],
    [
      'USERPROFILE on Windows',
      { USERPROFILE: 'C:\\Users\\a' },
      'win32',
      'C:\\Users\\a\\AppData\\Local\\opencx-trainings\\Cache',
    ],
    ['nowhere without a home', {}, 'linux', null],
    ['nowhere on Windows without a profile', { HOME: '/h' }, 'win32', null],
  ] as const)('%s', (_rule, env, platform, expected) => {
    expect(cacheFolder(env, platform, cwd)).toBe(expected);
  });
});

describe('cacheFileFor', () => {
  it('gives each project its own file', () => {
    const a = cacheFileFor('/c', '/work/a');
    expect(a).toMatch(/^\/c\/source-[0-9a-f]{16}\.json$/);
    expect(cacheFileFor('/c', '/work/a')).toBe(a);
    expect(cacheFileFor('/c', '/work/b')).not.toBe(a);
  });
});
