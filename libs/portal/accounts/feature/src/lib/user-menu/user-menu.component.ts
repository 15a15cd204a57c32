import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '@guichet/portal/accounts/data-access';
import { AccountsTranslatePipe } from '../accounts.translations';
import { ACCOUNT_PATHS } from '../shared/account-paths';

/**
 * Top right of the banner: « Connexion » when signed out; otherwise the user's name, opening a menu
 * with « Profil » and « Déconnexion » (as the manuals describe).
 */
@Component({
  selector: 'acc-user-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, AccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.me(); as me) {
      <button mat-button type="button" class="acc-user-menu__trigger" [matMenuTriggerFor]="menu" data-testid="user-menu">
        {{ displayName() }}
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        <a mat-menu-item [routerLink]="paths.profile">{{ 'accounts.menu.profile' | t }}</a>
        <button mat-menu-item type="button" (click)="signOut()">{{ 'accounts.menu.signOut' | t }}</button>
      </mat-menu>
    } @else {
      <a mat-button class="acc-user-menu__trigger" [routerLink]="paths.signIn">{{ 'accounts.menu.signIn' | t }}</a>
    }
  `,
  styles: `
    .acc-user-menu__trigger {
      color: inherit;
      margin-left: 0.5rem;
    }
  `,
})
export class UserMenuComponent {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly paths = ACCOUNT_PATHS;

  /** « Prénom Nom », else the « Abrégé », else the e-mail. */
  protected readonly displayName = computed(() => {
    const me = this.session.me();
    return me ? (me.name ?? me.username ?? me.email) : '';
  });

  protected async signOut(): Promise<void> {
    await this.session.signOut().catch(() => undefined);
    await this.router.navigateByUrl(ACCOUNT_PATHS.signIn);
  }
}
