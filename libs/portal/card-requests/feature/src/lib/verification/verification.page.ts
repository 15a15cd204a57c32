import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { CardRequestsApi, toApiProblem, type CardVerification } from '@guichet/portal/card-requests/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { CardRequestsTranslatePipe, type CardRequestsKey } from '../card-requests.translations';
import { CARD_REQUEST_PATHS } from '../shared/card-request-paths';
import { DayPipe } from '../shared/format';
import { TouchedErrorStateMatcher, fieldError } from '../shared/forms';
import { problemText } from '../shared/problem-text';

/**
 * Public (no session): anyone holding a card's verification code sees whether it is valid, with the
 * participant's initials, the activity and the dates, and nothing more.
 */
@Component({
  selector: 'crd-verification-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatError, MatInput, MatButton, CardRequestsTranslatePipe, DayPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <h1>{{ 'cards.verify.title' | t }}</h1>
    @if (code(); as c) {
      <section aria-labelledby="crd-verify-result">
        <h2 id="crd-verify-result">{{ 'cards.verify.resultTitle' | t }}</h2>
        @if (error(); as message) {
          <p class="crd-error" role="alert" data-testid="verification-error">{{ message }}</p>
        } @else if (result(); as r) {
          <p [class]="r.status === 'valid' ? 'crd-notice' : 'crd-warning'" data-testid="verification-status">
            <strong>{{ statusKey(r.status) | t }}</strong>
          </p>
          <dl>
            <dt>{{ 'cards.verify.initials' | t }}</dt>
            <dd data-testid="verification-initials">{{ r.initials }}</dd>
            <dt>{{ 'cards.verify.activity' | t }}</dt>
            <dd>{{ r.activityName }}</dd>
            <dt>{{ 'cards.verify.sessionEnd' | t }}</dt>
            <dd>{{ r.sessionEndDate | day }}</dd>
            <dt>{{ 'cards.verify.expiresOn' | t }}</dt>
            <dd>{{ r.expiresOn ? (r.expiresOn | day) : ('cards.verify.noExpiry' | t) }}</dd>
          </dl>
        } @else {
          <p role="status">{{ 'cards.loading' | t }}</p>
        }
        <p><a [routerLink]="paths.verification">{{ 'cards.verify.another' | t }}</a></p>
      </section>
    } @else {
      <p class="crd-hint">{{ 'cards.verify.intro' | t }}</p>
      <form class="crd-form crd-narrow" [formGroup]="form" (ngSubmit)="verify()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'cards.verify.code' | t }}</mat-label>
          <input matInput formControlName="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required />
          <mat-error>{{ fieldMessage() }}</mat-error>
        </mat-form-field>
        <div class="crd-actions">
          <button matButton="filled" type="submit">{{ 'cards.verify.submit' | t }}</button>
        </div>
      </form>
    }
  `,
  styleUrl: '../shared/card-requests-page.scss',
  styles: `
    .crd-narrow {
      max-width: 24rem;
    }
  `,
})
export class VerificationPage {
  /** Route parameter of `/verification/:code`. */
  readonly code = input<string | undefined>();

  private readonly api = inject(CardRequestsApi);
  private readonly router = inject(Router);
  private readonly translate = injectTranslate<CardRequestsKey>();

  protected readonly paths = CARD_REQUEST_PATHS;
  protected readonly result = signal<CardVerification | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({ code: ['', Validators.required] });

  constructor() {
    effect(() => {
      const code = this.code();
      untracked(() => {
        if (code) void this.load(code);
      });
    });
  }

  protected statusKey(status: CardVerification['status']): CardRequestsKey {
    return `cards.verify.${status}`;
  }

  protected fieldMessage(): string {
    return fieldError(this.form.controls.code, this.translate);
  }

  protected verify(): void {
    const code = this.form.getRawValue().code.trim();
    if (!code) {
      this.form.markAllAsTouched();
      return;
    }
    void this.router.navigateByUrl(CARD_REQUEST_PATHS.verificationOf(code));
  }

  private async load(code: string): Promise<void> {
    this.result.set(null);
    this.error.set(null);
    try {
      this.result.set(await this.api.verify(code));
    } catch (error) {
      const problem = toApiProblem(error);
      this.error.set(problem.status === 404 ? this.translate('cards.verify.unknown') : problemText(problem, this.translate));
    }
  }
}
