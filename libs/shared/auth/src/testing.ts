export {
  registeredRoutes,
  declaredRoutes,
  matrixProblems,
  outcomeOf,
  type AuthorizationMatrix,
  type Expectation,
  type CallerCredentials,
} from './lib/testing/authorization-matrix';
export { InMemoryThrottleStore, InMemorySpentProofs } from './lib/throttle/in-memory-throttle.store';
