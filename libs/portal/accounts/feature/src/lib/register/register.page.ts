import { ChangeDetectionStrategy, Component, Injector, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { AccountsApi, SELF_SERVICE_ROLES, toApiProblem, type SelfServiceRole } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AccountsTranslatePipe, type AccountsKey } from '../accounts.translations';
import { ACCOUNT_PATHS } from '../shared/account-paths';
import { applyProblem, fieldError, focusFirstProblem, samePasswords } from '../shared/forms';
import { AltchaCheckComponent } from './altcha-check.component';

/** « Pas un membre? Inscrivez-vous! »: the account type, « Courriel », « Mot de passe », « Confirmer le mot de passe », the bot check. */
@Component({
  selector: 'acc-register-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatRadioGroup, MatRadioButton, AccountsTranslatePipe, AltchaCheckComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'accounts.register.title' | t }}</h1>
    @if (sentTo(); as email) {
      <p class="acc-notice" role="status">{{ 'accounts.register.sent' | t: { email } }}</p>
      <ul class="acc-links">
        <li><a [routerLink]="paths.signIn">{{ 'accounts.backToSignIn' | t }}</a></li>
      </ul>
    } @else {
      <form class="acc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <h2>{{ 'accounts.register.details' | t }}</h2>
        @if (formError(); as message) {
          <p class="acc-form__error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        <fieldset>
          <legend id="acc-register-role">{{ 'accounts.register.role' | t }}</legend>
          <mat-radio-group class="acc-radios" formControlName="role" aria-labelledby="acc-register-role">
            @for (role of roles; track role) {
              <mat-radio-button [value]="role">{{ roleLabel(role) }}</mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.register.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="email" required />
          <mat-error>{{ error('email') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.register.password' | t }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" required />
          <mat-hint>{{ 'accounts.register.passwordHint' | t }}</mat-hint>
          <mat-error>{{ error('password') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.register.passwordConfirmation' | t }}</mat-label>
          <input matInput type="password" formControlName="passwordConfirmation" autocomplete="new-password" required />
          <mat-error>{{ error('passwordConfirmation') }}</mat-error>
        </mat-form-field>
        <acc-altcha-check [invalid]="botCheckMissing()" (payload)="onBotCheck($event)" />
        <div class="acc-form__actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'accounts.register.submit' | t }}</button>
        </div>
      </form>
      <ul class="acc-links">
        <li><a [routerLink]="paths.signIn">{{ 'accounts.backToSignIn' | t }}</a></li>
      </ul>
    }
  `,
  styleUrl: '../shared/account-page.scss',
})
export class RegisterPage {
  private readonly api = inject(AccountsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<AccountsKey>();
  private readonly botCheck = viewChild(AltchaCheckComponent);

  protected readonly paths = ACCOUNT_PATHS;
  protected readonly roles = SELF_SERVICE_ROLES;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly botCheckMissing = signal(false);
  private readonly altcha = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      role: ['guardian' as SelfServiceRole, Validators.required],
      email: ['', [Validators.required, Validators.email]],
      password: ['', Validators.required],
      passwordConfirmation: ['', Validators.required],
    },
    { validators: samePasswords('password', 'passwordConfirmation') },
  );

  protected error(name: 'email' | 'password' | 'passwordConfirmation'): string {
    return fieldError(this.form.get(name), this.translate);
  }

  protected roleLabel(role: SelfServiceRole): string {
    return this.translate(`accounts.register.role.${role}`);
  }

  protected onBotCheck(payload: string | null): void {
    this.altcha.set(payload);
    if (payload) this.botCheckMissing.set(false);
  }

  protected async submit(): Promise<void> {
    this.formError.set(null);
    const altcha = this.altcha();
    this.botCheckMissing.set(altcha === null);
    if (this.form.invalid || altcha === null) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      const value = this.form.getRawValue();
      await this.api.register({ ...value, altcha });
      this.sentTo.set(value.email);
    } catch (error) {
      this.botCheck()?.reset();
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.translate('accounts.errors.generic')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
