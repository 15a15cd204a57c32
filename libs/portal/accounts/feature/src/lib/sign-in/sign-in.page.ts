import { ChangeDetectionStrategy, Component, Injector, ElementRef, computed, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { SessionStore, safeReturnUrl, toApiProblem } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AccountsTranslatePipe, type AccountsKey } from '../accounts.translations';
import { ACCOUNT_PATHS } from '../shared/account-paths';
import { applyProblem, fieldError, focusFirstProblem } from '../shared/forms';

/** « Connexion »: by « Nom d'utilisateur » or « Courriel »; on the back-office, staff only. */
@Component({
  selector: 'acc-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatError, MatHint, MatCheckbox, MatButton, AccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ (portal ? 'accounts.signIn.title' : 'accounts.signIn.staffTitle') | t }}</h1>
    <form class="acc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @if (formError(); as message) {
        <p class="acc-form__error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ 'accounts.signIn.login' | t }}</mat-label>
        <input matInput formControlName="login" autocomplete="username" autocapitalize="none" spellcheck="false" required />
        @if (portal) {
          <mat-hint>{{ 'accounts.signIn.loginHint' | t }}</mat-hint>
        }
        <mat-error>{{ error('login') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'accounts.signIn.password' | t }}</mat-label>
        <input matInput type="password" formControlName="password" autocomplete="current-password" required />
        <mat-error>{{ error('password') }}</mat-error>
      </mat-form-field>
      @if (portal) {
        <mat-checkbox formControlName="remember">{{ 'accounts.signIn.remember' | t }}</mat-checkbox>
      }
      <div class="acc-form__actions">
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'accounts.signIn.submit' | t }}</button>
      </div>
    </form>
    <ul class="acc-links">
      <li><a [routerLink]="paths.forgotPassword">{{ 'accounts.signIn.forgot' | t }}</a></li>
      @if (portal) {
        <li><a [routerLink]="paths.register">{{ 'accounts.signIn.register' | t }}</a></li>
      }
    </ul>
  `,
  styleUrl: '../shared/account-page.scss',
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<AccountsKey>();

  /** `?retour=`: where the guard was going (bound by the router). */
  readonly retour = input<string | undefined>();

  protected readonly paths = ACCOUNT_PATHS;
  protected readonly portal = this.session.channel === 'portal';
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly target = computed(() => safeReturnUrl(this.retour()));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    login: ['', Validators.required],
    password: ['', Validators.required],
    remember: [false],
  });

  protected error(name: 'login' | 'password'): string {
    return fieldError(this.form.get(name), this.translate);
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
      await this.session.signIn(this.form.getRawValue());
      await this.router.navigateByUrl(this.target());
    } catch (error) {
      // The password is never kept after a refusal; the identifier is.
      this.form.controls.password.reset('');
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.translate('accounts.errors.generic')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
