export * from './lib/card-requests.models';
export { toApiProblem, type ApiFieldError, type ApiProblem } from './lib/api-problem';
export { CardRequestsApi, type CardRequestsLanguage } from './lib/card-requests.api';
export { formatCents, pollUntilInvoiced, requestTotalCents, todayInMontreal, type InvoicePollOptions } from './lib/helpers';
