import { ChangeDetectionStrategy, Component, Injector, ElementRef, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { AdminAccountsApi, STAFF_ROLES, toApiProblem, type StaffRole } from '@guichet/portal/accounts/data-access';
import { TouchedErrorStateMatcher, applyProblem, fieldError, focusFirstProblem, type AccountsKey } from '@guichet/portal/accounts/feature';
import { injectTranslate } from '@guichet/shared/ui';
import { AdminAccountsTranslatePipe, type AdminAccountsKey } from '../admin-accounts.translations';

/** Creates a staff account; the new holder receives a link to choose a password (staff never see one). */
@Component({
  selector: 'adm-create-staff-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatCheckbox, MatButton, AdminAccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <h1>{{ 'adminAccounts.create.title' | t }}</h1>
    <div aria-live="polite">
      @if (created(); as email) {
        <p class="adm-status">{{ 'adminAccounts.create.done' | t: { email } }}</p>
      }
    </div>
    <form class="adm-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @if (formError(); as message) {
        <p class="adm-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.create.email' | t }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" required />
        <mat-error>{{ error('email') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.create.lastName' | t }}</mat-label>
        <input matInput formControlName="lastName" autocomplete="off" required />
        <mat-error>{{ error('lastName') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.create.firstName' | t }}</mat-label>
        <input matInput formControlName="firstName" autocomplete="off" required />
        <mat-error>{{ error('firstName') }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAccounts.create.username' | t }}</mat-label>
        <input matInput formControlName="username" autocomplete="off" />
        <mat-error>{{ error('username') }}</mat-error>
      </mat-form-field>
      <fieldset [attr.aria-describedby]="rolesMissing() ? 'adm-roles-error' : null">
        <legend>{{ 'adminAccounts.create.roles' | t }}</legend>
        @for (role of staffRoles; track role) {
          <mat-checkbox [checked]="chosen().has(role)" (change)="toggle(role, $event.checked)">{{ roleName(role) }}</mat-checkbox>
        }
        @if (rolesMissing()) {
          <p id="adm-roles-error" class="adm-field-error">{{ 'adminAccounts.create.rolesRequired' | t }}</p>
        }
      </fieldset>
      <div>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminAccounts.create.submit' | t }}</button>
      </div>
    </form>
  `,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    .adm-form {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      max-width: 32rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 0.5rem;
      display: flex;
      flex-direction: column;
    }
    .adm-field-error {
      color: var(--mat-sys-error);
      margin: 0.25rem 0 0;
    }
  `,
})
export class CreateStaffPage {
  private readonly api = inject(AdminAccountsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<AdminAccountsKey | AccountsKey>();

  protected readonly staffRoles = STAFF_ROLES;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly created = signal<string | null>(null);
  protected readonly chosen = signal<ReadonlySet<StaffRole>>(new Set());
  protected readonly rolesMissing = signal(false);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    lastName: ['', Validators.required],
    firstName: ['', Validators.required],
    username: [''],
  });

  protected roleName(role: StaffRole): string {
    return this.translate(`adminAccounts.role.${role}`);
  }

  protected error(name: 'email' | 'lastName' | 'firstName' | 'username'): string {
    return fieldError(this.form.get(name), this.translate);
  }

  protected toggle(role: StaffRole, checked: boolean): void {
    this.chosen.update((roles) => {
      const next = new Set(roles);
      if (checked) next.add(role);
      else next.delete(role);
      return next;
    });
    if (checked) this.rolesMissing.set(false);
  }

  protected async submit(): Promise<void> {
    this.formError.set(null);
    this.created.set(null);
    const roles = [...this.chosen()];
    this.rolesMissing.set(roles.length === 0);
    if (this.form.invalid || roles.length === 0) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      const { email, firstName, lastName, username } = this.form.getRawValue();
      await this.api.createStaffAccount({ email, firstName, lastName, roles, username: username.trim() || null });
      this.created.set(email);
      this.form.reset();
      this.chosen.set(new Set());
    } catch (error) {
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.translate('accounts.errors.generic')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
