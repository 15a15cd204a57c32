import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AdminBillingTranslatePipe } from './admin-billing.translations';
import { ADMIN_BILLING_PATHS } from './admin-billing.routes';
import { FINANCE_DESK_ACCESS } from './finance-access';

/** « Finances »: links to the finance desk, shown to signed-in staff holding the `finance` role. */
@Component({
  selector: 'adm-finance-nav',
  imports: [RouterLink, AdminBillingTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (access.isFinance()) {
      <nav [attr.aria-label]="'adminBilling.nav.label' | t">
        <h2>{{ 'adminBilling.nav.label' | t }}</h2>
        <ul>
          <li><a [routerLink]="paths.desk">{{ 'adminBilling.desk.title' | t }}</a></li>
          <li><a [routerLink]="paths.newInvoice">{{ 'adminBilling.desk.newInvoice' | t }}</a></li>
          <li><a [routerLink]="paths.reconciliation">{{ 'adminBilling.desk.reconciliation' | t }}</a></li>
          <li><a [routerLink]="paths.heldPayments">{{ 'adminBilling.desk.held' | t }}</a></li>
        </ul>
      </nav>
    }
  `,
  styles: `
    a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class AdminFinanceNavComponent {
  protected readonly access = inject(FINANCE_DESK_ACCESS);
  protected readonly paths = ADMIN_BILLING_PATHS;
}
