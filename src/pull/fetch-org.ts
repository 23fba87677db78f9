import type { OpenCxClient } from '../api/client.js';
import type { Directory, Segment } from '../api/contract.js';
import { toRemote } from '../api/to-remote.js';
import type { Remote } from '../model/remote.js';

/** Everything `pull` reads from OpenCX. */
export interface Org {
  /** Every training of the org, managed or not. */
  remotes: Remote[];
  segments: Segment[];
  /** Undefined when the server cannot list directories (the documented API cannot). */
  directories: Directory[] | undefined;
}

/**
 * Read the whole org: ceil(N/100) listing requests for N trainings, then the segments and the
 * directories (one request each, for an org of up to 100 of them).
 */
export async function fetchOrg(client: OpenCxClient): Promise<Org> {
  const remotes: Remote[] = [];
  for await (const t of client.listTrainings()) remotes.push(toRemote(t));
  const segments = await client.listSegments();
  const directories = await client.listDirectories();
  return { remotes, segments, directories };
}
