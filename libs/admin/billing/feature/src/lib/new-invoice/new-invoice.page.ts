import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Router } from '@angular/router';
import { I18n } from '@guichet/shared/ui';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { ADMIN_BILLING_PATHS } from '../admin-billing.routes';
import { applyProblem, toApiProblem } from '@guichet/shared/web-http';
import { PAYMENT_METHODS, type BillTo, type PaymentMethod } from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from '../shared/finance-format';
import { TouchedErrorStateMatcher, dollarAmount, fieldError, focusFirstProblem } from '../shared/forms';
import { parseDollars } from '../shared/money';

const PROVINCES = ['QC', 'ON', 'NB', 'NS', 'PE', 'NL', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU'] as const;

/** The form's paths follow the API's body, so a field error (`billTo.address.postalCode`, `lines.0.quantity`) lands on its field. */
const renameField = (path: string): string => path.replace(/^(lines\.\d+)\.unitPriceCents$/, '$1.unitPrice');

/**
 * « Nouvelle facture »: an invoice the finance desk issues itself (service `manual`), billed to a
 * person or an organization (« Facturé à »), with its lines and its « Mode de paiement ». Issued at
 * once; the page then shows it.
 */
@Component({
  selector: 'adm-new-invoice-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, MatRadioGroup, MatRadioButton, AdminBillingTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <h1>{{ 'adminBilling.new.title' | t }}</h1>
    <form class="fin-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @if (formError(); as message) {
        <p class="fin-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
      }
      <fieldset>
        <legend>{{ 'adminBilling.new.payer' | t }}</legend>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.new.payerEmail' | t }}</mat-label>
          <input matInput type="email" formControlName="payerEmail" autocomplete="off" required />
          <mat-hint>{{ 'adminBilling.new.payerEmailHint' | t }}</mat-hint>
          <mat-error>{{ error('payerEmail') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.new.lang' | t }}</mat-label>
          <select matNativeControl formControlName="lang" required>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </mat-form-field>
      </fieldset>

      <fieldset formGroupName="billTo">
        <legend>{{ 'adminBilling.new.billTo' | t }}</legend>
        <mat-radio-group formControlName="kind" [attr.aria-label]="'adminBilling.new.billTo' | t">
          <mat-radio-button value="individual">{{ 'adminBilling.new.individual' | t }}</mat-radio-button>
          <mat-radio-button value="organization">{{ 'adminBilling.new.organization' | t }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'adminBilling.new.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" required />
          <mat-error>{{ error('billTo.name') }}</mat-error>
        </mat-form-field>
        @if (isOrganization()) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'adminBilling.new.attention' | t }}</mat-label>
            <input matInput formControlName="attention" autocomplete="off" />
            <mat-error>{{ error('billTo.attention') }}</mat-error>
          </mat-form-field>
        }
        <div formGroupName="address" class="fin-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'adminBilling.new.address' | t }}</mat-label>
            <input matInput formControlName="line1" autocomplete="off" required />
            <mat-error>{{ error('billTo.address.line1') }}</mat-error>
          </mat-form-field>
          <div class="fin-row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'adminBilling.new.city' | t }}</mat-label>
              <input matInput formControlName="city" autocomplete="off" required />
              <mat-error>{{ error('billTo.address.city') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'adminBilling.new.province' | t }}</mat-label>
              <select matNativeControl formControlName="province">
                @for (province of provinces; track province) {
                  <option [value]="province">{{ province }}</option>
                }
              </select>
              <mat-error>{{ error('billTo.address.province') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'adminBilling.new.postalCode' | t }}</mat-label>
              <input matInput formControlName="postalCode" autocomplete="off" required />
              <mat-error>{{ error('billTo.address.postalCode') }}</mat-error>
            </mat-form-field>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{{ 'adminBilling.new.lines' | t }}</legend>
        <div formArrayName="lines">
          @for (line of form.controls.lines.controls; track line; let i = $index) {
            <fieldset [formGroupName]="i" class="fin-line" [attr.data-line]="i">
              <legend>{{ 'adminBilling.new.line' | t: { n: i + 1 } }}</legend>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'adminBilling.new.description' | t }}</mat-label>
                <input matInput formControlName="description" autocomplete="off" required />
                <mat-error>{{ error('lines.' + i + '.description') }}</mat-error>
              </mat-form-field>
              <div class="fin-row">
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'adminBilling.new.quantity' | t }}</mat-label>
                  <input matInput type="number" min="1" step="1" formControlName="quantity" required />
                  <mat-error>{{ error('lines.' + i + '.quantity') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'adminBilling.new.unitPrice' | t }}</mat-label>
                  <input matInput formControlName="unitPrice" inputmode="decimal" autocomplete="off" required />
                  <mat-hint>{{ 'adminBilling.record.amountHint' | t }}</mat-hint>
                  <mat-error>{{ error('lines.' + i + '.unitPrice') }}</mat-error>
                </mat-form-field>
              </div>
              @if (form.controls.lines.length > 1) {
                <button mat-button type="button" (click)="removeLine(i)">{{ 'adminBilling.new.removeLine' | t: { n: i + 1 } }}</button>
              }
            </fieldset>
          }
        </div>
        <button mat-stroked-button type="button" (click)="addLine()">{{ 'adminBilling.new.addLine' | t }}</button>
        <p aria-live="polite">{{ lineMessage() }}</p>
        <p data-testid="new-invoice-total">{{ 'adminBilling.new.total' | t: { amount: f.money(totalCents()) } }}</p>
      </fieldset>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.new.method' | t }}</mat-label>
        <select matNativeControl formControlName="method" required>
          @for (method of methods; track method) {
            <option [value]="method">{{ f.method(method) }}</option>
          }
        </select>
        <mat-error>{{ error('method') }}</mat-error>
      </mat-form-field>
      <div>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminBilling.new.submit' | t }}</button>
      </div>
    </form>
  `,
  styleUrl: '../shared/finance-page.scss',
  styles: `
    mat-radio-group {
      display: flex;
      gap: 1rem;
      margin-bottom: 0.5rem;
    }
    .fin-line {
      display: flex;
      flex-direction: column;
    }
  `,
})
export class NewInvoicePage {
  private readonly api = inject(FinanceApi);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectFinanceFormat();

  protected readonly methods = PAYMENT_METHODS;
  protected readonly provinces = PROVINCES;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly lineMessage = signal('');

  protected readonly form = this.fb.group({
    payerEmail: ['', [Validators.required, Validators.email]],
    lang: [inject(I18n).language() as 'fr' | 'en'],
    billTo: this.fb.group({
      kind: ['individual' as BillTo['kind']],
      name: ['', Validators.required],
      attention: [''],
      address: this.fb.group({
        line1: ['', Validators.required],
        city: ['', Validators.required],
        province: ['QC'],
        postalCode: ['', Validators.required],
      }),
    }),
    lines: this.fb.array([this.newLine()]),
    method: ['cheque' as PaymentMethod, Validators.required],
  });

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly isOrganization = computed(() => this.values().billTo?.kind === 'organization');
  protected readonly totalCents = computed(() =>
    (this.values().lines ?? []).reduce((sum, line) => sum + Math.max(0, Math.trunc(Number(line.quantity) || 0)) * (parseDollars(line.unitPrice ?? '') ?? 0), 0),
  );

  protected error(path: string): string {
    return fieldError(this.form.get(path), {
      required: this.f.t('adminBilling.errors.required'),
      amount: this.f.t('adminBilling.errors.amount'),
      email: this.f.t('adminBilling.errors.email'),
      min: this.f.t('adminBilling.errors.min'),
    });
  }

  protected addLine(): void {
    this.form.controls.lines.push(this.newLine());
    const count = this.form.controls.lines.length;
    this.lineMessage.set(this.f.t('adminBilling.new.lineAdded', { n: count }));
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-line="${count - 1}"] input`)?.focus(), { injector: this.injector });
  }

  protected removeLine(index: number): void {
    this.form.controls.lines.removeAt(index);
    this.lineMessage.set(this.f.t('adminBilling.new.lineRemoved'));
    const next = Math.min(index, this.form.controls.lines.length - 1);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-line="${next}"] input`)?.focus(), { injector: this.injector });
  }

  /** One key for this form (random, also over plain http where `crypto.randomUUID` is missing). */
  private readonly requestKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

  protected async submit(): Promise<void> {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    const value = this.form.getRawValue();
    const organization = value.billTo.kind === 'organization';
    this.busy.set(true);
    try {
      const created = await this.api.createInvoice({
        payerEmail: value.payerEmail.trim(),
        lang: value.lang,
        billTo: {
          kind: value.billTo.kind,
          name: value.billTo.name.trim(),
          attention: organization ? value.billTo.attention.trim() || null : null,
          address: {
            line1: value.billTo.address.line1.trim(),
            city: value.billTo.address.city.trim(),
            province: value.billTo.address.province,
            postalCode: value.billTo.address.postalCode.trim(),
          },
        },
        lines: value.lines.map((line) => ({
          description: line.description.trim(),
          quantity: Number(line.quantity),
          unitPriceCents: parseDollars(line.unitPrice) ?? 0,
        })),
        method: value.method,
        idempotencyKey: this.requestKey,
      });
      await this.router.navigateByUrl(ADMIN_BILLING_PATHS.invoice(created.invoiceId));
    } catch (error) {
      this.formError.set(applyProblem(this.form as unknown as FormGroup, toApiProblem(error), this.f.t('adminBilling.errors.generic'), renameField));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private newLine() {
    return this.fb.group({
      description: ['', Validators.required],
      quantity: [1, [Validators.required, Validators.min(1)]],
      unitPrice: ['', [Validators.required, dollarAmount]],
    });
  }
}
