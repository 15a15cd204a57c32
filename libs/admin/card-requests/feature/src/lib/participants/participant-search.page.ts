import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink, type ParamMap } from '@angular/router';
import { ADMIN_CARD_REQUESTS_PATHS } from '../admin-card-requests.routes';
import { CARD_DESK_ACCESS } from '../card-desk-access';
import { toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import type { ParticipantSearchHit, ParticipantSearchQuery, ReissuedCard } from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from '../shared/card-desk-format';
import { ReissueCardComponent } from '../shared/reissue-card.component';

const FIELDS = ['lastName', 'firstName', 'birthDate'] as const;
type Field = (typeof FIELDS)[number];
/** The search in the address, in French like the pages' paths. */
const PARAMS: Readonly<Record<Field, string>> = { lastName: 'nom', firstName: 'prenom', birthDate: 'naissance' };

/**
 * « Recherche de participants » across every request, by « Nom », « Prénom » and « Date de
 * naissance » — the fields manual 000 makes required because they « facilitent les recherches
 * lorsqu'un candidat perd son attestation » — with « Réémettre la carte » on each card found.
 */
@Component({
  selector: 'adm-participant-search-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatHint, MatInput, MatButton, MatAnchor, CardDeskTranslatePipe, ReissueCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a [routerLink]="paths.queue">{{ 'adminCards.request.back' | t }}</a></p>
    <h1>{{ 'adminCards.participants.title' | t }}</h1>
    <p>{{ 'adminCards.participants.intro' | t }}</p>
    <form class="cd-filters" [formGroup]="form" (ngSubmit)="search()" role="search" [attr.aria-label]="'adminCards.participants.title' | t" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.request.lastName' | t }}</mat-label>
        <input matInput type="search" formControlName="lastName" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.request.firstName' | t }}</mat-label>
        <input matInput type="search" formControlName="firstName" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.participant.birthDate' | t }}</mat-label>
        <input matInput type="date" formControlName="birthDate" />
        <mat-hint>{{ 'adminCards.participants.hint' | t }}</mat-hint>
      </mat-form-field>
      <div class="cd-toolbar">
        <button mat-flat-button type="submit">{{ 'adminCards.participants.submit' | t }}</button>
        <button mat-button type="button" (click)="clear()">{{ 'adminCards.filters.reset' | t }}</button>
      </div>
    </form>

    @if (error(); as message) {
      <p class="cd-error" role="alert" tabindex="-1" data-search-error>{{ message }}</p>
    }
    <div aria-live="polite">
      @if (status(); as message) {
        <p class="cd-status" data-testid="card-desk-status" tabindex="-1">{{ message }}</p>
      }
      @if (hits(); as hits) {
        @if (hits.length === 0) {
          <p>{{ 'adminCards.participants.none' | t }}</p>
        }
      }
    </div>
    @if (hits(); as hits) {
      @if (hits.length > 0) {
        <table class="cd-table" data-testid="participant-hits">
          <caption>{{ 'adminCards.participants.caption' | t: { count: hits.length } }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminCards.participants.participant' | t }}</th>
              <th scope="col">{{ 'adminCards.participant.birthDate' | t }}</th>
              <th scope="col">{{ 'adminCards.queue.number' | t }}</th>
              <th scope="col">{{ 'adminCards.request.activity' | t }}</th>
              <th scope="col">{{ 'adminCards.request.sessionEndDate' | t }}</th>
              <th scope="col">{{ 'adminCards.participant.cardNumber' | t }}</th>
              <th scope="col">{{ 'adminCards.request.status' | t }}</th>
              @if (access.canAct()) {
                <th scope="col">{{ 'adminCards.reissue.column' | t }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (hit of hits; track hit.participant.id) {
              <tr>
                <th scope="row">{{ f.person(hit.participant) }}</th>
                <td>{{ f.date(hit.participant.birthDate) }}</td>
                <td><a [routerLink]="paths.request(hit.requestId)">{{ hit.number }}</a></td>
                <td>{{ hit.activityName }}</td>
                <td>{{ f.date(hit.sessionEndDate) }}</td>
                <td>{{ hit.cardNumber ?? ('adminCards.participants.noCard' | t) }}</td>
                <td>{{ f.status(hit.status) }}</td>
                @if (access.canAct()) {
                  <td>
                    @if (hit.cardNumber) {
                      <adm-reissue-card
                        [requestId]="hit.requestId"
                        [participantId]="hit.participant.id"
                        [name]="f.person(hit.participant)"
                        (reissued)="onReissued(hit, $event)"
                      />
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
  styleUrl: '../shared/card-desk-page.scss',
})
export class ParticipantSearchPage {
  private readonly api = inject(CardDeskApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly access = inject(CARD_DESK_ACCESS);
  protected readonly f = injectCardDeskFormat();
  protected readonly paths = ADMIN_CARD_REQUESTS_PATHS;

  protected readonly hits = signal<readonly ParticipantSearchHit[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group<Record<Field, string>>({ lastName: '', firstName: '', birthDate: '' });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => void this.load(params));
  }

  protected search(): Promise<boolean> | void {
    const values = this.form.getRawValue();
    if (FIELDS.every((field) => values[field].trim() === '')) {
      this.hits.set(null);
      this.error.set(this.f.t('adminCards.participants.empty'));
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('input')?.focus(), { injector: this.injector });
      return;
    }
    const queryParams: Record<string, string | null> = {};
    for (const field of FIELDS) queryParams[PARAMS[field]] = values[field].trim() || null;
    return this.router.navigate([], { relativeTo: this.route, queryParams });
  }

  protected clear(): Promise<boolean> {
    this.form.reset();
    return this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected async onReissued(hit: ParticipantSearchHit, card: ReissuedCard): Promise<void> {
    this.status.set(this.f.t('adminCards.reissue.done', { name: this.f.person(hit.participant), card: card.cardNumber, code: card.verificationCode }));
    this.hits.update((hits) => hits?.map((h) => (h === hit ? { ...h, cardNumber: card.cardNumber, verificationCode: card.verificationCode } : h)) ?? null);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="card-desk-status"]')?.focus(), { injector: this.injector });
  }

  private async load(params: ParamMap): Promise<void> {
    const values = {} as Record<Field, string>;
    for (const field of FIELDS) values[field] = params.get(PARAMS[field]) ?? '';
    this.form.setValue(values);
    this.status.set(null);
    this.error.set(null);
    if (FIELDS.every((field) => values[field] === '')) {
      this.hits.set(null);
      return;
    }
    const query: ParticipantSearchQuery = {
      lastName: values.lastName || undefined,
      firstName: values.firstName || undefined,
      birthDate: values.birthDate || undefined,
    };
    try {
      this.hits.set(await this.api.searchParticipants(query));
    } catch (error) {
      this.hits.set(null);
      this.error.set(toApiProblem(error).detail ?? this.f.t('adminCards.errors.generic'));
    }
  }
}
