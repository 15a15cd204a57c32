import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ADMIN_CARD_REQUESTS_PATHS } from '../admin-card-requests.routes';
import { CARD_DESK_ACCESS } from '../card-desk-access';
import { applyProblem, toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import type { CardRequestDetail, CardRequestStatus, Participant, ReissuedCard, StaffReferenceData } from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from '../shared/card-desk-format';
import { TouchedErrorStateMatcher, fieldError, focusFirstProblem } from '../shared/forms';
import { ReissueCardComponent } from '../shared/reissue-card.component';
import { CancelCardRequestComponent } from './cancel-request.component';
import { ImportParticipantsComponent } from './import-participants.component';

/** Staff may cancel until the cards are shipped. */
const CANCELABLE: readonly CardRequestStatus[] = ['draft', 'submitted', 'invoiced', 'paid', 'cards-produced'];
/** Cards exist from production on. */
const WITH_CARDS: readonly CardRequestStatus[] = ['cards-produced', 'shipped'];

/**
 * One card request for staff: the trainers, the session, the delivery address, the participants, the
 * payment and its invoice (cheques and deposits are recorded at the finance desk), the « Historique »;
 * for `card-clerk`, the actions its status allows: « Produire les cartes », the cards' PDF,
 * « Expédier », « Annuler la demande », « Importer des participants (CSV) », « Réémettre la carte ».
 */
@Component({
  selector: 'adm-card-request-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    CardDeskTranslatePipe,
    CancelCardRequestComponent,
    ImportParticipantsComponent,
    ReissueCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <p><a [routerLink]="paths.queue">{{ 'adminCards.request.back' | t }}</a></p>
    @if (request(); as request) {
      <h1>{{ 'adminCards.request.heading' | t: { number: request.number } }}</h1>
      <div aria-live="polite">
        @if (status(); as message) {
          <p class="cd-status" data-testid="card-desk-status" tabindex="-1">{{ message }}</p>
        }
      </div>
      <dl class="cd-facts">
        <dt>{{ 'adminCards.request.status' | t }}</dt>
        <dd data-testid="request-status">{{ f.status(request.status) }}</dd>
        @if (request.trackingNumber) {
          <dt>{{ 'adminCards.ship.trackingNumber' | t }}</dt>
          <dd data-testid="tracking-number">{{ request.trackingNumber }}</dd>
        }
        @if (request.canceledReason) {
          <dt>{{ 'adminCards.request.canceledReason' | t }}</dt>
          <dd>{{ request.canceledReason }}</dd>
        }
        <dt>{{ 'adminCards.queue.updatedAt' | t }}</dt>
        <dd>{{ f.dateTime(request.updatedAt) }}</dd>
      </dl>

      @if (hasCards()) {
        <p>
          <a mat-stroked-button [href]="cardsPdfUrl()" download data-testid="cards-pdf">{{ 'adminCards.actions.pdf' | t }}</a>
        </p>
      }

      @if (access.canAct()) {
        <section aria-labelledby="adm-actions-title" class="cd-actions">
          <h2 id="adm-actions-title">{{ 'adminCards.actions.title' | t }}</h2>
          @if (actionError(); as message) {
            <p class="cd-error" role="alert" tabindex="-1" data-action-error data-form-error>{{ message }}</p>
          }
          @if (request.status === 'paid') {
            <p>{{ 'adminCards.actions.produceHint' | t: { count: request.participantCount } }}</p>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="produce()">{{ 'adminCards.actions.produce' | t }}</button>
          }
          @if (request.status === 'cards-produced') {
            <form class="cd-form" [formGroup]="shipForm" (ngSubmit)="ship()" novalidate>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'adminCards.ship.trackingNumber' | t }}</mat-label>
                <input matInput formControlName="trackingNumber" autocomplete="off" />
                <mat-hint>{{ 'adminCards.ship.trackingHint' | t }}</mat-hint>
                <mat-error>{{ shipError() }}</mat-error>
              </mat-form-field>
              <div>
                <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminCards.ship.submit' | t }}</button>
              </div>
            </form>
          }
          @if (request.status === 'draft') {
            <adm-import-participants [requestId]="request.id" (imported)="onImported()" />
          }
          @if (cancelable()) {
            <h3>{{ 'adminCards.cancel.open' | t }}</h3>
            <adm-cancel-card-request [request]="request" (canceled)="onCanceled($event)" />
          }
          @if (!cancelable() && request.status !== 'cards-produced' && request.status !== 'draft') {
            <p>{{ 'adminCards.actions.none' | t }}</p>
          }
        </section>
      }

      <section aria-labelledby="adm-trainers-title">
        <h2 id="adm-trainers-title">{{ 'adminCards.request.trainers' | t }}</h2>
        <h3>{{ 'adminCards.request.trainer' | t }}</h3>
        <dl class="cd-facts">
          <dt>{{ 'adminCards.request.card' | t }}</dt>
          <dd>{{ request.trainer.cardNumber }}</dd>
          <dt>{{ 'adminCards.request.firstName' | t }}</dt>
          <dd>{{ request.trainer.firstName }}</dd>
          <dt>{{ 'adminCards.request.lastName' | t }}</dt>
          <dd>{{ request.trainer.lastName }}</dd>
          <dt>{{ 'adminCards.request.email' | t }}</dt>
          <dd>{{ request.trainer.email }}</dd>
        </dl>
        <h3>{{ 'adminCards.request.secondTrainer' | t }}</h3>
        @if (request.secondTrainer; as second) {
          <dl class="cd-facts">
            <dt>{{ 'adminCards.request.card' | t }}</dt>
            <dd>{{ second.cardNumber }}</dd>
            <dt>{{ 'adminCards.request.firstName' | t }}</dt>
            <dd>{{ second.firstName }}</dd>
            <dt>{{ 'adminCards.request.lastName' | t }}</dt>
            <dd>{{ second.lastName }}</dd>
          </dl>
        } @else {
          <p>{{ 'adminCards.request.noSecondTrainer' | t }}</p>
        }
      </section>

      <section aria-labelledby="adm-session-title">
        <h2 id="adm-session-title">{{ 'adminCards.request.session' | t }}</h2>
        <dl class="cd-facts">
          <dt>{{ 'adminCards.request.organizationType' | t }}</dt>
          <dd>{{ organizationTypeLabel() }}</dd>
          <dt>{{ 'adminCards.request.organizationName' | t }}</dt>
          <dd>{{ request.organizationName }}</dd>
          <dt>{{ 'adminCards.request.trainingLocation' | t }}</dt>
          <dd>{{ request.trainingLocation }}</dd>
          <dt>{{ 'adminCards.request.activity' | t }}</dt>
          <dd>{{ request.activityName }}</dd>
          <dt>{{ 'adminCards.request.sessionEndDate' | t }}</dt>
          <dd>{{ f.date(request.sessionEndDate) }}</dd>
          <dt>{{ 'adminCards.request.participantCount' | t }}</dt>
          <dd>{{ request.participantCount }}</dd>
        </dl>
      </section>

      <section aria-labelledby="adm-delivery-title">
        <h2 id="adm-delivery-title">{{ 'adminCards.request.delivery' | t }}</h2>
        <dl class="cd-facts">
          <dt>{{ 'adminCards.request.address' | t }}</dt>
          <dd>{{ request.delivery.address }}</dd>
          <dt>{{ 'adminCards.request.city' | t }}</dt>
          <dd>{{ request.delivery.city }}</dd>
          <dt>{{ 'adminCards.request.postalCode' | t }}</dt>
          <dd>{{ request.delivery.postalCode }}</dd>
          <dt>{{ 'adminCards.request.attention' | t }}</dt>
          <dd>{{ request.delivery.attention }}</dd>
          <dt>{{ 'adminCards.request.email' | t }}</dt>
          <dd>{{ request.delivery.email }}</dd>
        </dl>
      </section>

      <section aria-labelledby="adm-payment-title">
        <h2 id="adm-payment-title">{{ 'adminCards.request.payment' | t }}</h2>
        @if (request.payment; as payment) {
          <dl class="cd-facts">
            <dt>{{ 'adminCards.request.method' | t }}</dt>
            <dd>{{ f.method(payment.method) }}</dd>
            <dt>{{ 'adminCards.request.billTo' | t }}</dt>
            <dd>{{ f.billTo(payment.billTo) }}</dd>
            <dt>{{ 'adminCards.request.unitPrice' | t }}</dt>
            <dd>{{ f.money(payment.unitPriceCents) }}</dd>
            <dt>{{ 'adminCards.request.total' | t }}</dt>
            <dd>{{ f.money(payment.totalCents) }}</dd>
            <dt>{{ 'adminCards.request.invoice' | t }}</dt>
            <dd>
              @if (request.invoice; as invoice) {
                <a [routerLink]="paths.financeInvoice(invoice.id)" data-testid="invoice-link">{{ invoice.number }}</a>
              } @else {
                {{ 'adminCards.request.noInvoiceYet' | t }}
              }
            </dd>
          </dl>
          @if (request.invoice && (payment.method === 'cheque' || payment.method === 'deposit') && request.status === 'invoiced') {
            <p>{{ 'adminCards.request.recordAtFinance' | t }}</p>
          }
        } @else {
          <p>{{ 'adminCards.request.notSubmitted' | t }}</p>
        }
      </section>

      <section aria-labelledby="adm-participants-title">
        <h2 id="adm-participants-title">{{ 'adminCards.request.participants' | t }}</h2>
        @if (request.participants.length === 0) {
          <p>{{ 'adminCards.request.noParticipants' | t }}</p>
        } @else {
          <table class="cd-table" data-testid="participants">
            <caption>{{ 'adminCards.request.participantsCaption' | t: { count: request.participants.length } }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'adminCards.participant.title' | t }}</th>
                <th scope="col">{{ 'adminCards.request.firstName' | t }}</th>
                <th scope="col">{{ 'adminCards.request.lastName' | t }}</th>
                <th scope="col">{{ 'adminCards.participant.birthDate' | t }}</th>
                <th scope="col">{{ 'adminCards.participant.phone' | t }}</th>
                <th scope="col">{{ 'adminCards.participant.extension' | t }}</th>
                <th scope="col">{{ 'adminCards.participant.cardNumber' | t }}</th>
                @if (hasCards()) {
                  <th scope="col">{{ 'adminCards.participant.verificationCode' | t }}</th>
                  <th scope="col">{{ 'adminCards.participant.expiresOn' | t }}</th>
                }
                <th scope="col">{{ 'adminCards.participant.duplicates' | t }}</th>
                @if (canReissue()) {
                  <th scope="col">{{ 'adminCards.reissue.column' | t }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (participant of request.participants; track participant.id) {
                <tr>
                  <td>{{ f.title(participant.title) }}</td>
                  <td>{{ participant.firstName }}</td>
                  <th scope="row">{{ participant.lastName }}</th>
                  <td>{{ f.date(participant.birthDate) }}</td>
                  <td>{{ participant.phone }}</td>
                  <td>{{ participant.extension ?? '' }}</td>
                  <td>{{ participant.card?.cardNumber ?? '' }}</td>
                  @if (hasCards()) {
                    <td>{{ participant.card?.verificationCode ?? '' }}</td>
                    <td>
                      @if (participant.card; as card) {
                        {{ card.expiresOn ? f.date(card.expiresOn) : ('adminCards.participant.noExpiry' | t) }}
                      }
                    </td>
                  }
                  <td>
                    @for (duplicate of participant.duplicateOf; track duplicate.requestId) {
                      <a [routerLink]="paths.request(duplicate.requestId)">{{ duplicate.number }}</a>
                    }
                  </td>
                  @if (canReissue()) {
                    <td>
                      <adm-reissue-card
                        [requestId]="request.id"
                        [participantId]="participant.id"
                        [name]="f.person(participant)"
                        (reissued)="onReissued(participant, $event)"
                      />
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        }
      </section>

      <section aria-labelledby="adm-history-title">
        <h2 id="adm-history-title">{{ 'adminCards.history.title' | t }}</h2>
        @if (request.history.length === 0) {
          <p>{{ 'adminCards.history.none' | t }}</p>
        } @else {
          <table class="cd-table" data-testid="history">
            <caption>{{ 'adminCards.history.title' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'adminCards.history.when' | t }}</th>
                <th scope="col">{{ 'adminCards.history.action' | t }}</th>
                <th scope="col">{{ 'adminCards.history.actor' | t }}</th>
                <th scope="col">{{ 'adminCards.history.details' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (entry of request.history; track $index) {
                <tr>
                  <td>{{ f.dateTime(entry.at) }}</td>
                  <td>{{ f.historyAction(entry.action) }}</td>
                  <td>{{ f.actor(entry.actor) }}</td>
                  <td>{{ entry.details ?? '' }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    } @else if (error(); as message) {
      <h1>{{ 'adminCards.request.title' | t }}</h1>
      <p class="cd-error" role="alert">{{ message }}</p>
    } @else {
      <h1>{{ 'adminCards.request.title' | t }}</h1>
      <p role="status">{{ 'adminCards.request.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/card-desk-page.scss',
})
export class CardRequestDetailPage {
  private readonly api = inject(CardDeskApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly access = inject(CARD_DESK_ACCESS);
  protected readonly f = injectCardDeskFormat();
  protected readonly paths = ADMIN_CARD_REQUESTS_PATHS;

  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly request = signal<CardRequestDetail | null>(null);
  private readonly referenceData = signal<StaffReferenceData | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly cardsPdfUrl = computed(() => this.api.cardsPdfUrl(this.id()));
  protected readonly hasCards = computed(() => WITH_CARDS.includes(this.request()?.status ?? 'draft'));
  protected readonly canReissue = computed(() => this.hasCards() && this.access.canAct());
  protected readonly cancelable = computed(() => CANCELABLE.includes(this.request()?.status ?? 'canceled'));
  protected readonly organizationTypeLabel = computed(() => {
    const code = this.request()?.organizationTypeCode ?? '';
    const type = this.referenceData()?.organizationTypes.find((entry) => entry.code === code);
    return type ? this.f.label(type.label) : code;
  });

  protected readonly shipForm = inject(FormBuilder).nonNullable.group({ trackingNumber: '' });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.request.set(null);
        this.status.set(null);
        this.actionError.set(null);
        void this.load(id);
      });
    });
    void this.loadReferenceData();
  }

  protected shipError(): string {
    return fieldError(this.shipForm.controls.trackingNumber, this.f.fieldMessages());
  }

  protected async produce(): Promise<void> {
    const request = this.request();
    if (!request) return;
    await this.act(
      () => this.api.produceCards(request.id),
      (detail) => this.f.t('adminCards.actions.produced', { count: detail.participantCount }),
    );
  }

  protected async ship(): Promise<void> {
    const request = this.request();
    if (!request) return;
    const trackingNumber = this.shipForm.getRawValue().trackingNumber.trim() || null;
    const ok = await this.act(
      () => this.api.ship(request.id, trackingNumber),
      (detail) =>
        detail.trackingNumber ? this.f.t('adminCards.ship.doneTracked', { tracking: detail.trackingNumber }) : this.f.t('adminCards.ship.done'),
      true,
    );
    if (ok) this.shipForm.reset();
  }

  protected onCanceled(detail: CardRequestDetail): void {
    this.request.set(detail);
    this.showDone(this.f.t('adminCards.cancel.done'));
  }

  protected async onImported(): Promise<void> {
    // The report stays on screen; the list and count below follow.
    const detail = await this.api.request(this.id()).catch(() => null);
    if (detail) this.request.set(detail);
  }

  protected async onReissued(participant: Participant, card: ReissuedCard): Promise<void> {
    const detail = await this.api.request(this.id()).catch(() => null);
    if (detail) this.request.set(detail);
    this.showDone(this.f.t('adminCards.reissue.done', { name: this.f.person(participant), card: card.cardNumber, code: card.verificationCode }));
  }

  /** One status action: the new state, a message the keyboard lands on, or the refusal. */
  private async act(call: () => Promise<CardRequestDetail>, done: (detail: CardRequestDetail) => string, withForm = false): Promise<boolean> {
    this.busy.set(true);
    this.actionError.set(null);
    this.status.set(null);
    try {
      const detail = await call();
      this.request.set(detail);
      this.showDone(done(detail));
      return true;
    } catch (error) {
      const problem = toApiProblem(error);
      if (withForm) {
        this.actionError.set(applyProblem(this.shipForm, problem, this.f.t('adminCards.errors.generic')));
        focusFirstProblem(this.host.nativeElement, this.injector);
      } else {
        this.actionError.set(problem.detail ?? this.f.t('adminCards.errors.generic'));
        afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-action-error]')?.focus(), { injector: this.injector });
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** The button that was used may be gone (the status moved on): the keyboard goes to the outcome. */
  private showDone(message: string): void {
    this.status.set(message);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="card-desk-status"]')?.focus(), { injector: this.injector });
  }

  private async loadReferenceData(): Promise<void> {
    try {
      this.referenceData.set(await this.api.referenceData());
    } catch {
      this.referenceData.set(null);
    }
  }

  private async load(id: string): Promise<void> {
    this.error.set(null);
    try {
      this.request.set(await this.api.request(id));
    } catch (error) {
      const problem = toApiProblem(error);
      this.request.set(null);
      this.error.set(problem.status === 404 ? this.f.t('adminCards.request.notFound') : (problem.detail ?? this.f.t('adminCards.errors.generic')));
    }
  }
}
