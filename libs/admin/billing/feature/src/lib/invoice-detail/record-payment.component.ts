import { ChangeDetectionStrategy, Component, ElementRef, Injector, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { I18n } from '@guichet/shared/ui';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { applyProblem, toApiProblem } from '@guichet/shared/web-http';
import { MANUAL_PAYMENT_METHODS, type InvoiceDetail, type ManualPaymentMethod, type PaymentView } from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from '../shared/finance-format';
import { TouchedErrorStateMatcher, dollarAmount, fieldError, focusFirstProblem } from '../shared/forms';
import { centsToInput, parseDollars, todayInMontreal } from '../shared/money';

type Field = 'method' | 'amount' | 'receivedOn' | 'reference';

/** API field → control; coded refusals without a field → the field they are about. */
const RENAME: Readonly<Record<string, Field>> = { amountCents: 'amount' };
const CODE_FIELDS: Readonly<Record<string, Field>> = {
  'BILLING.OVERPAYMENT': 'amount',
  'BILLING.DUPLICATE_PAYMENT': 'reference',
};

/**
 * « Enregistrer un paiement » (manual 001): a cheque or a direct deposit that arrived. The amount is
 * typed in dollars (`12,34` or `12.34`) and sent in cents; a refusal puts its message next to the
 * field and keeps what was typed.
 */
@Component({
  selector: 'adm-record-payment',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, AdminBillingTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <section aria-labelledby="adm-record-title">
      <h2 id="adm-record-title">{{ 'adminBilling.record.title' | t }}</h2>
      <p>{{ 'adminBilling.record.intro' | t }}</p>
      <form class="fin-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (formError(); as message) {
          <p class="fin-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.record.method' | t }}</mat-label>
          <select matNativeControl formControlName="method" required>
            @for (method of methods; track method) {
              <option [value]="method">{{ f.method(method) }}</option>
            }
          </select>
          <mat-error>{{ error('method') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.record.amount' | t }}</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" required />
          <mat-hint>{{ 'adminBilling.record.amountHint' | t }}</mat-hint>
          <mat-error>{{ error('amount') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.record.receivedOn' | t }}</mat-label>
          <input matInput type="date" formControlName="receivedOn" [max]="today" required />
          <mat-error>{{ error('receivedOn') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.record.reference' | t }}</mat-label>
          <input matInput formControlName="reference" autocomplete="off" required />
          <mat-error>{{ error('reference') }}</mat-error>
        </mat-form-field>
        <div>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminBilling.record.submit' | t }}</button>
        </div>
      </form>
    </section>
  `,
  styleUrl: '../shared/finance-page.scss',
})
export class RecordPaymentComponent {
  private readonly api = inject(FinanceApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectFinanceFormat();

  readonly invoice = input.required<InvoiceDetail>();
  readonly recorded = output<PaymentView>();

  protected readonly methods = MANUAL_PAYMENT_METHODS;
  protected readonly today = todayInMontreal();
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    method: ['cheque' as ManualPaymentMethod, Validators.required],
    amount: ['', [Validators.required, dollarAmount]],
    receivedOn: [this.today, Validators.required],
    reference: ['', Validators.required],
  });

  constructor() {
    // A new invoice (or a new balance after a payment): the invoice's own method and what is still due.
    effect(() => {
      const invoice = this.invoice();
      untracked(() => {
        const method = (MANUAL_PAYMENT_METHODS as readonly string[]).includes(invoice.method ?? '') ? (invoice.method as ManualPaymentMethod) : 'cheque';
        this.form.reset({ method, amount: centsToInput(invoice.balanceCents, this.i18n.language()), receivedOn: this.today, reference: '' });
      });
    });
  }

  protected error(name: Field): string {
    return fieldError(this.form.get(name), {
      required: this.f.t('adminBilling.errors.required'),
      amount: this.f.t('adminBilling.errors.amount'),
      email: this.f.t('adminBilling.errors.email'),
      min: this.f.t('adminBilling.errors.min'),
    });
  }

  protected async submit(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    const { method, amount, receivedOn, reference } = this.form.getRawValue();
    this.busy.set(true);
    try {
      const payment = await this.api.recordPayment(this.invoice().id, {
        method,
        amountCents: parseDollars(amount) ?? 0,
        receivedOn,
        reference: reference.trim(),
      });
      this.recorded.emit(payment);
    } catch (error) {
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.f.t('adminBilling.errors.generic'), (path) => RENAME[path] ?? path, CODE_FIELDS));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
