export { toApiProblem, type ApiFieldError, type ApiProblem } from './lib/api-problem';
