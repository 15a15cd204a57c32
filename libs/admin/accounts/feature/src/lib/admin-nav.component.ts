import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@guichet/portal/accounts/data-access';
import { AdminAccountsTranslatePipe } from './admin-accounts.translations';
import { ADMIN_ACCOUNT_PATHS } from './admin-accounts.routes';

/** Links to the account administration pages, shown to signed-in staff. */
@Component({
  selector: 'adm-accounts-nav',
  imports: [RouterLink, AdminAccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.signedIn()) {
      <nav [attr.aria-label]="'adminAccounts.nav.label' | t">
        <h2>{{ 'adminAccounts.nav.label' | t }}</h2>
        <ul>
          <li><a [routerLink]="paths.users">{{ 'adminAccounts.users.title' | t }}</a></li>
          <li><a [routerLink]="paths.createStaff">{{ 'adminAccounts.create.title' | t }}</a></li>
          <li><a [routerLink]="paths.auditLog">{{ 'adminAccounts.audit.title' | t }}</a></li>
          <li><a [routerLink]="paths.trainerImport">{{ 'adminAccounts.import.title' | t }}</a></li>
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
export class AdminAccountsNavComponent {
  protected readonly session = inject(SessionStore);
  protected readonly paths = ADMIN_ACCOUNT_PATHS;
}
