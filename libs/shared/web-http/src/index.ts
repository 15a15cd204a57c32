export { toApiProblem, type ApiFieldError, type ApiProblem } from './lib/api-problem';
export { applyProblem } from './lib/form-problem';
export { httpParamsOf } from './lib/http-params';
