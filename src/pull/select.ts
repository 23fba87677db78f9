import type { Remote } from '../model/remote.js';

/**
 * Which remote trainings `pull` writes:
 * - `new` (the default): those the repository does not hold yet: no file pins their id, and
 *   they are not managed by this namespace under a key that a file has. Trainings managed by
 *   another namespace belong to another repository and are left out.
 * - `unmanaged`: only trainings without any ownership marker (never created by a repository),
 *   not pinned by a file. This namespace's trainings whose file is gone are left out too.
 * - `all`: every training in the org, including other namespaces'. Those that already have a
 *   file here are only rewritten with `--force`.
 * - `drifted`: the trainings whose OpenCX state differs from their file (pull/drifted.ts). The
 *   caller narrows the remotes to them; they are then taken as `all` takes them.
 */
export const PULL_MODES = ['new', 'unmanaged', 'all', 'drifted'] as const;
export type PullMode = (typeof PULL_MODES)[number];

/** The identity of a training file the repository already has. */
export interface LocalTraining {
  /** Path relative to the output folder, with `/`. */
  file: string;
  key: string;
  id: string | null;
  /** Its `directory:` as written. */
  directory: string | null;
}

interface LocalIdentities {
  pinned: ReadonlyMap<string, string>;
  keys: ReadonlyMap<string, string>;
}

export interface Selected {
  remote: Remote;
  /** The file that already stands for this training, or null for a new one. */
  existing: string | null;
}

export interface Selection {
  selected: Selected[];
  /** How many trainings were left out, and why. */
  leftOut: { hasFile: number; otherNamespace: number; ownWithoutFile: number };
}

/** Choose the trainings to pull. Pure; the order of `remotes` is kept. */
export function selectRemotes(
  remotes: readonly Remote[],
  files: readonly LocalTraining[],
  namespace: string,
  mode: PullMode,
): Selection {
  const local = identitiesOf(files, remotes);
  const selected: Selected[] = [];
  const leftOut = { hasFile: 0, otherNamespace: 0, ownWithoutFile: 0 };
  for (const remote of remotes) {
    const existing = fileOf(remote, local, namespace);
    const owner = remote.ownership?.namespace ?? null;
    if (mode === 'all' || mode === 'drifted') {
      selected.push({ remote, existing });
    } else if (existing !== null) {
      leftOut.hasFile++;
    } else if (owner !== null && owner !== namespace) {
      leftOut.otherNamespace++;
    } else if (owner === namespace && mode === 'unmanaged') {
      leftOut.ownWithoutFile++;
    } else {
      selected.push({ remote, existing: null });
    }
  }
  return { selected, leftOut };
}

/**
 * A file is matched by its pin; by its key only when it pins nothing, or pins an id that is
 * gone (as the plan matches them, see reconcile/match.ts).
 */
function identitiesOf(
  files: readonly LocalTraining[],
  remotes: readonly Remote[],
): LocalIdentities {
  const ids = new Set(remotes.map((r) => r.id));
  const pinned = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const f of files) {
    if (f.id !== null) pinned.set(f.id, f.file);
    if (f.id === null || !ids.has(f.id)) keys.set(f.key, f.file);
  }
  return { pinned, keys };
}

/** The file standing for a remote training: its pin first, then this namespace's key. */
function fileOf(remote: Remote, local: LocalIdentities, namespace: string): string | null {
  const pinned = local.pinned.get(remote.id);
  if (pinned !== undefined) return pinned;
  if (remote.ownership?.namespace !== namespace) return null;
  return local.keys.get(remote.ownership.key) ?? null;
}
