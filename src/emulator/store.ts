import { readStateFile, writeStateFile } from './data-file.js';
import type { EmulatorState, StoredSegment, StoredTraining, StoredDirectory } from './state.js';

/**
 * The emulator's state: changed in memory synchronously (so concurrent requests see each other's
 * writes in order), then saved. Saves run one after another, each writing the state as it is when
 * the save starts, so the file only ever moves forward.
 */
export interface EmulatorStore {
  /** `undefined` when the state lives in memory only. */
  readonly dataFile: string | undefined;
  trainings(): readonly StoredTraining[];
  directories(): readonly StoredDirectory[];
  segments(): readonly StoredSegment[];
  findTraining(id: string): StoredTraining | undefined;
  /** Insert, or replace the training with the same id in place (keeping creation order). */
  putTraining(training: StoredTraining): void;
  removeTraining(id: string): boolean;
  /** Replace everything, e.g. to reset between tests. */
  replaceState(state: EmulatorState): void;
  /** A deep copy of the state, as the data file holds it. */
  snapshot(): EmulatorState;
  /** Resolves once the state as it is now is on disk (at once in memory). */
  save(): Promise<void>;
}

/**
 * Open the store: from `dataFile` when it exists, else from `initial()`, which is then written
 * so that the file exists from the first start.
 */
export async function openStore(
  dataFile: string | undefined,
  initial: () => EmulatorState,
): Promise<EmulatorStore> {
  const loaded = dataFile === undefined ? undefined : await readStateFile(dataFile);
  const store = createStore(loaded ?? initial(), dataFile);
  if (loaded === undefined) await store.save();
  return store;
}

function createStore(initial: EmulatorState, dataFile?: string): EmulatorStore {
  let state = structuredClone(initial);
  let saving: Promise<void> = Promise.resolve();
  return {
    dataFile,
    trainings: () => state.trainings,
    directories: () => state.directories,
    segments: () => state.segments,
    findTraining: (id) => state.trainings.find((t) => t.id === id),
    putTraining(training) {
      const index = state.trainings.findIndex((t) => t.id === training.id);
      if (index === -1) state.trainings.push(training);
      else state.trainings[index] = training;
    },
    removeTraining(id) {
      const before = state.trainings.length;
      state.trainings = state.trainings.filter((t) => t.id !== id);
      return state.trainings.length < before;
    },
    replaceState(next) {
      state = structuredClone(next);
    },
    snapshot: () => structuredClone(state),
    save() {
      if (dataFile === undefined) return Promise.resolve();
      const next = saving.then(() => writeStateFile(dataFile, state));
      // A failed save fails its own request; the next save still runs.
      saving = next.catch(() => undefined);
      return next;
    },
  };
}
