import { ChangeDetectionStrategy, Component, Injector, ElementRef, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { AccountsApi, SessionStore, toApiProblem } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AccountsTranslatePipe, type AccountsKey } from '../accounts.translations';
import { ACCOUNT_PATHS } from '../shared/account-paths';
import { applyProblem, fieldError, focusFirstProblem } from '../shared/forms';

/**
 * « J'ai oublié mon mot de passe »: by e-mail (everyone) or trainer card number. The answer is the same
 * whether or not an account matches; the mail carries a link, never a password.
 */
@Component({
  selector: 'acc-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatError, MatButton, MatRadioGroup, MatRadioButton, AccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'accounts.forgot.title' | t }}</h1>
    @if (sent()) {
      <p class="acc-notice" role="status">{{ 'accounts.forgot.sent' | t }}</p>
    } @else {
      <form class="acc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (formError(); as message) {
          <p class="acc-form__error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        @if (portal) {
          <fieldset>
            <legend id="acc-forgot-by">{{ 'accounts.forgot.by' | t }}</legend>
            <mat-radio-group formControlName="by" aria-labelledby="acc-forgot-by" class="acc-radios">
              <mat-radio-button value="email">{{ 'accounts.forgot.byEmail' | t }}</mat-radio-button>
              <mat-radio-button value="card-number">{{ 'accounts.forgot.byCard' | t }}</mat-radio-button>
            </mat-radio-group>
          </fieldset>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ (byCard() ? 'accounts.forgot.card' : 'accounts.forgot.email') | t }}</mat-label>
          <input
            matInput
            formControlName="value"
            [type]="byCard() ? 'text' : 'email'"
            [attr.autocomplete]="byCard() ? 'off' : 'email'"
            required
          />
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
        <div class="acc-form__actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'accounts.forgot.submit' | t }}</button>
        </div>
      </form>
    }
    <div class="acc-form__actions">
      <a mat-stroked-button [routerLink]="paths.signIn">{{ 'accounts.backToSignIn' | t }}</a>
    </div>
  `,
  styleUrl: '../shared/account-page.scss',
  styles: `
    .acc-radios {
      display: flex;
      flex-direction: column;
    }
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<AccountsKey>();

  protected readonly paths = ACCOUNT_PATHS;
  /** Staff have no trainer card: the back-office asks for the e-mail only. */
  protected readonly portal = inject(SessionStore).channel === 'portal';
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly byCard = signal(false);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    by: ['email' as 'email' | 'card-number'],
    value: ['', Validators.required],
  });

  constructor() {
    this.form.controls.by.valueChanges.subscribe((by) => this.byCard.set(by === 'card-number'));
  }

  protected error(): string {
    return fieldError(this.form.controls.value, this.translate);
  }

  protected async submit(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      await this.api.requestPasswordReset(this.form.getRawValue());
      this.sent.set(true);
    } catch (error) {
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.translate('accounts.errors.generic')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
