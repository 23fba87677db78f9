import { createHash } from 'node:crypto';
import { namespaceFilter } from '../model/ownership.js';
import { toRemote, type Remote } from '../model/remote.js';
import type { OpenCxClient } from './client.js';
import type { Directory, Segment } from './contract.js';

/** What the plan needs to know of an org, read with as few requests as possible. */
export interface RemoteState {
  /** The namespace's managed trainings, and the pinned ones. */
  remotes: Remote[];
  segments: Segment[];
  /** Undefined when the server cannot list directories. */
  directories: Directory[] | undefined;
  /** Hash of the trainings, to tell later whether they changed. */
  fingerprint: string;
}

export interface RemoteStateRequest {
  namespace: string;
  /** Ids pinned by files: read one by one when the namespace's listing does not hold them. */
  pinnedIds: readonly string[];
  /** Skip the segments request when no file and no training uses segments. */
  needSegments: boolean;
  /** Skip the directories request when no file names a directory. */
  needDirectories: boolean;
}

/**
 * Read the org's state: ceil(N/100) listing requests for the namespace's N trainings (the
 * metadata filter leaves other trainings out), one GET per pinned id not among them, and one
 * request each for segments and directories when the plan needs them.
 */
export async function fetchRemoteState(
  client: OpenCxClient,
  request: RemoteStateRequest,
): Promise<RemoteState> {
  const remotes: Remote[] = [];
  for await (const t of client.listTrainings({ metadata: namespaceFilter(request.namespace) }))
    remotes.push(toRemote(t));
  const listed = new Set(remotes.map((r) => r.id));
  for (const id of new Set(request.pinnedIds)) {
    if (listed.has(id)) continue;
    const t = await client.getTraining(id);
    if (t !== undefined) remotes.push(toRemote(t));
  }
  const needSegments = request.needSegments || remotes.some((r) => r.segments.length > 0);
  const segments = needSegments ? await client.listSegments() : [];
  const directories = request.needDirectories ? await client.listDirectories() : undefined;
  return { remotes, segments, directories, fingerprint: fingerprintOf(remotes) };
}

/**
 * Order-independent hash of the trainings a plan was computed from. A saved plan is applied only
 * while it still matches (`apply --plan`), since its actions assume exactly this state.
 */
export function fingerprintOf(remotes: readonly Remote[]): string {
  const sorted = [...remotes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
