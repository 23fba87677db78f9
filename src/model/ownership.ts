/** Our own metadata keys start with this; user metadata may not (source/schema.ts refuses it). */
export const RESERVED_METADATA_PREFIX = 'opencx-trainings';

/**
 * How a remote training records that this tool manages it: three flat string values in its
 * `metadata`, written at create time. The prefix keeps them apart from user metadata, which may
 * not use it (see source/schema.ts).
 */
const OWNERSHIP_KEYS = {
  managed: `${RESERVED_METADATA_PREFIX}.managed`,
  namespace: `${RESERVED_METADATA_PREFIX}.namespace`,
  key: `${RESERVED_METADATA_PREFIX}.key`,
} as const;

export interface Ownership {
  namespace: string;
  key: string;
}

/** The metadata that marks a training as ours, for create bodies. */
export function ownershipMetadata(namespace: string, key: string): Record<string, string> {
  return {
    [OWNERSHIP_KEYS.managed]: 'true',
    [OWNERSHIP_KEYS.namespace]: namespace,
    [OWNERSHIP_KEYS.key]: key,
  };
}

/** The listing filter that narrows `GET /training` to one namespace's trainings. */
export function namespaceFilter(namespace: string): Record<string, string> {
  return { [OWNERSHIP_KEYS.managed]: 'true', [OWNERSHIP_KEYS.namespace]: namespace };
}

/** The filter that finds the training(s) of one key, e.g. after an ambiguous create. */
export function keyFilter(namespace: string, key: string): Record<string, string> {
  return ownershipMetadata(namespace, key);
}

/** Who manages a training, read from its metadata; null when it carries no complete marker. */
export function readOwnership(
  metadata: Readonly<Record<string, unknown>> | null | undefined,
): Ownership | null {
  if (metadata == null || metadata[OWNERSHIP_KEYS.managed] !== 'true') return null;
  const namespace = metadata[OWNERSHIP_KEYS.namespace];
  const key = metadata[OWNERSHIP_KEYS.key];
  if (typeof namespace !== 'string' || typeof key !== 'string' || key === '') return null;
  return { namespace, key };
}

/** User metadata only: our own keys removed. */
export function userMetadata(
  metadata: Readonly<Record<string, unknown>> | null | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(metadata ?? {})) {
    if (!name.startsWith(RESERVED_METADATA_PREFIX)) out[name] = value;
  }
  return out;
}
