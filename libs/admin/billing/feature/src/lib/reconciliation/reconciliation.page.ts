import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AdminBillingTranslatePipe } from '../admin-billing.translations';
import { ADMIN_BILLING_PATHS } from '../admin-billing.routes';
import { toApiProblem } from '@guichet/shared/web-http';
import type { Reconciliation, ReconciliationTotal } from '../data-access/billing.models';
import { FinanceApi } from '../data-access/finance-api.service';
import { injectFinanceFormat } from '../shared/finance-format';
import { todayInMontreal } from '../shared/money';

type Grouping = 'method' | 'service';

/**
 * « Conciliation du jour »: one day's confirmed payments, totalled per payment method and per
 * service; each total opens (disclosure button) on the payments behind it. Then the refunds and the
 * net total. The day is in the address (`?date=`), today by default.
 */
@Component({
  selector: 'adm-reconciliation-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatButton, AdminBillingTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a [routerLink]="paths.desk">{{ 'adminBilling.invoice.back' | t }}</a></p>
    <h1>{{ 'adminBilling.reconciliation.title' | t }}</h1>
    <form class="fin-filters" [formGroup]="form" (ngSubmit)="show()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminBilling.reconciliation.date' | t }}</mat-label>
        <input matInput type="date" formControlName="date" required />
      </mat-form-field>
      <button mat-flat-button type="submit">{{ 'adminBilling.reconciliation.show' | t }}</button>
    </form>
    @if (error(); as message) {
      <p class="fin-error" role="alert">{{ message }}</p>
    }
    @if (day(); as day) {
      <h2 aria-live="polite">{{ 'adminBilling.reconciliation.of' | t: { date: f.date(day.date) } }}</h2>
      @for (group of groupings; track group.key) {
        <table class="fin-table" [attr.data-testid]="'totals-by-' + group.key">
          <caption>{{ group.caption | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ group.column | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.reconciliation.count' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.reconciliation.total' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (total of group.key === 'method' ? day.byMethod : day.byService; track total.key) {
              <tr>
                <th scope="row">
                  <button
                    type="button"
                    class="fin-disclosure"
                    [attr.aria-expanded]="isOpen(group.key, total)"
                    [attr.aria-controls]="isOpen(group.key, total) ? panelId(group.key, total) : null"
                    (click)="toggle(group.key, total)"
                  >
                    <span aria-hidden="true">{{ isOpen(group.key, total) ? '▾' : '▸' }}</span>
                    {{ nameOf(group.key, total) }}
                  </button>
                </th>
                <td class="fin-num">{{ total.count }}</td>
                <td class="fin-num" [attr.data-total]="group.key + ':' + total.key">{{ f.money(total.totalCents) }}</td>
              </tr>
              @if (isOpen(group.key, total)) {
                <tr [id]="panelId(group.key, total)">
                  <td colspan="3">
                    <table class="fin-table fin-nested">
                      <caption>{{ 'adminBilling.reconciliation.paymentsOf' | t: { name: nameOf(group.key, total) } }}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{{ 'adminBilling.reconciliation.invoice' | t }}</th>
                          <th scope="col">{{ group.key === 'method' ? ('adminBilling.reconciliation.service' | t) : ('adminBilling.reconciliation.method' | t) }}</th>
                          <th scope="col">{{ 'adminBilling.invoice.paymentLabel' | t }}</th>
                          <th scope="col">{{ 'adminBilling.reconciliation.confirmedAt' | t }}</th>
                          <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (payment of total.payments; track payment.paymentId) {
                          <tr>
                            <th scope="row"><a [routerLink]="paths.invoice(payment.invoiceId)">{{ payment.invoiceNumber }}</a></th>
                            <td>{{ group.key === 'method' ? f.service(payment.service) : f.method(payment.method) }}</td>
                            <td>{{ payment.label }}</td>
                            <td>{{ f.dateTime(payment.confirmedAt) }}</td>
                            <td class="fin-num">{{ f.money(payment.amountCents) }}</td>
                          </tr>
                        }
                      </tbody>
                    </table>
                  </td>
                </tr>
              }
            } @empty {
              <tr>
                <td colspan="3">{{ 'adminBilling.reconciliation.none' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      }

      <h2>{{ 'adminBilling.reconciliation.refunds' | t }}</h2>
      @if (day.refunds.length === 0) {
        <p>{{ 'adminBilling.reconciliation.noRefunds' | t }}</p>
      } @else {
        <table class="fin-table">
          <caption>{{ 'adminBilling.reconciliation.refunds' | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminBilling.reconciliation.invoice' | t }}</th>
              <th scope="col">{{ 'adminBilling.reconciliation.method' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.reason' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.creditNote' | t }}</th>
              <th scope="col">{{ 'adminBilling.invoice.paymentState' | t }}</th>
              <th scope="col" class="fin-num">{{ 'adminBilling.invoice.amount' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (refund of day.refunds; track refund.id) {
              <tr>
                <th scope="row">{{ refund.invoiceNumber }}</th>
                <td>{{ f.method(refund.method) }}</td>
                <td>{{ refund.reason }}</td>
                <td><a [routerLink]="paths.invoice(refund.creditNoteId)">{{ refund.creditNoteNumber }}</a></td>
                <td>{{ f.refundState(refund.state) }}</td>
                <td class="fin-num">{{ f.money(refund.amountCents) }}</td>
              </tr>
            }
          </tbody>
        </table>
      }

      <h2>{{ 'adminBilling.reconciliation.summary' | t }}</h2>
      <dl class="fin-facts" data-testid="reconciliation-summary">
        <dt>{{ 'adminBilling.reconciliation.paymentsTotal' | t }}</dt>
        <dd>{{ f.money(day.paymentsCents) }}</dd>
        <dt>{{ 'adminBilling.reconciliation.refundsTotal' | t }}</dt>
        <dd>{{ f.money(day.refundsCents) }}</dd>
        <dt>{{ 'adminBilling.reconciliation.net' | t }}</dt>
        <dd data-testid="reconciliation-net">{{ f.money(day.netCents) }}</dd>
      </dl>
    }
  `,
  styleUrl: '../shared/finance-page.scss',
  styles: `
    .fin-disclosure {
      background: none;
      border: 0;
      padding: 0.25rem;
      font: inherit;
      font-weight: 600;
      color: var(--mat-sys-primary);
      cursor: pointer;
      text-align: left;
    }
    .fin-disclosure:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .fin-nested {
      margin: 0;
    }
  `,
})
export class ReconciliationPage {
  private readonly api = inject(FinanceApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly f = injectFinanceFormat();
  protected readonly paths = ADMIN_BILLING_PATHS;

  protected readonly groupings = [
    { key: 'method', caption: 'adminBilling.reconciliation.byMethod', column: 'adminBilling.reconciliation.method' },
    { key: 'service', caption: 'adminBilling.reconciliation.byService', column: 'adminBilling.reconciliation.service' },
  ] as const;

  protected readonly day = signal<Reconciliation | null>(null);
  protected readonly error = signal<string | null>(null);
  private readonly open = signal<ReadonlySet<string>>(new Set());
  protected readonly form = inject(FormBuilder).nonNullable.group({ date: [todayInMontreal(), Validators.required] });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const date = params.get('date');
      void this.load(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayInMontreal());
    });
  }

  protected show(): Promise<boolean> {
    const { date } = this.form.getRawValue();
    return this.router.navigate([], { relativeTo: this.route, queryParams: { date: date || null } });
  }

  protected nameOf(group: Grouping, total: ReconciliationTotal): string {
    return group === 'method' ? this.f.method(total.key) : this.f.service(total.key);
  }

  protected panelId(group: Grouping, total: ReconciliationTotal): string {
    return `adm-reconciliation-${group}-${total.key.replace(/[^a-z0-9-]/gi, '')}`;
  }

  protected isOpen(group: Grouping, total: ReconciliationTotal): boolean {
    return this.open().has(`${group}:${total.key}`);
  }

  protected toggle(group: Grouping, total: ReconciliationTotal): void {
    const key = `${group}:${total.key}`;
    this.open.update((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  private async load(date: string): Promise<void> {
    this.form.setValue({ date });
    this.error.set(null);
    this.open.set(new Set());
    try {
      this.day.set(await this.api.reconciliation(date));
    } catch (error) {
      this.day.set(null);
      this.error.set(toApiProblem(error).detail ?? this.f.t('adminBilling.errors.generic'));
    }
  }
}
