import { oldestFirst } from '../model/survivor.js';
import { keyFromPath } from '../source/normalize.js';
import { keyProblem } from '../source/schema.js';
import { isSafeSlug, safeSlug } from '../util/slug.js';

/** What decides where a pulled training's file goes. */
export interface LayoutItem {
  id: string;
  title: string;
  /** Directory name (or id): the training's folder; null for none. */
  folder: string | null;
  /** The key this namespace recorded on the training, for its own trainings. */
  ownKey: string | null;
  /** Milliseconds since the epoch; null when unknown. */
  createdAt: number | null;
  /** The file that already stands for this training, and its key. */
  existing: { path: string; key: string } | null;
}

export interface Placement {
  /** Relative to the output folder, with `/`. */
  path: string;
  /** The `key:` to write; null when the path gives the right key. */
  key: string | null;
}

/** What is already there: every file under the output folder, and every key in use. */
export interface Taken {
  paths: readonly string[];
  keys: readonly string[];
}

/**
 * Choose a path for every training. Pure and deterministic: a training that already has a file
 * keeps it; this namespace's trainings go back to `<key>.md` when their key is a plain path;
 * the rest go to `<directory-slug>/<title-slug>.md`. A path that is taken (compared without case,
 * for case-insensitive file systems) or whose derived key is in use gets `-2`, `-3`, ... in the
 * order of creation, then id, so the oldest training keeps the plain name. Since a file once
 * written pins its id, later pulls keep every path stable.
 */
export function layoutFiles(items: readonly LayoutItem[], taken: Taken): Map<string, Placement> {
  const occupied = new Set([
    ...taken.paths.map((p) => p.toLowerCase()),
    ...taken.keys.map((k) => `${k}.md`.toLowerCase()),
  ]);
  const keys = new Set(taken.keys);
  const placements = new Map<string, Placement>();
  const claim = (item: LayoutItem, path: string, key: string | null): void => {
    occupied.add(path.toLowerCase());
    if (key !== null) {
      keys.add(key);
      occupied.add(`${key}.md`.toLowerCase());
    }
    keys.add(keyFromPath(path));
    placements.set(item.id, { path, key });
  };

  const fresh: LayoutItem[] = [];
  for (const item of items) {
    if (item.existing === null) fresh.push(item);
    else {
      const { path, key } = item.existing;
      claim(item, path, key === keyFromPath(path) ? null : key);
    }
  }
  fresh.sort(oldestFirst);
  for (const item of fresh) {
    if (item.ownKey === null || !isPlainKeyPath(item.ownKey)) continue;
    const path = `${item.ownKey}.md`;
    if (!occupied.has(path.toLowerCase()) && !keys.has(item.ownKey)) claim(item, path, null);
  }
  for (const item of fresh) {
    if (placements.has(item.id)) continue;
    const folder = item.folder === null ? '' : `${safeSlug(item.folder, 'directory')}/`;
    const stem = safeSlug(item.title);
    let path = `${folder}${stem}.md`;
    for (let n = 2; occupied.has(path.toLowerCase()); n++) path = `${folder}${stem}-${n}.md`;
    const ownKey = item.ownKey;
    const keepKey =
      ownKey !== null &&
      keyProblem(ownKey) === undefined &&
      !keys.has(ownKey) &&
      !occupied.has(`${ownKey}.md`.toLowerCase());
    claim(item, path, keepKey && ownKey !== keyFromPath(path) ? ownKey : null);
  }
  return placements;
}

/** A key whose every segment is already a safe slug, so `<key>.md` is a plain path. */
function isPlainKeyPath(key: string): boolean {
  return keyProblem(key) === undefined && key.split('/').every(isSafeSlug);
}

/** A relative path that stays inside the folder it is joined to. */
export function isContainedPath(path: string): boolean {
  const segments = path.split('/');
  return !path.includes('\\') && segments.every((s) => s !== '' && s !== '.' && s !== '..');
}
