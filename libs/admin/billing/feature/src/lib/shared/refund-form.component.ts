import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { I18n } from '@guichet/shared/ui';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { applyProblem, toApiProblem } from '@guichet/shared/web-http';
import type { PaymentView, RefundView } from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from './finance-format';
import { TouchedErrorStateMatcher, dollarAmount, fieldError, focusFirstProblem } from './forms';
import { centsToInput, newIdempotencyKey, parseDollars } from './money';

let nextId = 0;

/**
 * « Rembourser » on a confirmed payment: a disclosure button opens the amount (what is left by
 * default) and the reason, then a confirmation step; the refund is sent with one idempotency key per
 * opened form, so a double click or a retry refunds once.
 */
@Component({
  selector: 'adm-refund-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, AdminBillingTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <button
      mat-stroked-button
      type="button"
      #opener
      [attr.aria-expanded]="step() !== 'closed'"
      [attr.aria-controls]="step() !== 'closed' ? panelId : null"
      [attr.aria-label]="'adminBilling.refund.openFor' | t: { label: label(), amount: f.money(payment().amountCents) }"
      (click)="toggle()"
    >
      {{ 'adminBilling.refund.open' | t }}
    </button>
    @if (step() !== 'closed') {
      <div class="fin-refund" [id]="panelId" role="group" [attr.aria-labelledby]="panelId + '-title'">
        <p class="fin-refund__title" [id]="panelId + '-title'">{{ 'adminBilling.refund.title' | t: { label: label() } }}</p>
        @if (formError(); as message) {
          <p class="fin-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        @if (step() === 'edit') {
          <form [formGroup]="form" (ngSubmit)="review()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'adminBilling.refund.amount' | t }}</mat-label>
              <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" required />
              <mat-hint>{{ 'adminBilling.refund.amountHint' | t: { amount: f.money(refundable()) } }}</mat-hint>
              <mat-error>{{ error('amount') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'adminBilling.refund.reason' | t }}</mat-label>
              <textarea matInput formControlName="reason" rows="2" required></textarea>
              <mat-error>{{ error('reason') }}</mat-error>
            </mat-form-field>
            <div class="fin-refund__actions">
              <button mat-flat-button type="submit">{{ 'adminBilling.refund.continue' | t }}</button>
              <button mat-button type="button" (click)="close()">{{ 'adminBilling.refund.cancel' | t }}</button>
            </div>
          </form>
        } @else {
          <p tabindex="-1" data-confirm-question>{{ 'adminBilling.refund.confirmQuestion' | t: { amount: f.money(amountCents()), label: label() } }}</p>
          <div class="fin-refund__actions">
            <button mat-flat-button type="button" [disabled]="busy()" (click)="confirm()">{{ 'adminBilling.refund.confirm' | t }}</button>
            <button mat-button type="button" [disabled]="busy()" (click)="edit()">{{ 'adminBilling.refund.back' | t }}</button>
            <button mat-button type="button" [disabled]="busy()" (click)="close()">{{ 'adminBilling.refund.cancel' | t }}</button>
          </div>
        }
      </div>
    }
  `,
  styles: `
    .fin-refund {
      margin-top: 0.5rem;
      padding: 0.5rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      max-width: 28rem;
    }
    .fin-refund form {
      display: flex;
      flex-direction: column;
    }
    .fin-refund__title {
      font: var(--mat-sys-title-small);
    }
    .fin-refund__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .fin-error {
      padding: 0.5rem 1rem;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class RefundFormComponent {
  private readonly api = inject(FinanceApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectFinanceFormat();

  readonly payment = input.required<PaymentView>();
  /** The payment's invoice number, when the page lists payments of several invoices. */
  readonly invoiceNumber = input<string | null>(null);
  readonly refunded = output<RefundView>();

  protected readonly panelId = `adm-refund-${nextId++}`;
  protected readonly step = signal<'closed' | 'edit' | 'confirm'>('closed');
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly amountCents = signal(0);
  private idempotencyKey = newIdempotencyKey();

  protected readonly refundable = computed(() => this.payment().amountCents - this.payment().refundedCents);
  protected readonly label = computed(() => {
    const payment = this.payment();
    const what = payment.label ? `${this.f.method(payment.method)} ${payment.label}` : this.f.method(payment.method);
    const invoice = this.invoiceNumber();
    return invoice ? `${what} (${invoice})` : what;
  });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    amount: ['', [Validators.required, dollarAmount]],
    reason: ['', Validators.required],
  });

  protected error(name: 'amount' | 'reason'): string {
    return fieldError(this.form.get(name), {
      required: this.f.t('adminBilling.errors.required'),
      amount: this.f.t('adminBilling.errors.amount'),
      email: this.f.t('adminBilling.errors.email'),
      min: this.f.t('adminBilling.errors.min'),
    });
  }

  protected toggle(): void {
    if (this.step() !== 'closed') {
      this.close();
      return;
    }
    this.form.reset({ amount: centsToInput(this.refundable(), this.i18n.language()), reason: '' });
    this.formError.set(null);
    this.idempotencyKey = newIdempotencyKey();
    this.step.set('edit');
    this.focus('input');
  }

  protected close(): void {
    this.step.set('closed');
    this.focus('button');
  }

  protected edit(): void {
    this.step.set('edit');
    this.focus('input');
  }

  protected review(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.amountCents.set(parseDollars(this.form.getRawValue().amount) ?? 0);
    this.step.set('confirm');
    this.focus('[data-confirm-question]');
  }

  protected async confirm(): Promise<void> {
    this.busy.set(true);
    this.formError.set(null);
    try {
      const refund = await this.api.refund(this.payment().id, {
        amountCents: this.amountCents(),
        reason: this.form.getRawValue().reason.trim(),
        idempotencyKey: this.idempotencyKey,
      });
      this.step.set('closed');
      this.refunded.emit(refund);
    } catch (error) {
      const problem = toApiProblem(error);
      // Refused for good (4xx): a corrected attempt is a new refund. A lost answer keeps the key, so a retry cannot refund twice.
      if (problem.status >= 400 && problem.status < 500) this.idempotencyKey = newIdempotencyKey();
      // Back to the form, the typed values kept, each message next to its field.
      this.step.set('edit');
      this.formError.set(
        applyProblem(this.form, problem, this.f.t('adminBilling.errors.generic'), (path) => (path === 'amountCents' ? 'amount' : path), {
          'BILLING.REFUND_EXCEEDS_PAYMENT': 'amount',
        }),
      );
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
