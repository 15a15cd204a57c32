export { BillingApiModule, type BillingApiOptions } from './lib/billing-api.module';
export { BILLING_AUTHORIZATION_MATRIX, BILLING_AUDIENCES, type BillingAudience } from './lib/billing.authorization-matrix';
export { SIGNATURE_HEADER } from './lib/webhooks/gateway-webhooks.controller';
