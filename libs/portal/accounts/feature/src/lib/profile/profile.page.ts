import { ChangeDetectionStrategy, Component, Injector, ElementRef, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { AccountsApi, SessionStore, toApiProblem, type Profile } from '@guichet/portal/accounts/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { AccountsTranslatePipe, type AccountsKey } from '../accounts.translations';
import { TouchedErrorStateMatcher, applyProblem, fieldError, focusFirstProblem, samePasswords } from '../shared/forms';

type Section = 'name' | 'email' | 'password';

/**
 * « Profil » (the user's name top right, then « Profil »): « Abrégé », « Nom », « Prénom », « Courriel »
 * (changed through a link sent to the new address) and « Changement du mot de passe ».
 */
@Component({
  selector: 'acc-profile-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatButton, AccountsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Three forms on one page: a saved one is reset and must not show « required » errors afterwards.
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <h1>{{ 'accounts.profile.title' | t }}</h1>
    @if (loadError(); as message) {
      <p class="acc-form__error" role="alert">{{ message }}</p>
    }
    @if (profile(); as p) {
      <section aria-labelledby="acc-profile-identification">
        <h2 id="acc-profile-identification">{{ 'accounts.profile.identification' | t }}</h2>
        <dl>
          @if (p.username) {
            <dt>{{ 'accounts.profile.username' | t }}</dt>
            <dd data-testid="profile-username">{{ p.username }}</dd>
          }
          @if (p.trainerCardNumber) {
            <dt>{{ 'accounts.profile.card' | t }}</dt>
            <dd>{{ p.trainerCardNumber }}</dd>
          }
          <dt>{{ 'accounts.profile.email' | t }}</dt>
          <dd data-testid="profile-email">{{ p.email }}</dd>
          @if (!p.canEditName) {
            <dt>{{ 'accounts.profile.lastName' | t }}</dt>
            <dd>{{ p.lastName }}</dd>
            <dt>{{ 'accounts.profile.firstName' | t }}</dt>
            <dd>{{ p.firstName }}</dd>
          }
        </dl>
        @if (p.canEditName) {
          <form class="acc-form" [formGroup]="nameForm" (ngSubmit)="saveName()" novalidate data-section="name">
            @if (messages().name; as message) {
              <p [class]="message.ok ? 'acc-notice' : 'acc-form__error'" [attr.role]="message.ok ? 'status' : 'alert'" tabindex="-1" data-form-error>
                {{ message.text }}
              </p>
            }
            <mat-form-field appearance="outline">
              <mat-label>{{ 'accounts.profile.lastName' | t }}</mat-label>
              <input matInput formControlName="lastName" autocomplete="family-name" required />
              <mat-error>{{ error(nameForm, 'lastName') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'accounts.profile.firstName' | t }}</mat-label>
              <input matInput formControlName="firstName" autocomplete="given-name" required />
              <mat-error>{{ error(nameForm, 'firstName') }}</mat-error>
            </mat-form-field>
            <div class="acc-form__actions">
              <button mat-stroked-button type="submit" [disabled]="busy() === 'name'">{{ 'accounts.profile.saveName' | t }}</button>
            </div>
          </form>
        } @else {
          <p>{{ 'accounts.profile.nameByRegistry' | t }}</p>
        }
      </section>

      <section aria-labelledby="acc-profile-email">
        <h2 id="acc-profile-email">{{ 'accounts.profile.emailChange' | t }}</h2>
        @if (p.pendingEmail) {
          <p>{{ 'accounts.profile.pendingEmail' | t: { email: p.pendingEmail } }}</p>
        }
        <form class="acc-form" [formGroup]="emailForm" (ngSubmit)="requestEmailChange()" novalidate data-section="email">
          @if (messages().email; as message) {
            <p [class]="message.ok ? 'acc-notice' : 'acc-form__error'" [attr.role]="message.ok ? 'status' : 'alert'" tabindex="-1" data-form-error>
              {{ message.text }}
            </p>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ 'accounts.profile.newEmail' | t }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" required />
            <mat-error>{{ error(emailForm, 'email') }}</mat-error>
          </mat-form-field>
          <div class="acc-form__actions">
            <button mat-stroked-button type="submit" [disabled]="busy() === 'email'">{{ 'accounts.profile.requestEmailChange' | t }}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="acc-profile-password">
        <h2 id="acc-profile-password">{{ 'accounts.profile.passwordChange' | t }}</h2>
        <form class="acc-form" [formGroup]="passwordForm" (ngSubmit)="changePassword()" novalidate data-section="password">
          @if (messages().password; as message) {
            <p [class]="message.ok ? 'acc-notice' : 'acc-form__error'" [attr.role]="message.ok ? 'status' : 'alert'" tabindex="-1" data-form-error>
              {{ message.text }}
            </p>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ 'accounts.profile.newPassword' | t }}</mat-label>
            <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
            <mat-error>{{ error(passwordForm, 'newPassword') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'accounts.profile.confirmation' | t }}</mat-label>
            <input matInput type="password" formControlName="confirmation" autocomplete="new-password" required />
            <mat-error>{{ error(passwordForm, 'confirmation') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'accounts.profile.currentPassword' | t }}</mat-label>
            <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required />
            <mat-error>{{ error(passwordForm, 'currentPassword') }}</mat-error>
          </mat-form-field>
          <div class="acc-form__actions">
            <button mat-flat-button type="submit" [disabled]="busy() === 'password'">{{ 'accounts.profile.savePassword' | t }}</button>
          </div>
        </form>
      </section>
    } @else if (!loadError()) {
      <p role="status">{{ 'accounts.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/account-page.scss',
})
export class ProfilePage implements OnInit {
  private readonly api = inject(AccountsApi);
  private readonly session = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<AccountsKey>();
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly profile = signal<Profile | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal<Section | null>(null);
  protected readonly messages = signal<Partial<Record<Section, { ok: boolean; text: string }>>>({});

  protected readonly nameForm = this.fb.group({
    lastName: ['', Validators.required],
    firstName: ['', Validators.required],
  });
  protected readonly emailForm = this.fb.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly passwordForm = this.fb.group(
    {
      newPassword: ['', Validators.required],
      confirmation: ['', Validators.required],
      currentPassword: ['', Validators.required],
    },
    { validators: samePasswords('newPassword', 'confirmation') },
  );

  async ngOnInit(): Promise<void> {
    try {
      this.show(await this.api.profile());
    } catch (error) {
      this.loadError.set(toApiProblem(error).detail ?? this.translate('accounts.errors.generic'));
    }
  }

  protected error(form: FormGroup, name: string): string {
    return fieldError(form.get(name), this.translate);
  }

  protected saveName(): Promise<void> {
    return this.run('name', this.nameForm, async () => {
      const { firstName, lastName } = this.nameForm.getRawValue();
      this.show(await this.api.changeName(firstName.trim(), lastName.trim()));
      await this.session.refresh();
      return this.translate('accounts.profile.nameSaved');
    });
  }

  protected requestEmailChange(): Promise<void> {
    return this.run('email', this.emailForm, async () => {
      await this.api.requestEmailChange(this.emailForm.getRawValue().email.trim());
      this.show(await this.api.profile());
      this.emailForm.reset();
      return this.translate('accounts.profile.emailChangeSent');
    });
  }

  protected changePassword(): Promise<void> {
    return this.run('password', this.passwordForm, async () => {
      await this.api.changePassword(this.passwordForm.getRawValue());
      this.passwordForm.reset();
      return this.translate('accounts.profile.passwordSaved');
    });
  }

  private show(profile: Profile): void {
    this.profile.set(profile);
    this.nameForm.reset({ lastName: profile.lastName ?? '', firstName: profile.firstName ?? '' });
  }

  private async run(section: Section, form: FormGroup, action: () => Promise<string>): Promise<void> {
    this.messages.update((all) => ({ ...all, [section]: undefined }));
    const sectionHost = this.host.nativeElement.querySelector<HTMLElement>(`[data-section="${section}"]`) ?? this.host.nativeElement;
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstProblem(sectionHost, this.injector);
      return;
    }
    this.busy.set(section);
    try {
      const text = await action();
      this.messages.update((all) => ({ ...all, [section]: { ok: true, text } }));
    } catch (error) {
      const text = applyProblem(form, toApiProblem(error), this.translate('accounts.errors.generic'));
      if (text) this.messages.update((all) => ({ ...all, [section]: { ok: false, text } }));
      focusFirstProblem(sectionHost, this.injector);
    } finally {
      this.busy.set(null);
    }
  }
}
