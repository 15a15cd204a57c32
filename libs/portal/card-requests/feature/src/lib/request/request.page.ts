import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { CardRequestsTranslatePipe } from '../card-requests.translations';
import { CARD_REQUEST_PATHS } from '../shared/card-request-paths';
import { statusKey } from '../shared/format';
import { RequestStore } from './request.store';

/**
 * One request with manual 001's three tabs (« Fiche de la session », « Liste des participants »,
 * « Paiement »), as a navigation of links (the current one has `aria-current="page"`). A new request
 * has only its « Fiche de la session » until it is saved.
 */
@Component({
  selector: 'crd-request-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, CardRequestsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (request(); as r) {
      <h1>{{ 'cards.request.title' | t: { number: r.number } }}</h1>
    } @else if (id()) {
      <h1>{{ 'cards.request.pageTitle' | t }}</h1>
    } @else {
      <h1>{{ 'cards.request.newTitle' | t }}</h1>
    }
    <p><a [routerLink]="paths.sessions">{{ 'cards.request.back' | t }}</a></p>

    @if (store.loadError(); as message) {
      <p class="crd-error" role="alert">{{ message }}</p>
    } @else if (store.loaded()) {
      <nav class="crd-tabs" [attr.aria-label]="'cards.tabs.label' | t">
        <ul>
          @if (request(); as r) {
            <li>
              <a [routerLink]="paths.request(r.id)" routerLinkActive="crd-tab--active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">{{
                'cards.tabs.session' | t
              }}</a>
            </li>
            <li>
              <a [routerLink]="paths.participants(r.id)" routerLinkActive="crd-tab--active" ariaCurrentWhenActive="page">{{
                'cards.tabs.participants' | t
              }}</a>
            </li>
            <li>
              <a [routerLink]="paths.payment(r.id)" routerLinkActive="crd-tab--active" ariaCurrentWhenActive="page">{{ 'cards.tabs.payment' | t }}</a>
            </li>
          } @else {
            <li>
              <a [routerLink]="paths.newRequest" class="crd-tab--active" aria-current="page">{{ 'cards.tabs.session' | t }}</a>
            </li>
            <li><span class="crd-tab--off" aria-disabled="true" [attr.title]="'cards.tabs.saveFirst' | t">{{ 'cards.tabs.participants' | t }}</span></li>
            <li><span class="crd-tab--off" aria-disabled="true" [attr.title]="'cards.tabs.saveFirst' | t">{{ 'cards.tabs.payment' | t }}</span></li>
          }
        </ul>
      </nav>
      @if (request(); as r) {
        @if (r.role === 'second-trainer') {
          <p class="crd-notice" data-testid="read-only-second">{{ 'cards.request.readOnlySecond' | t }}</p>
        } @else if (!r.editable && r.status !== 'canceled') {
          <p class="crd-notice" data-testid="read-only">{{ 'cards.request.readOnlySubmitted' | t }}</p>
        }
        @if (r.status === 'canceled' && r.canceledReason) {
          <p class="crd-warning">{{ 'cards.request.canceled' | t: { reason: r.canceledReason } }}</p>
        }
        @if (r.trackingNumber) {
          <p class="crd-notice">{{ 'cards.request.tracking' | t: { number: r.trackingNumber } }}</p>
        }
        <p class="crd-status">
          {{ 'cards.field.status' | t }} : <strong data-testid="status">{{ status(r.status) | t }}</strong>
        </p>
      }
      <div aria-live="polite" data-testid="notices">
        @for (notice of notices(); track $index) {
          <p [class]="notice.kind === 'ok' ? 'crd-notice' : 'crd-warning'" [attr.data-kind]="notice.kind">{{ notice.text }}</p>
        }
      </div>
      <router-outlet />
    } @else {
      <p role="status">{{ 'cards.loading' | t }}</p>
    }
  `,
  styleUrl: '../shared/card-requests-page.scss',
  styles: `
    .crd-tabs ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0 0 1.25rem;
      padding: 0;
      list-style: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .crd-tabs a,
    .crd-tab--off {
      display: inline-block;
      padding: 0.625rem 1rem;
      border-bottom: 3px solid transparent;
      text-decoration: none;
      font: var(--mat-sys-title-small);
    }
    .crd-tabs a:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .crd-tabs a.crd-tab--active {
      border-bottom-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-surface);
    }
    .crd-tab--off {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RequestPage {
  /** Route parameter; absent on `/cartes/sessions/nouvelle`. */
  readonly id = input<string | undefined>();

  protected readonly store = inject(RequestStore);
  protected readonly paths = CARD_REQUEST_PATHS;
  protected readonly status = statusKey;
  protected readonly request = computed(() => this.store.request());
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  protected readonly notices = computed(() => this.store.notices().filter((notice) => notice.url === this.url()));

  constructor() {
    effect(() => {
      const id = this.id() ?? null;
      untracked(() => void this.store.load(id));
    });
  }
}
