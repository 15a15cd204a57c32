export { ADMIN_BILLING_TRANSLATIONS, type AdminBillingKey } from './lib/admin-billing.translations';
export { ADMIN_BILLING_PATHS, adminBillingRoutes } from './lib/admin-billing.routes';
export { FINANCE_DESK_ACCESS, financeGuard, type FinanceDeskAccess } from './lib/finance-access';
export { AdminFinanceNavComponent } from './lib/finance-nav.component';
