import { readStateFile, writeStateFile } from './data-file.js';
import type { ListQuery, Page, SortDirection } from './filters.js';
import { createListing } from './listing.js';
import { createSaveQueue } from './save-queue.js';
import type { EmulatorState, StoredDirectory, StoredSegment, StoredTraining } from './state.js';
import { createTrainingTable } from './training-table.js';

/**
 * The emulator's state: changed in memory synchronously (so concurrent requests see each other's
 * writes in order), then saved. Saves run one after another, each writing the state as it is when
 * the save starts, so the file only ever moves forward; saves asked for during one share the next
 * (save-queue.ts).
 */
export interface EmulatorStore {
  /** `undefined` when the state lives in memory only. */
  readonly dataFile: string | undefined;
  /** Every training in creation order, as a new array. */
  trainings(): readonly StoredTraining[];
  directories(): readonly StoredDirectory[];
  segments(): readonly StoredSegment[];
  findTraining(id: string): StoredTraining | undefined;
  /**
   * Insert, or replace the training with the same id in place (keeping creation order). The
   * store freezes it: a stored training is never edited, only replaced.
   */
  putTraining(training: StoredTraining): void;
  removeTraining(id: string): boolean;
  /** One page of `GET /training`, at the cost of the page (listing.ts). */
  listTrainings(query: ListQuery, direction: SortDirection): Page<StoredTraining>;
  /** Replace everything with a copy of `state`, e.g. to reset between tests. */
  replaceState(state: EmulatorState): void;
  /** A deep copy of the state, as the data file holds it. */
  snapshot(): EmulatorState;
  /** Resolves once the state as it is now is on disk (at once in memory, or when it already is). */
  save(): Promise<void>;
}

/**
 * Open the store: from `dataFile` when it exists, else from `initial()`, which is then written
 * so that the file exists from the first start. Both are fresh objects that the store keeps as
 * its own, without a copy.
 */
export async function openStore(
  dataFile: string | undefined,
  initial: () => EmulatorState,
): Promise<EmulatorStore> {
  const loaded = dataFile === undefined ? undefined : await readStateFile(dataFile);
  const store = createStore(loaded ?? initial(), dataFile, loaded !== undefined);
  if (loaded === undefined) await store.save();
  return store;
}

function createStore(initial: EmulatorState, dataFile: string | undefined, onDisk: boolean) {
  // Only the table holds the trainings: an array kept beside it would keep replaced ones alive.
  let rest = withoutTrainings(initial);
  const table = createTrainingTable(initial.trainings);
  const listing = createListing(table);
  // The trainings array is new and its trainings frozen: a save may serialise it later.
  const current = (): EmulatorState => ({ ...rest, trainings: table.all() });
  const saves =
    dataFile === undefined
      ? undefined
      : createSaveQueue({
          version: () => table.version,
          capture: current,
          write: (state) => writeStateFile(dataFile, state),
          written: onDisk ? table.version : undefined,
        });
  const store: EmulatorStore = {
    dataFile,
    trainings: () => table.all(),
    directories: () => rest.directories,
    segments: () => rest.segments,
    findTraining: (id) => table.get(id),
    putTraining: (training) => table.put(training),
    removeTraining: (id) => table.remove(id),
    listTrainings: (query, direction) => listing.list(query, direction),
    replaceState(next) {
      const copy = structuredClone(next);
      rest = withoutTrainings(copy);
      table.reset(copy.trainings);
    },
    snapshot: () => structuredClone(current()),
    save: () => saves?.save() ?? Promise.resolve(),
  };
  return store;
}

function withoutTrainings({ trainings: _trainings, ...rest }: EmulatorState) {
  return rest;
}
