/**
 * A local emulator of the OpenCX training API (see docs/emulator.md): the test double of the
 * client and the embedded `local` target.
 */
export {
  EMULATOR_HOST,
  generateToken,
  PortInUseError,
  startEmulator,
  type RunningEmulator,
} from './emulator.js';
export { EmulatorDataError } from './data-file.js';
export type { ErrorEnvelope } from './http-error.js';
export type { FaultKind, FaultOptions } from './faults.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_SWITCHES,
  type EmulatorLimits,
  type EmulatorOptions,
  type EmulatorSwitches,
} from './options.js';
export { DOCUMENTED_RATE_LIMIT, type RateLimit, type RetryAfterFormat } from './rate-limit.js';
export { describeEntry, type RequestLogEntry } from './request-log.js';
export {
  DEFAULT_DIRECTORIES,
  DEFAULT_SEGMENTS,
  type SeedInput,
  type SegmentSeed,
  type TrainingChange,
  type TrainingSeed,
} from './seed.js';
export type { EmulatorState, StoredTraining } from './state.js';
export type { EmulatorStore } from './store.js';
