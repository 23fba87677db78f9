import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import type { Remote } from '../model/remote.js';
import { keyFromPath } from '../source/normalize.js';
import { convertRemote, type PulledTraining, type References } from './convert.js';
import { isContainedPath, layoutFiles, type LayoutItem } from './layout.js';
import { renderTrainingFile } from './render-file.js';
import { selectRemotes, type LocalTraining, type PullMode, type Selection } from './select.js';
import { checkRoundTrip } from './verify.js';
import { byPath } from '../util/compare.js';

export interface PullInput {
  /** Every training of the org. */
  remotes: readonly Remote[];
  /** The repository's training files, with paths relative to the output folder. */
  local: readonly LocalTraining[];
  /** Every file under the output folder (relative, `/`), trainings or not. */
  existingPaths: readonly string[];
  namespace: string;
  mode: PullMode;
  force: boolean;
  refs: References;
  /** The output folder as shown to the user (relative to the working directory). */
  folder: string;
  /** Mode `drifted`: what else adopting the drift does besides writing the remotes given. */
  drift?: {
    /** Files to remove (relative to the output folder): their training is gone. */
    removals: readonly FileRemoval[];
    /** Extra copies of a key, left for the next apply to remove. */
    duplicates: number;
  };
}

/** A file a pull removes, its training being gone from OpenCX. */
export interface FileRemoval {
  /** Relative to the output folder, with `/`. */
  path: string;
  title: string;
}

/** One file of the pull: `create` a new one, `overwrite` (with --force) or `skip` an existing one. */
export interface PlannedFile {
  action: 'create' | 'overwrite' | 'skip';
  /** Relative to the output folder, with `/`. */
  path: string;
  id: string;
  title: string;
  /** The file's text; empty for a skipped file. */
  text: string;
}

/** Everything a pull will do, computed before anything is written. Plain data. */
export interface PullPlan {
  folder: string;
  mode: PullMode;
  /** Trainings read: the org's, or in mode `drifted` those that differ from their file. */
  total: number;
  /** Why trainings read were not written; `duplicates` only in mode `drifted`. */
  leftOut: Selection['leftOut'] & { duplicates: number };
  /** Sorted by path. */
  files: PlannedFile[];
  /** Files to remove, sorted by path; only in mode `drifted`. */
  removals: FileRemoval[];
  /** Trainings that cannot be written (errors), and notes about written files (warnings). */
  diagnostics: Diagnostic[];
  /** Directory names the new files use that opencx.yml does not map yet: name → id. */
  unmappedDirectories: Record<string, string>;
}

/**
 * Decide the whole pull: select, convert, lay out, render, and read every file back. Pure.
 * A training whose file would not read back as pulled is refused rather than written.
 */
export function assemblePull(input: PullInput): PullPlan {
  const { selected, leftOut } = selectRemotes(
    input.remotes,
    input.local,
    input.namespace,
    input.mode,
  );
  const localKeys = new Map(input.local.map((l) => [l.file, l.key]));
  const diagnostics: Diagnostic[] = [];
  const converted: {
    remote: Remote;
    training: PulledTraining;
    notes: Diagnostic[];
    exists: boolean;
  }[] = [];
  const items: LayoutItem[] = [];
  for (const { remote, existing } of selected) {
    const { training, diagnostics: found } = convertRemote(remote, input.refs);
    if (training === null) {
      diagnostics.push(...found);
      continue;
    }
    converted.push({ remote, training, notes: found, exists: existing !== null });
    items.push({
      id: remote.id,
      title: training.title,
      folder: training.directory,
      ownKey: remote.ownership?.namespace === input.namespace ? remote.ownership.key : null,
      createdAt: remote.createdAt,
      existing:
        existing === null
          ? null
          : { path: existing, key: localKeys.get(existing) ?? keyFromPath(existing) },
    });
  }

  const placements = layoutFiles(items, {
    paths: input.existingPaths,
    keys: [...localKeys.values()],
  });
  const files: PlannedFile[] = [];
  // Names the server lists but opencx.yml does not map, in new files and in the repository's.
  const unmappedIds = new Map(
    [...input.refs.directories].flatMap(([id, d]) => (d.mapped ? [] : [[d.name, id] as const])),
  );
  const directoryOf = new Map(converted.map((c) => [c.remote.id, c.training.directory]));
  const unmappedDirectories: Record<string, string> = {};
  for (const { remote, training, notes, exists } of converted) {
    const placement = placements.get(remote.id);
    if (placement === undefined) continue;
    const { path, key } = placement;
    const shown = `${input.folder}/${path}`;
    const base = { path, id: remote.id, title: training.title };
    if (exists && !input.force) {
      files.push({ ...base, action: 'skip', text: '' });
      continue;
    }
    if (!isContainedPath(path)) {
      diagnostics.push(
        diagnose('path-outside-folder', { folder: input.folder, symlink: false }, { file: shown }),
      );
      continue;
    }
    const text = renderTrainingFile(training, key);
    const pathKey = keyFromPath(path);
    const problems = checkRoundTrip(shown, text, pathKey, { ...training, key: key ?? pathKey });
    if (problems.length > 0) {
      diagnostics.push(...problems);
      continue;
    }
    diagnostics.push(...notes.map((d) => ({ ...d, file: shown })));
    files.push({ ...base, action: exists ? 'overwrite' : 'create', text });
  }
  const written = files.filter((f) => f.action !== 'skip').map((f) => f.id);
  const named = [
    ...input.local.map((l) => l.directory),
    ...written.map((id) => directoryOf.get(id)),
  ];
  for (const name of named) {
    const id = name == null ? undefined : unmappedIds.get(name);
    if (name != null && id !== undefined) unmappedDirectories[name] = id;
  }
  const removals: FileRemoval[] = [];
  for (const removal of input.drift?.removals ?? []) {
    if (isContainedPath(removal.path)) removals.push(removal);
    else {
      diagnostics.push(
        diagnose(
          'path-outside-folder',
          { folder: input.folder, symlink: false },
          { file: `${input.folder}/${removal.path}` },
        ),
      );
    }
  }
  files.sort(byPath);
  removals.sort(byPath);
  return {
    folder: input.folder,
    mode: input.mode,
    total: input.remotes.length,
    leftOut: { ...leftOut, duplicates: input.drift?.duplicates ?? 0 },
    files,
    removals,
    diagnostics,
    unmappedDirectories,
  };
}
