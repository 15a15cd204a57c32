import type { Routes } from '@angular/router';
import { financeGuard } from './finance-access';

/** The finance desk's paths (under the back-office's base href `/admin/`). */
export const ADMIN_BILLING_PATHS = {
  desk: '/finances',
  invoice: (invoiceId: string) => `/finances/factures/${encodeURIComponent(invoiceId)}`,
  newInvoice: '/finances/nouvelle-facture',
  reconciliation: '/finances/conciliation',
  heldPayments: '/finances/paiements-retenus',
} as const;

/** Every page needs a back-office session with the `finance` role; the API checks it again. */
export const adminBillingRoutes: Routes = [
  {
    path: 'finances',
    canActivate: [financeGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'adminBilling.desk.title',
        loadComponent: () => import('./invoices/invoices.page').then((m) => m.InvoicesPage),
      },
      {
        path: 'factures/:id',
        title: 'adminBilling.kind.invoice',
        loadComponent: () => import('./invoice-detail/invoice-detail.page').then((m) => m.InvoiceDetailPage),
      },
      {
        path: 'nouvelle-facture',
        title: 'adminBilling.new.title',
        loadComponent: () => import('./new-invoice/new-invoice.page').then((m) => m.NewInvoicePage),
      },
      {
        path: 'conciliation',
        title: 'adminBilling.reconciliation.title',
        loadComponent: () => import('./reconciliation/reconciliation.page').then((m) => m.ReconciliationPage),
      },
      {
        path: 'paiements-retenus',
        title: 'adminBilling.held.title',
        loadComponent: () => import('./held-payments/held-payments.page').then((m) => m.HeldPaymentsPage),
      },
    ],
  },
];
