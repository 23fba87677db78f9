import type { TrainingSortField } from '../api/contract.js';
import { createMetadataIndex, type MetadataIndex, type Rows } from './metadata-index.js';
import { createOrderIndex, type OrderIndex } from './order-index.js';
import type { StoredTraining } from './state.js';

/**
 * The stored trainings, by id, in creation order, with the indexes a listing needs: one order
 * per `sort_by` field and the metadata postings. Every change bumps `version`, so anything
 * computed from the table (a listing, the data file's text) is known to hold until the next one.
 *
 * Stored trainings are frozen: a change replaces the object, never edits it, which is what lets
 * the indexes (and a listing of an older version) trust the fields they were built from.
 */
export interface TrainingTable {
  /** Increases with every change, `reset` included; never goes back. */
  readonly version: number;
  get(id: string): StoredTraining | undefined;
  /** Insert at the end of the creation order, or replace the training with that id in place. */
  put(training: StoredTraining): void;
  remove(id: string): boolean;
  /** Replace every training (in creation order). */
  reset(trainings: readonly StoredTraining[]): void;
  /** Every training in creation order, as a new array. */
  all(): StoredTraining[];
  /** Every row ascending by `field`, ties in creation order. */
  ordered(field: TrainingSortField): readonly TrainingRow[];
  /** That order, to sort a few rows by it. */
  compare(field: TrainingSortField): (a: TrainingRow, b: TrainingRow) => number;
  /** See MetadataIndex.rowsWith. */
  rowsWith(key: string, value: string): Rows<TrainingRow>;
}

/** One training's place in the table: the row stays while the training in it is replaced. */
export interface TrainingRow {
  readonly training: StoredTraining;
  /** Creation order: ties in either sort order fall back to it. */
  readonly seq: number;
  /** `created_at` as a number, parsed once rather than in every comparison. */
  readonly createdMs: number;
}

interface Row {
  training: StoredTraining;
  readonly seq: number;
  createdMs: number;
}

interface Indexes {
  byId: Map<string, Row>;
  orders: Record<TrainingSortField, OrderIndex<Row>>;
  metadata: MetadataIndex<Row>;
}

export function createTrainingTable(initial: readonly StoredTraining[] = []): TrainingTable {
  let version = 0;
  let seq = 0;
  // One shape for every row, so that the orders compare rows of one hidden class.
  const newRow = (training: StoredTraining): Row => ({
    training: freeze(training),
    seq: seq++,
    createdMs: timeOf(training),
  });
  let indexes = build(initial);

  function build(trainings: readonly StoredTraining[]): Indexes {
    const byId = new Map<string, Row>();
    for (const training of trainings) {
      // As if each were put in turn: a repeated id keeps its first place and its last content.
      const row = byId.get(training.id);
      if (row === undefined) byId.set(training.id, newRow(training));
      else Object.assign(row, { training: freeze(training), createdMs: timeOf(training) });
    }
    const rows = [...byId.values()];
    const metadata = createMetadataIndex<Row>();
    for (const row of rows) metadata.add(row, row.training.metadata);
    return {
      byId,
      orders: {
        created_at: createOrderIndex((row) => row.createdMs, rows),
        handoff_count: createOrderIndex((row) => row.training.handoff_count, rows),
      },
      metadata,
    };
  }

  return {
    get version() {
      return version;
    },
    get: (id) => indexes.byId.get(id)?.training,
    put(training) {
      version++;
      const { byId, orders, metadata } = indexes;
      const row = byId.get(training.id);
      if (row === undefined) {
        const added = newRow(training);
        byId.set(training.id, added);
        for (const order of Object.values(orders)) order.insert(added);
        metadata.add(added, training.metadata);
        return;
      }
      const before = row.training;
      freeze(training);
      const moves = [
        ...(timeOf(training) !== row.createdMs ? [orders.created_at] : []),
        ...(training.handoff_count !== before.handoff_count ? [orders.handoff_count] : []),
      ];
      for (const order of moves) order.remove(row);
      if (training.metadata !== before.metadata) metadata.remove(row, before.metadata);
      row.training = training;
      row.createdMs = timeOf(training);
      for (const order of moves) order.insert(row);
      if (training.metadata !== before.metadata) metadata.add(row, training.metadata);
    },
    remove(id) {
      const row = indexes.byId.get(id);
      if (row === undefined) return false;
      version++;
      indexes.byId.delete(id);
      for (const order of Object.values(indexes.orders)) order.remove(row);
      indexes.metadata.remove(row, row.training.metadata);
      return true;
    },
    reset(trainings) {
      version++;
      indexes = build(trainings);
    },
    all: () => Array.from(indexes.byId.values(), (row) => row.training),
    ordered: (field) => indexes.orders[field].rows,
    compare: (field) => indexes.orders[field].compare,
    rowsWith: (key, value) => indexes.metadata.rowsWith(key, value),
  };
}

/**
 * Milliseconds since the epoch; a `created_at` that is not a date (only a hand-edited file can
 * hold one) sorts before every date, so that the order stays total.
 */
function timeOf(training: StoredTraining): number {
  const ms = Date.parse(training.created_at);
  return Number.isNaN(ms) ? Number.MIN_SAFE_INTEGER : ms;
}

/** Ready to be kept: flat and frozen. */
function freeze(training: StoredTraining): StoredTraining {
  flattenStrings(training);
  flattenStrings(training.metadata);
  Object.freeze(training.metadata);
  Object.freeze(training.restricted_to_channels);
  Object.freeze(training.restricted_to_segments);
  return Object.freeze(training);
}

/**
 * V8 keeps a string built by concatenation as a rope of its parts until something reads it
 * whole: an id of `randomUUID()` weighs 470 bytes instead of 60, which at 100k trainings is 40
 * MB. Reading one character flattens it, and the garbage collector then drops the rope.
 */
function flattenStrings(record: Readonly<Record<string, unknown>>): void {
  for (const value of Object.values(record)) {
    if (typeof value === 'string') value.charCodeAt(0);
  }
}
