// The one reading of problem+json for every web lib: libs/shared/web-http.
export { toApiProblem, type ApiFieldError, type ApiProblem } from '@guichet/shared/web-http';
