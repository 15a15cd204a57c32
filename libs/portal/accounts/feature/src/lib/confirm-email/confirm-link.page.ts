import { ChangeDetectionStrategy, Component, DOCUMENT, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AccountsApi, SessionStore, toApiProblem } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AccountsTranslatePipe, type AccountsKey } from '../accounts.translations';
import { ACCOUNT_PATHS } from '../shared/account-paths';
import { takeLinkToken } from '../shared/forms';

/** Which mailed link the page answers (route data `link`). */
export type ConfirmationLink = 'registration' | 'email-change';

type State = { readonly kind: 'working' } | { readonly kind: 'done' } | { readonly kind: 'failed'; readonly message: string };

/**
 * The page a confirmation link opens (`/compte/confirmer#jeton=…`, `/compte/confirmer-courriel#jeton=…`):
 * sends the token to the API and says what happened.
 */
@Component({
  selector: 'acc-confirm-link-page',
  imports: [RouterLink, AccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ (link() === 'registration' ? 'accounts.confirm.title' : 'accounts.confirmChange.title') | t }}</h1>
    @switch (state().kind) {
      @case ('working') {
        <p role="status">{{ 'accounts.confirm.working' | t }}</p>
      }
      @case ('done') {
        <p class="acc-notice" role="status">
          {{ (link() === 'registration' ? 'accounts.confirm.done' : 'accounts.confirmChange.done') | t }}
        </p>
      }
      @case ('failed') {
        <p class="acc-form__error" role="alert">{{ failure() }}</p>
      }
    }
    @if (state().kind !== 'working') {
      <ul class="acc-links">
        @if (link() === 'email-change' && signedIn()) {
          <li><a [routerLink]="paths.profile">{{ 'accounts.profile.title' | t }}</a></li>
        } @else {
          <li><a [routerLink]="paths.signIn">{{ 'accounts.backToSignIn' | t }}</a></li>
        }
      </ul>
    }
  `,
  styleUrl: '../shared/account-page.scss',
})
export class ConfirmLinkPage implements OnInit {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionStore);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly translate = injectTranslate<AccountsKey>();

  readonly link = input<ConfirmationLink>('registration');

  protected readonly paths = ACCOUNT_PATHS;
  protected readonly signedIn = this.session.signedIn;
  protected readonly state = signal<State>({ kind: 'working' });

  protected failure(): string {
    const state = this.state();
    return state.kind === 'failed' ? state.message : '';
  }

  async ngOnInit(): Promise<void> {
    const token = takeLinkToken(this.window);
    if (token === null) {
      this.state.set({ kind: 'failed', message: this.translate('accounts.link.missing') });
      return;
    }
    try {
      if (this.link() === 'registration') await this.api.confirmEmail(token);
      else {
        await this.api.confirmEmailChange(token);
        if (this.session.signedIn()) await this.session.refresh();
      }
      this.state.set({ kind: 'done' });
    } catch (error) {
      this.state.set({ kind: 'failed', message: toApiProblem(error).detail ?? this.translate('accounts.errors.generic') });
    }
  }
}
