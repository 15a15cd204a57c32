import { ChangeDetectionStrategy, Component, Injector, DOCUMENT, ElementRef, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AccountsApi, SessionStore, toApiProblem } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AccountsTranslatePipe, type AccountsKey } from '../accounts.translations';
import { ACCOUNT_PATHS } from '../shared/account-paths';
import { applyProblem, fieldError, focusFirstProblem, samePasswords, takeLinkToken } from '../shared/forms';

/**
 * The reset (or set-password) link's page (`/compte/nouveau-mot-de-passe#jeton=…`). Once the new
 * password is set every session ends, so the page offers « Retourner à l'écran de connexion ».
 */
@Component({
  selector: 'acc-new-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatError, MatButton, AccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'accounts.newPassword.title' | t }}</h1>
    @if (done()) {
      <p class="acc-notice" role="status">{{ 'accounts.newPassword.done' | t }}</p>
    } @else if (token === null) {
      <p class="acc-form__error" role="alert">{{ 'accounts.link.missing' | t }}</p>
    } @else {
      <form class="acc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (formError(); as message) {
          <p class="acc-form__error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.newPassword.password' | t }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" required />
          <mat-error>{{ error('password') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.newPassword.confirmation' | t }}</mat-label>
          <input matInput type="password" formControlName="passwordConfirmation" autocomplete="new-password" required />
          <mat-error>{{ error('passwordConfirmation') }}</mat-error>
        </mat-form-field>
        <div class="acc-form__actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'accounts.newPassword.submit' | t }}</button>
        </div>
      </form>
    }
    <div class="acc-form__actions">
      <a mat-stroked-button [routerLink]="paths.signIn">{{ 'accounts.backToSignIn' | t }}</a>
    </div>
  `,
  styleUrl: '../shared/account-page.scss',
})
export class NewPasswordPage {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<AccountsKey>();

  /** Read once from the fragment, kept in memory only. */
  protected readonly token = takeLinkToken(inject(DOCUMENT).defaultView);
  protected readonly paths = ACCOUNT_PATHS;
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      password: ['', Validators.required],
      passwordConfirmation: ['', Validators.required],
    },
    { validators: samePasswords('password', 'passwordConfirmation') },
  );

  protected error(name: 'password' | 'passwordConfirmation'): string {
    return fieldError(this.form.get(name), this.translate);
  }

  protected async submit(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid || this.token === null) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      await this.api.resetPassword({ token: this.token, ...this.form.getRawValue() });
      // Every session of the account was ended on the server, this browser's included.
      this.session.forget();
      this.done.set(true);
    } catch (error) {
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.translate('accounts.errors.generic')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
