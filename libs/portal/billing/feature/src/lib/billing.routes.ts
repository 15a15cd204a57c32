import type { Routes } from '@angular/router';
import type { PaymentReturn } from './payment/payment-result.page';

// Pages load on demand: the portal's first load stays within budget.
const invoices = () => import('./invoices/invoices.page').then((m) => m.InvoicesPage);
const invoice = () => import('./invoice/invoice.page').then((m) => m.InvoicePage);
const paymentResult = () => import('./payment/payment-result.page').then((m) => m.PaymentResultPage);

const returnFrom = (mode: PaymentReturn) => ({ mode });

/**
 * « Mes factures » and the returns from the payment provider, under `/factures/…` (see BILLING_PATHS;
 * the API builds its return URLs on them). Signed-in only: the app puts them behind Accounts' session
 * guard (`canActivateChild`), since Billing's web code may not import Accounts'. Titles are
 * translation keys (the kit's TranslatedTitleStrategy).
 */
export const portalBillingRoutes: Routes = [
  { path: 'factures', title: 'billing.invoices.title', loadComponent: invoices },
  { path: 'factures/:id', title: 'billing.invoice.pageTitle', loadComponent: invoice },
  { path: 'factures/:id/carte', title: 'billing.result.title', loadComponent: paymentResult, data: returnFrom('card') },
  { path: 'factures/:id/paiements/:paymentId', title: 'billing.result.title', loadComponent: paymentResult, data: returnFrom('payment') },
  { path: 'factures/:id/paypal', title: 'billing.result.title', loadComponent: paymentResult, data: returnFrom('paypal') },
];
