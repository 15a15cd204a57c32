import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, ElementRef, Injector, afterNextRender, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  BILL_TO_KINDS,
  CARD_PAYMENT_MINIMUM_CENTS,
  CARD_REQUEST_PAYMENT_METHODS,
  CardRequestsApi,
  formatCents,
  pollUntilInvoiced,
  requestTotalCents,
  toApiProblem,
  type BillToKind,
  type CardRequestDetail,
  type CardRequestPaymentMethod,
} from '@guichet/portal/card-requests/data-access';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import { applyProblem } from '@guichet/shared/web-http';
import { CardRequestsTranslatePipe, type CardRequestsKey } from '../card-requests.translations';
import { TouchedErrorStateMatcher, fieldError, focusFirstProblem } from '../shared/forms';
import { problemText } from '../shared/problem-text';
import { RequestStore } from './request.store';

type Phase = 'idle' | 'submitting' | 'waiting-invoice' | 'redirecting' | 'invoice-late';

/**
 * « Paiement » (manual 000, steps 7 to 9): the price per participant, « Mode de paiement » with the
 * manual's notices, « Facturé à », « Total » and « Soumettre ». A card payment waits for Billing's
 * invoice, then goes to Billing's hosted card page; afterwards the invoice can be downloaded.
 */
@Component({
  selector: 'crd-payment-tab',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatError, MatInput, MatButton, MatAnchor, CardRequestsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  host: { '(window:pageshow)': 'onPageShow($event)' },
  template: `
    <h2 class="crd-visually-hidden">{{ 'cards.tabs.payment' | t }}</h2>
    @if (request(); as r) {
      <form class="crd-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (formError(); as message) {
          <p class="crd-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        <fieldset class="crd-box">
          <legend>{{ 'cards.payment.box' | t }}</legend>
          <p data-testid="unit-price">{{ 'cards.payment.price' | t: { price: money(unitPrice()) } }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cards.payment.method' | t }}</mat-label>
            <select matNativeControl formControlName="method" required [attr.aria-describedby]="cardAllowed() ? null : 'crd-card-minimum'">
              <option value="">{{ 'cards.field.choose' | t }}</option>
              @for (method of methods; track method) {
                <option [value]="method" [disabled]="method === 'card' && !cardAllowed()">
                  {{ methodKey(method) | t }}{{ method === 'card' && !cardAllowed() ? ' ' + ('cards.payment.cardUnavailable' | t) : '' }}
                </option>
              }
            </select>
            <mat-error>{{ error('method') }}</mat-error>
          </mat-form-field>
          @if (method() === 'cheque') {
            <p class="crd-notice" data-testid="cheque-notice">{{ 'cards.payment.cheque' | t }}</p>
          } @else if (method() === 'deposit') {
            <p class="crd-notice" data-testid="deposit-notice">{{ 'cards.payment.deposit' | t }}</p>
          } @else if (method() === 'card') {
            <p class="crd-notice" data-testid="card-storage">{{ 'cards.payment.cardStorage' | t }}</p>
          }
          <p class="crd-hint" id="crd-card-minimum" data-testid="card-minimum">{{ 'cards.payment.cardMinimum' | t }}</p>
          <div class="crd-row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.payment.billTo' | t }}</mat-label>
              <select matNativeControl formControlName="billTo" required>
                <option value="">{{ 'cards.field.choose' | t }}</option>
                @for (kind of billToKinds; track kind) {
                  <option [value]="kind">{{ billToKey(kind) | t }}</option>
                }
              </select>
              <mat-error>{{ error('billTo') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.payment.total' | t }}</mat-label>
              <input matInput readonly [value]="money(total())" data-testid="total" />
            </mat-form-field>
          </div>
          @if (participantsError(); as message) {
            <p class="crd-error" data-testid="participants-error">{{ message }}</p>
          }
        </fieldset>

        @if (r.editable) {
          <div class="crd-actions">
            <button matButton="filled" type="submit" [disabled]="phase() !== 'idle'">{{ 'cards.payment.submit' | t }}</button>
          </div>
        }
        <p class="crd-hint">{{ 'cards.payment.shipping' | t }}</p>
      </form>

      <div aria-live="polite">
        @switch (phase()) {
          @case ('waiting-invoice') {
            <p class="crd-notice">{{ 'cards.payment.waitingInvoice' | t }}</p>
          }
          @case ('redirecting') {
            <p class="crd-notice">{{ 'cards.payment.redirecting' | t }}</p>
          }
          @case ('invoice-late') {
            <p class="crd-warning">{{ 'cards.payment.invoiceLate' | t }}</p>
          }
        }
      </div>

      @if (r.invoice; as invoice) {
        <section aria-labelledby="crd-invoice">
          <h2 id="crd-invoice">{{ 'cards.payment.invoice' | t }} {{ invoice.number }}</h2>
          <div class="crd-actions">
            <a matButton="outlined" [href]="api.invoicePdfUrl(r.id)" download data-testid="invoice-pdf">{{ 'cards.payment.download' | t }}</a>
            <a [routerLink]="'/factures/' + invoice.id">{{ 'cards.payment.seeInvoice' | t: { number: invoice.number } }}</a>
            @if (r.status === 'invoiced' && r.payment?.method === 'card') {
              <button matButton="filled" type="button" [disabled]="phase() !== 'idle' && phase() !== 'invoice-late'" (click)="payByCard(r)">
                {{ 'cards.payment.payByCard' | t }}
              </button>
            }
          </div>
        </section>
      }
    }
  `,
  styleUrl: '../shared/card-requests-page.scss',
})
export class PaymentTabPage {
  protected readonly api = inject(CardRequestsApi);
  private readonly store = inject(RequestStore);
  private readonly i18n = inject(I18n);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<CardRequestsKey>();
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly abort = new AbortController();

