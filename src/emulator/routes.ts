import { API_PATHS } from '../api/contract.js';
import { listDirectoriesRoute, listSegmentsRoute } from './catalog-routes.js';
import { PARAM, type Route } from './router.js';
import {
  createTrainingRoute,
  deleteTrainingRoute,
  getTrainingRoute,
  listTrainingsRoute,
  moveTrainingRoute,
  setDraftRoute,
  updateTrainingRoute,
} from './training-routes.js';

/**
 * Every endpoint, with its path taken from the contract the client uses, so the two cannot drift
 * apart. Fixed paths come before the `{id}` pattern they would otherwise match.
 */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: API_PATHS.trainings, handler: listTrainingsRoute },
  { method: 'POST', path: API_PATHS.trainings, handler: createTrainingRoute },
  {
    method: 'GET',
    path: API_PATHS.directories,
    handler: listDirectoriesRoute,
    enabled: (switches) => switches.directoriesEndpoint,
  },
  { method: 'GET', path: API_PATHS.training(PARAM), handler: getTrainingRoute },
  { method: 'PUT', path: API_PATHS.training(PARAM), handler: updateTrainingRoute },
  { method: 'DELETE', path: API_PATHS.training(PARAM), handler: deleteTrainingRoute },
  { method: 'PUT', path: API_PATHS.trainingDraft(PARAM), handler: setDraftRoute },
  { method: 'PUT', path: API_PATHS.trainingDirectory(PARAM), handler: moveTrainingRoute },
  { method: 'GET', path: API_PATHS.segments, handler: listSegmentsRoute },
];
