import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@guichet/portal/accounts/data-access';
import { UserMenuComponent } from '@guichet/portal/accounts/feature';
import { BILLING_PATHS } from '@guichet/portal/billing/feature';
import { CARD_REQUEST_PATHS } from '@guichet/portal/card-requests/feature';
import { AppShellComponent } from '@guichet/shared/ui';
import { PortalTranslatePipe } from './portal-translate.pipe';

@Component({
  selector: 'portal-root',
  imports: [AppShellComponent, RouterOutlet, RouterLink, RouterLinkActive, MatButton, UserMenuComponent, PortalTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-app-shell>
      @if (session.signedIn()) {
        <nav uiShellActions class="portal-nav" [attr.aria-label]="'nav.label' | t">
          @if (isTrainer()) {
            <a matButton class="portal-nav__link" [routerLink]="cardPaths.sessions" routerLinkActive="portal-nav__link--active" ariaCurrentWhenActive="page">
              {{ 'nav.sessions' | t }}
            </a>
          }
          <a matButton class="portal-nav__link" [routerLink]="paths.invoices" routerLinkActive="portal-nav__link--active" ariaCurrentWhenActive="page">
            {{ 'nav.invoices' | t }}
          </a>
        </nav>
      }
      <acc-user-menu uiShellActions />
      <router-outlet />
    </ui-app-shell>
  `,
  styles: `
    .portal-nav__link {
      color: inherit;
      margin-left: 0.5rem;
    }
    .portal-nav__link--active {
      text-decoration: underline;
    }
  `,
})
export class AppComponent {
  protected readonly session = inject(SessionStore);
  protected readonly paths = BILLING_PATHS;
  protected readonly cardPaths = CARD_REQUEST_PATHS;
  /** « Sessions » (manual 000: « Cliquer sur l'onglet « Sessions » ») is for trainers. */
  protected readonly isTrainer = computed(() => this.session.me()?.roles.includes('trainer') ?? false);
}