  protected readonly methods = CARD_REQUEST_PAYMENT_METHODS;
  protected readonly billToKinds = BILL_TO_KINDS;
  protected readonly request = computed(() => this.store.request());
  protected readonly phase = signal<Phase>('idle');
  protected readonly formError = signal<string | null>(null);
  protected readonly participantsError = signal<string | null>(null);

  protected readonly form = this.fb.group({
    method: ['' as CardRequestPaymentMethod | '', Validators.required],
    billTo: ['' as BillToKind | '', Validators.required],
  });
  protected readonly method = toSignal(this.form.controls.method.valueChanges, { initialValue: this.form.controls.method.value });

  /** The price kept at submission, else today's. */
  protected readonly unitPrice = computed(() => this.request()?.payment?.unitPriceCents ?? this.store.reference()?.cardPriceCents ?? 0);
  protected readonly total = computed(() => {
    const r = this.request();
    return r ? (r.payment?.totalCents ?? requestTotalCents(r, this.unitPrice())) : 0;
  });
  /** Manual 000: « Les paiements par carte de crédit sont acceptés avec un solde minimal de 5 $ » (the API refuses it too). */
  protected readonly cardAllowed = computed(() => this.total() >= CARD_PAYMENT_MINIMUM_CENTS);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.abort.abort());
    effect(() => {
      const r = this.request();
      untracked(() => {
        if (!r) return;
        if (r.payment) this.form.reset({ method: r.payment.method, billTo: r.payment.billTo });
        if (r.editable) this.form.enable({ emitEvent: false });
        else this.form.disable({ emitEvent: false });
      });
    });
  }

  protected money(cents: number): string {
    return formatCents(cents, this.i18n.language());
  }

  protected methodKey(method: CardRequestPaymentMethod): CardRequestsKey {
    return `cards.method.${method}`;
  }

  protected billToKey(kind: BillToKind): CardRequestsKey {
    return `cards.billTo.${kind}`;
  }

  protected error(name: string): string {
    return fieldError(this.form.get(name), this.translate);
  }

  /** Back from the provider's page with « Précédent » (restored from the cache): the button works again. */
  protected onPageShow(event: PageTransitionEvent): void {
    if (event.persisted) this.phase.set('idle');
  }

  protected async submit(): Promise<void> {
    const r = this.request();
    if (!r || !r.editable || this.phase() !== 'idle') return;
    this.formError.set(null);
    this.participantsError.set(null);
    this.store.clearNotices();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.translate('cards.errors.fix'));
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    const { method, billTo } = this.form.getRawValue();
    this.phase.set('submitting');
    try {
      const submitted = await this.api.submit(r.id, { method: method as CardRequestPaymentMethod, billTo: billTo as BillToKind });
      this.store.request.set(submitted);
      this.store.notify([{ kind: 'ok', text: this.translate('cards.payment.submitted') }]);
      if (submitted.payment?.method === 'card' && submitted.status !== 'paid') {
        await this.payByCard(submitted);
      } else {
        this.phase.set('idle');
      }
    } catch (error) {
      this.phase.set('idle');
      const problem = toApiProblem(error);
      const participants = problem.errors.find((e) => e.field === 'participants');
      if (participants) this.participantsError.set(participants.message);
      const text = applyProblem(this.form, { ...problem, errors: problem.errors.filter((e) => e.field !== 'participants') }, problemText(problem, this.translate));
      this.formError.set(participants && !text ? participants.message : (text ?? this.translate('cards.errors.fix')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    }
  }

  /** Waits for Billing's invoice (the worker issues it), then to Billing's hosted card page. */
  protected async payByCard(request: CardRequestDetail): Promise<void> {
    this.formError.set(null);
    try {
      let current = request;
      if (!current.invoice) {
        this.phase.set('waiting-invoice');
        current = await pollUntilInvoiced(() => this.api.request(request.id), { signal: this.abort.signal });
        this.store.request.set(current);
      }
      if (!current.invoice) {
        this.phase.set('invoice-late');
        return;
      }
      const { url } = await this.api.startCardCheckout(current.invoice.id, this.i18n.language());
      this.phase.set('redirecting');
      this.window?.location.assign(url);
    } catch (error) {
      this.phase.set('idle');
      this.formError.set(problemText(toApiProblem(error), this.translate));
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-form-error]')?.focus(), { injector: this.injector });
    }
  }
}
