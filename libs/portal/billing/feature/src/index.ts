export { BILLING_TRANSLATIONS, BillingTranslatePipe, type BillingKey } from './lib/billing.translations';
export { BILLING_PATHS } from './lib/shared/billing-paths';
export { portalBillingRoutes } from './lib/billing.routes';
