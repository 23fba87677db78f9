import type { z } from 'zod';
import {
  createTrainingBody,
  moveToDirectoryBody,
  toggleDraftBody,
  updateTrainingBody,
} from '../api/contract.js';
import { badRequest, notFound } from './http-error.js';
import { parseListQuery } from './query.js';
import type { Handler, Reply, RouteContext } from './router.js';
import type { StoredTraining } from './state.js';
import {
  createTraining,
  moveTraining,
  setDraft,
  toggleDraft,
  toPublicTraining,
  updateTraining,
} from './trainings.js';
import { checkBody, checkLengths, checkReferences, unknownDirectory } from './validation.js';

/**
 * The training endpoints. Like NestJS, a body is validated before the id is looked up, so a bad
 * body on an unknown id is a 400. Every write is saved before it is answered.
 */

export const listTrainingsRoute: Handler = ({ query, store, switches }) => {
  const parsed = parseListQuery(query);
  if (!parsed.ok) throw badRequest(parsed.messages);
  const listed =
    switches.metadataFilter === 'ignore' ? { ...parsed.value, metadata: undefined } : parsed.value;
  const page = store.listTrainings(listed, switches.sortDirection);
  return ok({ ...page, items: page.items.map(withMetadata) });
};

export const getTrainingRoute: Handler = (ctx) => {
  const training = findTraining(ctx);
  return ok(toPublicTraining(training, { includeMetadata: ctx.switches.getIncludesMetadata }));
};

export const createTrainingRoute: Handler = async (ctx) => {
  const body = checkTrainingBody(createTrainingBody, ctx);
  const training = createTraining(ctx.newId(), body, {
    now: ctx.now(),
    draftCreate: ctx.switches.draftCreate,
  });
  return save(ctx, training, ctx.switches.createStatus);
};

export const updateTrainingRoute: Handler = async (ctx) => {
  const body = checkTrainingBody(updateTrainingBody, ctx);
  const { metadataOnUpdate, draftCreate } = ctx.switches;
  if (metadataOnUpdate === 'reject' && body.metadata !== undefined) {
    throw badRequest('property metadata should not exist');
  }
  const training = updateTraining(findTraining(ctx), body, {
    now: ctx.now(),
    draftCreate,
    metadataOnUpdate,
  });
  return save(ctx, training);
};

export const deleteTrainingRoute: Handler = async (ctx) => {
  const training = findTraining(ctx);
  ctx.store.removeTraining(training.id);
  await ctx.store.save();
  return ctx.switches.deleteStatus === 204 ? { status: 204 } : ok(withMetadata(training));
};

/** [inferred] With the `toggle` switch, any body is ignored and the state flips. */
export const setDraftRoute: Handler = async (ctx) => {
  const isDraft =
    ctx.switches.toggleDraft === 'body' ? checked(toggleDraftBody, ctx.body).is_draft : undefined;
  const training = findTraining(ctx);
  const now = ctx.now();
  return save(
    ctx,
    isDraft === undefined ? toggleDraft(training, now) : setDraft(training, isDraft, now),
  );
};

export const moveTrainingRoute: Handler = async (ctx) => {
  const { directory_id: directoryId } = checked(moveToDirectoryBody, ctx.body);
  if (directoryId !== null && !ctx.store.directories().some((d) => d.id === directoryId)) {
    throw badRequest(unknownDirectory(directoryId));
  }
  return save(ctx, moveTraining(findTraining(ctx), directoryId, ctx.now()));
};

function checkTrainingBody<S extends typeof createTrainingBody>(
  schema: S,
  ctx: RouteContext,
): z.infer<S> {
  const body = checked(schema, ctx.body);
  const problems = [
    ...checkLengths(body, ctx.limits),
    ...checkReferences(body, {
      directories: ctx.store.directories(),
      segments: ctx.store.segments(),
    }),
  ];
  if (problems.length > 0) throw badRequest(problems);
  return body;
}

function checked<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = checkBody(schema, body);
  if (!result.ok) throw badRequest(result.messages);
  return result.value;
}

function findTraining({ params, store }: RouteContext): StoredTraining {
  const id = params.id ?? '';
  const training = store.findTraining(id);
  if (training === undefined) throw notFound(`no training has the id "${id}"`);
  return training;
}

async function save(ctx: RouteContext, training: StoredTraining, status = 200): Promise<Reply> {
  ctx.store.putTraining(training);
  await ctx.store.save();
  return { status, body: withMetadata(training) };
}

function withMetadata(training: StoredTraining) {
  return toPublicTraining(training, { includeMetadata: true });
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}
