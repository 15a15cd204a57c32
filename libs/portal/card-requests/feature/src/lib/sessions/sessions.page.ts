import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import {
  CardRequestsApi,
  requestTotalCents,
  toApiProblem,
  type CardRequestReferenceData,
  type CardRequestSummary,
} from '@guichet/portal/card-requests/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { CardRequestsTranslatePipe, type CardRequestsKey } from '../card-requests.translations';
import { CARD_REQUEST_PATHS } from '../shared/card-request-paths';
import { DayPipe, MoneyPipe, statusKey } from '../shared/format';
import { problemText } from '../shared/problem-text';

/** « Sessions » (manual 000, « Nouvelle demande », step 1): the trainer's requests, newest first, and « Ajouter ». */
@Component({
  selector: 'crd-sessions-page',
  imports: [RouterLink, MatAnchor, CardRequestsTranslatePipe, MoneyPipe, DayPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'cards.sessions.title' | t }}</h1>
    <div class="crd-actions">
      <a matButton="filled" [routerLink]="paths.newRequest" data-testid="add-request">{{ 'cards.sessions.add' | t }}</a>
    </div>
    @if (loadError(); as message) {
      <p class="crd-error" role="alert">{{ message }}</p>
    } @else if (requests(); as list) {
      @if (list.length === 0) {
        <p class="crd-notice" data-testid="sessions-empty">{{ 'cards.sessions.empty' | t }}</p>
      } @else {
        <p class="crd-hint">{{ 'cards.sessions.intro' | t }}</p>
        <div class="crd-scroll">
          <table class="crd-table" data-testid="sessions">
            <caption class="crd-visually-hidden">{{ 'cards.sessions.caption' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'cards.col.sessionEnd' | t }}</th>
                <th scope="col">{{ 'cards.col.organization' | t }}</th>
                <th scope="col">{{ 'cards.col.activity' | t }}</th>
                <th scope="col" class="crd-num">{{ 'cards.col.participants' | t }}</th>
                <th scope="col" class="crd-num">{{ 'cards.col.total' | t }}</th>
                <th scope="col">{{ 'cards.col.status' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (request of list; track request.id) {
                <tr class="crd-clickable" [attr.data-number]="request.number" [attr.data-id]="request.id" (click)="open(request)">
                  <th scope="row">
                    <a [routerLink]="paths.request(request.id)" [attr.aria-label]="'cards.sessions.open' | t: { number: request.number }"
                      >{{ request.sessionEndDate | day }}</a
                    >
                    <span class="crd-number">{{ request.number }}</span>
                    @if (request.role === 'second-trainer') {
                      <span class="crd-badge" data-testid="second-trainer">{{ 'cards.sessions.secondTrainer' | t }}</span>
                    }
                  </th>
                  <td>{{ request.organizationName }}</td>
                  <td>{{ request.activityName }}</td>
                  <td class="crd-num">{{ request.participantCount }}</td>
                  <td class="crd-num">{{ total(request) | money }}</td>
                  <td data-testid="request-status">{{ status(request.status) | t }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <p role="status">{{ 'cards.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/card-requests-page.scss',
  styles: `
    .crd-clickable {
      cursor: pointer;
    }
    .crd-clickable:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .crd-number {
      display: block;
      font-weight: 400;
      font-size: 0.875em;
    }
    .crd-badge {
      display: inline-block;
      margin-top: 0.25rem;
      padding: 0 0.5rem;
      border-radius: 8px;
      font-weight: 400;
      font-size: 0.875em;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class SessionsPage implements OnInit {
  private readonly api = inject(CardRequestsApi);
  private readonly router = inject(Router);
  private readonly translate = injectTranslate<CardRequestsKey>();

  protected readonly paths = CARD_REQUEST_PATHS;
  protected readonly status = statusKey;
  protected readonly requests = signal<readonly CardRequestSummary[] | null>(null);
  protected readonly reference = signal<CardRequestReferenceData | null>(null);
  protected readonly loadError = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const [requests, reference] = await Promise.all([this.api.requests(), this.api.referenceData()]);
      this.reference.set(reference);
      this.requests.set(requests);
    } catch (error) {
      this.loadError.set(problemText(toApiProblem(error), this.translate));
    }
  }

  protected total(request: CardRequestSummary): number {
    return requestTotalCents(request, this.reference()?.cardPriceCents ?? 0);
  }

  /** A click anywhere on the row opens it (the link in the first cell is the keyboard's way). */
  protected open(request: CardRequestSummary): void {
    void this.router.navigateByUrl(this.paths.request(request.id));
  }
}
