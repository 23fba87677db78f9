/**
 * opencx-trainings as a library: validate, plan and apply from a script, with the types of what
 * they return. The command line (`opencx-trainings`) is built on the same functions.
 */
export {
  apply,
  formatPlan,
  plan,
  ProblemsError,
  validate,
  type ApplyOptions,
  type ProjectOptions,
  type Validation,
} from './app/library.js';
export type { PlanFormat } from './render/plan-formats.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type {
  Action,
  ActionKind,
  FieldChange,
  Plan,
  PlanWarning,
  TrainingPayload,
} from './reconcile/plan-types.js';
export type { ActionResult, ApplyEvent, ApplyReport } from './reconcile/apply-types.js';
