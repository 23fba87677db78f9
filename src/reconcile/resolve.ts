import type { Segment } from '../api/contract.js';
import { type Diagnostic, diagnose } from '../diagnostics/diagnostic.js';
import { sharedList } from '../model/shared.js';
import type { Desired } from '../model/training.js';
import { resolveDirectory } from '../source/directories.js';
import { suggest } from '../util/suggest.js';

/** A desired training with its names turned into the ids the API wants. */
export interface ResolvedDesired extends Desired {
  /** Sorted segment ids. */
  segmentIds: string[];
  directoryId: string | null;
}

export interface ReferenceContext {
  segments: readonly Pick<Segment, 'id' | 'name'>[];
  /** Directory names mapped to ids, from the config. */
  directories: Readonly<Record<string, string>>;
  /** Ids of the org's directories when the server can list them; undefined when it cannot. */
  directoryIds?: ReadonlySet<string> | undefined;
}

/**
 * Resolve segment names and directory names to ids. Pure. Every unknown or ambiguous name is
 * a diagnostic at its line, so that nothing is written while one of them is wrong.
 */
export function resolveReferences(
  desired: readonly Desired[],
  context: ReferenceContext,
): { resolved: ResolvedDesired[]; diagnostics: Diagnostic[] } {
  const byName = new Map<string, string[]>();
  const ids = new Set(context.segments.map((s) => s.id));
  for (const s of context.segments) byName.set(s.name, [...(byName.get(s.name) ?? []), s.id]);
  const names = [...byName.keys()].sort();

  const diagnostics: Diagnostic[] = [];
  const resolved = desired.map((d): ResolvedDesired => {
    const segmentIds: string[] = [];
    d.segments.forEach((value, index) => {
      const where = {
        file: d.file,
        field: `segments.${index}`,
        position: d.positions[`segments.${index}`],
      };
      if (ids.has(value)) return void segmentIds.push(value);
      const matches = byName.get(value) ?? [];
      if (matches.length === 1) return void segmentIds.push(matches[0] as string);
      if (matches.length > 1)
        return void diagnostics.push(
          diagnose('ambiguous-segment', { name: value, ids: matches }, where),
        );
      diagnostics.push(
        diagnose(
          'unknown-segment',
          { name: value, known: names, suggestion: suggest(value, names) },
          where,
        ),
      );
    });

    let directoryId: string | null = null;
    if (d.directory !== null) {
      directoryId = resolveDirectory(d.directory, context.directories) ?? null;
      if (
        directoryId !== null &&
        context.directoryIds !== undefined &&
        !context.directoryIds.has(directoryId)
      ) {
        diagnostics.push(
          diagnose(
            'unknown-directory',
            { name: d.directory, id: directoryId },
            { file: d.file, field: 'directory', position: d.positions.directory },
          ),
        );
      }
    }
    // Written out, not spread: V8 gave every spread copy a hidden class of its own, some 450
    // bytes a training (45 MB of a 100,000-training plan).
    return {
      key: d.key,
      file: d.file,
      id: d.id,
      title: d.title,
      content: d.content,
      type: d.type,
      channels: d.channels,
      segments: d.segments,
      directory: d.directory,
      draft: d.draft,
      metadata: d.metadata,
      positions: d.positions,
      segmentIds: sharedList([...new Set(segmentIds)].sort()),
      directoryId,
    };
  });
  return { resolved, diagnostics };
}
