export * from './lib/billing.models';
export { toApiProblem, type ApiFieldError, type ApiProblem } from './lib/api-problem';
export { BillingApi, type BillingLanguage } from './lib/billing.api';
export { idempotencyKeyFor, type KeyStorage } from './lib/idempotency-key';
export { pollPayment, type PollOptions } from './lib/payment-polling';
export { formatCents } from './lib/money';
