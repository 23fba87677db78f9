import { namespaceFilter } from '../model/ownership.js';
import type { Remote } from '../model/remote.js';
import { toRemote } from './to-remote.js';
import { canonicalJson, fingerprint, fingerprintRecords } from '../util/fingerprint.js';
import type { OpenCxClient } from './client.js';
import type { Directory, Segment } from './contract.js';

/** What the plan needs to know of an org, read with as few requests as possible. */
export interface RemoteState {
  /** The namespace's managed trainings, and the pinned ones. */
  remotes: Remote[];
  segments: Segment[];
  /** Undefined when the server cannot list directories. */
  directories: Directory[] | undefined;
  /** Hash of everything above, to tell later whether any of it changed. */
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
  /** Called on each training as it is read, before the next page is (see shareTexts). */
  adopt?: (remote: Remote) => Remote;
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
  const adopt = request.adopt ?? ((r: Remote) => r);
  const remotes: Remote[] = [];
  for await (const t of client.listTrainings({ metadata: namespaceFilter(request.namespace) }))
    remotes.push(adopt(toRemote(t)));
  const listed = new Set(remotes.map((r) => r.id));
  for (const id of new Set(request.pinnedIds)) {
    if (listed.has(id)) continue;
    const t = await client.getTraining(id);
    if (t !== undefined) remotes.push(adopt(toRemote(t)));
  }
  const needSegments = request.needSegments || remotes.some((r) => r.segments.length > 0);
  const segments = needSegments ? await client.listSegments() : [];
  const directories = request.needDirectories ? await client.listDirectories() : undefined;
  return {
    remotes,
    segments,
    directories,
    fingerprint: fingerprintRemote(remotes, segments, directories),
  };
}

/**
 * Order-independent hash of the org's state a plan was computed from: its trainings, and the
 * segments and directories that names in files were resolved against. A saved plan is applied
 * only while this is unchanged (`apply --plan`).
 */
function fingerprintRemote(
  remotes: readonly Remote[],
  segments: readonly Segment[],
  directories: readonly Directory[] | undefined,
): string {
  // The few segments and directories in the canonical form; the many trainings field by field.
  const lists = {
    segments: [...segments].sort(byId),
    directories: directories === undefined ? null : [...directories].sort(byId),
  };
  const sorted = [...remotes].sort(byId);
  return fingerprintRecords(
    (function* () {
      for (const r of sorted) yield fieldsOf(r);
    })(),
    fingerprint(lists),
  );
}

/** Every field of a training that a plan reads, as text. */
function fieldsOf(r: Remote): (string | null)[] {
  return [
    r.id,
    r.title,
    r.content,
    r.draftTitle,
    r.draftContent,
    r.type,
    String(r.isDraft),
    r.directoryId,
    r.channels.join(','),
    JSON.stringify(r.segments),
    r.metadata === null ? null : canonicalJson(r.metadata),
    r.createdAt === null ? null : String(r.createdAt),
    r.updatedAt === null ? null : String(r.updatedAt),
  ];
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
