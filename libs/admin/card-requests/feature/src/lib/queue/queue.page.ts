import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink, type ParamMap } from '@angular/router';
import { ADMIN_CARD_REQUESTS_PATHS } from '../admin-card-requests.routes';
import { toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import {
  CARD_REQUEST_STATUSES,
  type CardRequestStatus,
  type StaffCardRequestFilters,
  type StaffCardRequestPage,
  type ActivityEntry,
} from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from '../shared/card-desk-format';

const PAGE_SIZE = 25;
const FILTERS = ['from', 'to', 'trainer', 'organization', 'activity'] as const;
type FilterName = (typeof FILTERS)[number];

/**
 * « Demandes de cartes »: the work queue by status (« Payée » first to work on), filtered by session
 * dates, trainer, organization and activity. Status and filters live in the address, so « Retour »
 * and a shared link show the same list.
 */
@Component({
  selector: 'adm-card-queue-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatHint, MatInput, MatButton, MatAnchor, CardDeskTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'adminCards.queue.title' | t }}</h1>
    <nav class="cd-toolbar" [attr.aria-label]="'adminCards.queue.pages' | t">
      <a mat-stroked-button [routerLink]="paths.participants">{{ 'adminCards.participants.title' | t }}</a>
      <a mat-stroked-button [routerLink]="paths.referenceData">{{ 'adminCards.reference.title' | t }}</a>
    </nav>

    <nav [attr.aria-label]="'adminCards.queue.byStatus' | t">
      <ul class="cd-tabs">
        <li>
          <a [routerLink]="[]" [queryParams]="{ status: null, page: null }" queryParamsHandling="merge" [attr.aria-current]="status() === null ? 'page' : null">
            {{ 'adminCards.queue.allStatuses' | t }}
          </a>
        </li>
        @for (code of statuses; track code) {
          <li>
            <a [routerLink]="[]" [queryParams]="{ status: code, page: null }" queryParamsHandling="merge" [attr.aria-current]="status() === code ? 'page' : null">
              {{ f.status(code) }}
            </a>
          </li>
        }
      </ul>
    </nav>

    <form class="cd-filters" [formGroup]="filters" (ngSubmit)="apply()" role="search" [attr.aria-label]="'adminCards.filters.label' | t">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.filters.from' | t }}</mat-label>
        <input matInput type="date" formControlName="from" />
        <mat-hint>{{ 'adminCards.filters.dateHint' | t }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.filters.to' | t }}</mat-label>
        <input matInput type="date" formControlName="to" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.filters.trainer' | t }}</mat-label>
        <input matInput type="search" formControlName="trainer" />
        <mat-hint>{{ 'adminCards.filters.trainerHint' | t }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.filters.organization' | t }}</mat-label>
        <input matInput type="search" formControlName="organization" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminCards.filters.activity' | t }}</mat-label>
        <select matNativeControl formControlName="activity">
          <option value="">{{ 'adminCards.filters.anyActivity' | t }}</option>
          @for (activity of activities(); track activity.code) {
            <option [value]="activity.code">{{ f.label(activity.label) }}</option>
          }
        </select>
      </mat-form-field>
      <div class="cd-toolbar">
        <button mat-flat-button type="submit">{{ 'adminCards.filters.submit' | t }}</button>
        <button mat-button type="button" (click)="clear()">{{ 'adminCards.filters.reset' | t }}</button>
      </div>
    </form>

    @if (error(); as message) {
      <p class="cd-error" role="alert">{{ message }}</p>
    }
    <div aria-live="polite">
      @if (result(); as page) {
        @if (page.items.length === 0) {
          <p>{{ 'adminCards.queue.none' | t }}</p>
        }
      }
    </div>
    @if (result(); as page) {
      @if (page.items.length > 0) {
        <table class="cd-table" data-testid="card-queue">
          <caption>
            {{ 'adminCards.queue.caption' | t: { status: statusName(), total: page.total } }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'adminCards.queue.number' | t }}</th>
              <th scope="col">{{ 'adminCards.request.sessionEndDate' | t }}</th>
              <th scope="col">{{ 'adminCards.queue.trainer' | t }}</th>
              <th scope="col">{{ 'adminCards.request.organizationName' | t }}</th>
              <th scope="col">{{ 'adminCards.request.activity' | t }}</th>
              <th scope="col" class="cd-num">{{ 'adminCards.request.participantCount' | t }}</th>
              <th scope="col" class="cd-num">{{ 'adminCards.request.total' | t }}</th>
              <th scope="col">{{ 'adminCards.request.status' | t }}</th>
              <th scope="col">{{ 'adminCards.queue.updatedAt' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of page.items; track item.id) {
              <tr>
                <th scope="row"><a [routerLink]="paths.request(item.id)">{{ item.number }}</a></th>
                <td>{{ f.date(item.sessionEndDate) }}</td>
                <td>{{ item.trainerName }}<br />{{ item.trainerCardNumber }}</td>
                <td>{{ item.organizationName }}</td>
                <td>{{ item.activityName }}</td>
                <td class="cd-num">{{ item.participantCount }}</td>
                <td class="cd-num">{{ item.totalCents === null ? '—' : f.money(item.totalCents) }}</td>
                <td>{{ f.status(item.status) }}</td>
                <td>{{ f.dateTime(item.updatedAt) }}</td>
              </tr>
            }
          </tbody>
        </table>
        <nav class="cd-pager" [attr.aria-label]="'adminCards.pager.label' | t">
          <button mat-button type="button" [disabled]="currentPage() <= 1" (click)="goTo(currentPage() - 1)">
            {{ 'adminCards.pager.previous' | t }}
          </button>
          <span>{{ 'adminCards.pager.page' | t: { page: currentPage(), pages: pages() } }}</span>
          <button mat-button type="button" [disabled]="currentPage() >= pages()" (click)="goTo(currentPage() + 1)">
            {{ 'adminCards.pager.next' | t }}
          </button>
        </nav>
      }
    }
  `,
  styleUrl: '../shared/card-desk-page.scss',
})
export class CardQueuePage {
  private readonly api = inject(CardDeskApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly f = injectCardDeskFormat();
  protected readonly paths = ADMIN_CARD_REQUESTS_PATHS;
  protected readonly statuses = CARD_REQUEST_STATUSES;

  protected readonly result = signal<StaffCardRequestPage | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<CardRequestStatus | null>(null);
  protected readonly activities = signal<readonly ActivityEntry[]>([]);
  protected readonly currentPage = signal(1);
  protected readonly statusName = computed(() => {
    const status = this.status();
    return status ? this.f.status(status) : this.f.t('adminCards.queue.allStatuses');
  });
  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.result()?.total ?? 0) / PAGE_SIZE)));

  protected readonly filters = inject(FormBuilder).nonNullable.group<Record<FilterName, string>>({
    from: '',
    to: '',
    trainer: '',
    organization: '',
    activity: '',
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => void this.load(params));
    void this.loadActivities();
  }

  protected apply(): Promise<boolean> {
    const values = this.filters.getRawValue();
    const queryParams: Record<string, string | null> = {};
    for (const name of FILTERS) queryParams[name] = values[name].trim() || null;
    return this.router.navigate([], { relativeTo: this.route, queryParams: { ...queryParams, page: null }, queryParamsHandling: 'merge' });
  }

  protected clear(): Promise<boolean> {
    this.filters.reset();
    const status = this.status();
    return this.router.navigate([], { relativeTo: this.route, queryParams: status ? { status } : {} });
  }

  protected goTo(page: number): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: { page: page > 1 ? page : null }, queryParamsHandling: 'merge' });
  }

  /** The activity filter's choices; without them the list still works, unfiltered by activity. */
  private async loadActivities(): Promise<void> {
    try {
      this.activities.set((await this.api.referenceData()).activities);
    } catch {
      this.activities.set([]);
    }
  }

  private async load(params: ParamMap): Promise<void> {
    const values = {} as Record<FilterName, string>;
    for (const name of FILTERS) values[name] = params.get(name) ?? '';
    this.filters.setValue(values);
    const statusParam = params.get('status') ?? '';
    const status = (CARD_REQUEST_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as CardRequestStatus) : null;
    const page = Math.max(1, Number(params.get('page')) || 1);
    const filters: StaffCardRequestFilters = {
      status: status ?? undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      trainer: values.trainer || undefined,
      organization: values.organization || undefined,
      activity: values.activity || undefined,
    };
    this.status.set(status);
    this.currentPage.set(page);
    this.error.set(null);
    try {
      this.result.set(await this.api.searchRequests({ ...filters, page, pageSize: PAGE_SIZE }));
    } catch (error) {
      this.result.set(null);
      this.error.set(toApiProblem(error).detail ?? this.f.t('adminCards.errors.generic'));
    }
  }
}
