import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { I18n } from '@guichet/shared/ui';
import { ADMIN_CARD_REQUESTS_PATHS } from '../admin-card-requests.routes';
import { CARD_DESK_ACCESS } from '../card-desk-access';
import { applyProblem, toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import type { ReferenceDataInput, StaffReferenceData } from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from '../shared/card-desk-format';
import { TouchedErrorStateMatcher, dollarAmount, fieldError, focusFirstProblem, referenceCode } from '../shared/forms';
import { centsToInput, parseDollars } from '../shared/money';

/** API field → control: the price is typed in dollars. */
const RENAME = (path: string): string => (path === 'cardPriceCents' ? 'cardPrice' : path);

const CODE = [Validators.required, Validators.maxLength(60), referenceCode];
const TEXT = [Validators.required, Validators.maxLength(200)];

/**
 * « Référentiels »: the lists the trainers choose from (organization types, accredited institutions,
 * training activities with their « Durée de validité (mois) »), each label in French and English, and
 * the « Prix par carte », typed in dollars and kept in cents. Requests refer to the entries: a saved
 * one is made inactive (« Actif ») rather than deleted, and its code no longer changes; only a new,
 * unsaved line can be removed. `card-clerk` edits them; `finance` reads them.
 */
@Component({
  selector: 'adm-reference-data-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, MatCheckbox, CardDeskTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <p><a [routerLink]="paths.queue">{{ 'adminCards.request.back' | t }}</a></p>
    <h1>{{ 'adminCards.reference.title' | t }}</h1>
    <p>{{ (access.canAct() ? 'adminCards.reference.intro' : 'adminCards.reference.readOnly') | t }}</p>
    <div aria-live="polite">
      @if (status(); as message) {
        <p class="cd-status" data-testid="card-desk-status" tabindex="-1">{{ message }}</p>
      }
    </div>
    @if (loadError(); as message) {
      <p class="cd-error" role="alert">{{ message }}</p>
    }
    @if (loaded()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        @if (formError(); as message) {
          <p class="cd-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        <fieldset [disabled]="!access.canAct()">
          <legend>{{ 'adminCards.reference.price' | t }}</legend>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'adminCards.reference.cardPrice' | t }}</mat-label>
            <input matInput formControlName="cardPrice" inputmode="decimal" autocomplete="off" required />
            <mat-hint>{{ 'adminCards.reference.cardPriceHint' | t }}</mat-hint>
            <mat-error>{{ error('cardPrice') }}</mat-error>
          </mat-form-field>
          <p>{{ 'adminCards.reference.accreditedType' | t: { label: accreditedTypeLabel() } }}</p>
        </fieldset>

        <p>{{ 'adminCards.reference.activeHint' | t }}</p>
        <fieldset [disabled]="!access.canAct()" formArrayName="organizationTypes">
          <legend>{{ 'adminCards.reference.organizationTypes' | t }}</legend>
          @for (row of organizationTypes.controls; track row; let i = $index) {
            <div class="cd-row" role="group" [attr.aria-label]="'adminCards.reference.organizationTypeN' | t: { n: i + 1 }" [formGroupName]="i">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'adminCards.reference.code' | t }}</mat-label>
                <input matInput formControlName="code" autocomplete="off" required [readonly]="row.controls.saved.value" />
                @if (!row.controls.saved.value) {
                  <mat-hint>{{ 'adminCards.reference.codeHint' | t }}</mat-hint>
                }
                <mat-error>{{ error('organizationTypes.' + i + '.code') }}</mat-error>
              </mat-form-field>
              <ng-container formGroupName="label">
                <mat-form-field appearance="outline" class="cd-wide">
                  <mat-label>{{ 'adminCards.reference.labelFr' | t }}</mat-label>
                  <input matInput formControlName="fr" autocomplete="off" lang="fr" required />
                  <mat-error>{{ error('organizationTypes.' + i + '.label.fr') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline" class="cd-wide">
                  <mat-label>{{ 'adminCards.reference.labelEn' | t }}</mat-label>
                  <input matInput formControlName="en" autocomplete="off" lang="en" required />
                  <mat-error>{{ error('organizationTypes.' + i + '.label.en') }}</mat-error>
                </mat-form-field>
              </ng-container>
              <mat-checkbox formControlName="active">{{ 'adminCards.reference.active' | t }}</mat-checkbox>
              @if (access.canAct() && !row.controls.saved.value) {
                <button mat-button type="button" (click)="remove(organizationTypes, i)" [attr.aria-label]="'adminCards.reference.removeOrganizationType' | t: { n: i + 1 }">
                  {{ 'adminCards.reference.remove' | t }}
                </button>
              }
            </div>
          }
          @if (access.canAct()) {
            <button mat-stroked-button type="button" (click)="addOrganizationType()">{{ 'adminCards.reference.addOrganizationType' | t }}</button>
          }
        </fieldset>

        <fieldset [disabled]="!access.canAct()" formArrayName="accreditedInstitutions">
          <legend>{{ 'adminCards.reference.institutions' | t }}</legend>
          @for (row of accreditedInstitutions.controls; track row; let i = $index) {
            <div class="cd-row" role="group" [attr.aria-label]="'adminCards.reference.institutionN' | t: { n: i + 1 }" [formGroupName]="i">
              <mat-form-field appearance="outline" class="cd-wide">
                <mat-label>{{ 'adminCards.reference.name' | t }}</mat-label>
                <input matInput formControlName="name" autocomplete="off" required />
                <mat-error>{{ error('accreditedInstitutions.' + i + '.name') }}</mat-error>
              </mat-form-field>
              <mat-checkbox formControlName="active">{{ 'adminCards.reference.active' | t }}</mat-checkbox>
              @if (access.canAct() && !row.controls.id.value) {
                <button mat-button type="button" (click)="remove(accreditedInstitutions, i)" [attr.aria-label]="'adminCards.reference.removeInstitution' | t: { n: i + 1 }">
                  {{ 'adminCards.reference.remove' | t }}
                </button>
              }
            </div>
          }
          @if (access.canAct()) {
            <button mat-stroked-button type="button" (click)="addInstitution()">{{ 'adminCards.reference.addInstitution' | t }}</button>
          }
        </fieldset>

        <fieldset [disabled]="!access.canAct()" formArrayName="activities">
          <legend>{{ 'adminCards.reference.activities' | t }}</legend>
          @for (row of activities.controls; track row; let i = $index) {
            <div class="cd-row" role="group" [attr.aria-label]="'adminCards.reference.activityN' | t: { n: i + 1 }" [formGroupName]="i">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'adminCards.reference.code' | t }}</mat-label>
                <input matInput formControlName="code" autocomplete="off" required [readonly]="row.controls.saved.value" />
                @if (!row.controls.saved.value) {
                  <mat-hint>{{ 'adminCards.reference.codeHint' | t }}</mat-hint>
                }
                <mat-error>{{ error('activities.' + i + '.code') }}</mat-error>
              </mat-form-field>
              <ng-container formGroupName="label">
                <mat-form-field appearance="outline" class="cd-wide">
                  <mat-label>{{ 'adminCards.reference.labelFr' | t }}</mat-label>
                  <input matInput formControlName="fr" autocomplete="off" lang="fr" required />
                  <mat-error>{{ error('activities.' + i + '.label.fr') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline" class="cd-wide">
                  <mat-label>{{ 'adminCards.reference.labelEn' | t }}</mat-label>
                  <input matInput formControlName="en" autocomplete="off" lang="en" required />
                  <mat-error>{{ error('activities.' + i + '.label.en') }}</mat-error>
                </mat-form-field>
              </ng-container>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'adminCards.reference.validityMonths' | t }}</mat-label>
                <input matInput type="number" min="1" max="240" step="1" formControlName="validityMonths" />
                <mat-hint>{{ 'adminCards.reference.validityHint' | t }}</mat-hint>
                <mat-error>{{ error('activities.' + i + '.validityMonths') }}</mat-error>
              </mat-form-field>
              <mat-checkbox formControlName="active">{{ 'adminCards.reference.active' | t }}</mat-checkbox>
              @if (access.canAct() && !row.controls.saved.value) {
                <button mat-button type="button" (click)="remove(activities, i)" [attr.aria-label]="'adminCards.reference.removeActivity' | t: { n: i + 1 }">
                  {{ 'adminCards.reference.remove' | t }}
                </button>
              }
            </div>
          }
          @if (access.canAct()) {
            <button mat-stroked-button type="button" (click)="addActivity()">{{ 'adminCards.reference.addActivity' | t }}</button>
          }
        </fieldset>

        @if (access.canAct()) {
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'adminCards.reference.save' | t }}</button>
        }
      </form>
    }
  `,
  styleUrl: '../shared/card-desk-page.scss',
  styles: `
    .cd-row {
      align-items: baseline;
      flex-wrap: wrap;
    }
    .cd-wide {
      min-width: 20rem;
    }
  `,
})
export class ReferenceDataPage {
  private readonly api = inject(CardDeskApi);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly access = inject(CARD_DESK_ACCESS);
  protected readonly f = injectCardDeskFormat();
  protected readonly paths = ADMIN_CARD_REQUESTS_PATHS;

  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The accredited type's label (the type itself is fixed by the platform). */
  protected readonly accreditedTypeLabel = signal('');

  protected readonly organizationTypes = this.fb.array<ReturnType<ReferenceDataPage['organizationTypeRow']>>([]);
  protected readonly accreditedInstitutions = this.fb.array<ReturnType<ReferenceDataPage['institutionRow']>>([]);
  protected readonly activities = this.fb.array<ReturnType<ReferenceDataPage['activityRow']>>([]);
  protected readonly form = this.fb.group({
    cardPrice: ['', [Validators.required, dollarAmount]],
    organizationTypes: this.organizationTypes,
    accreditedInstitutions: this.accreditedInstitutions,
    activities: this.activities,
  });

  constructor() {
    void this.load();
  }

  protected error(path: string): string {
    return fieldError(this.form.get(path), this.f.fieldMessages());
  }

  protected addOrganizationType(): void {
    this.organizationTypes.push(this.organizationTypeRow());
    this.focusLast('organizationTypes');
  }

  protected addInstitution(): void {
    this.accreditedInstitutions.push(this.institutionRow());
    this.focusLast('accreditedInstitutions');
  }

  protected addActivity(): void {
    this.activities.push(this.activityRow());
    this.focusLast('activities');
  }

  /** Only a new, unsaved line goes away; a saved one is made inactive instead. */
  protected remove(list: FormArray, index: number): void {
    list.removeAt(index);
    this.status.set(this.f.t('adminCards.reference.removed'));
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="card-desk-status"]')?.focus(), { injector: this.injector });
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    this.status.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    const value = this.form.getRawValue();
    const label = (text: { fr: string; en: string }) => ({ fr: text.fr.trim(), en: text.en.trim() });
    const data: ReferenceDataInput = {
      cardPriceCents: parseDollars(value.cardPrice) ?? 0,
      organizationTypes: value.organizationTypes.map((row) => ({ code: row.code.trim(), label: label(row.label), active: row.active })),
      accreditedInstitutions: value.accreditedInstitutions.map((row) => ({ id: row.id, name: row.name.trim(), active: row.active })),
      activities: value.activities.map((row) => ({
        code: row.code.trim(),
        label: label(row.label),
        validityMonths: row.validityMonths === null || String(row.validityMonths).trim() === '' ? null : Number(row.validityMonths),
        active: row.active,
      })),
    };
    this.busy.set(true);
    try {
      this.fill(await this.api.saveReferenceData(data));
      this.status.set(this.f.t('adminCards.reference.saved'));
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="card-desk-status"]')?.focus(), { injector: this.injector });
    } catch (error) {
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.f.t('adminCards.errors.generic'), RENAME));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private labelGroup(fr = '', en = '') {
    return this.fb.group({ fr: [fr, TEXT], en: [en, TEXT] });
  }

  /** `saved`: the entry exists at the API (its code is then fixed and it cannot be removed). */
  private organizationTypeRow(entry?: StaffReferenceData['organizationTypes'][number]) {
    return this.fb.group({
      code: [entry?.code ?? '', CODE],
      label: this.labelGroup(entry?.label.fr, entry?.label.en),
      active: [entry?.active ?? true],
      saved: [entry !== undefined],
    });
  }

  private institutionRow(entry?: StaffReferenceData['accreditedInstitutions'][number]) {
    return this.fb.group({
      id: this.fb.control<string | null>(entry?.id ?? null),
      name: [entry?.name ?? '', TEXT],
      active: [entry?.active ?? true],
    });
  }

  private activityRow(entry?: StaffReferenceData['activities'][number]) {
    return this.fb.group({
      code: [entry?.code ?? '', CODE],
      label: this.labelGroup(entry?.label.fr, entry?.label.en),
      validityMonths: this.fb.control<number | string | null>(entry?.validityMonths ?? null, [
        Validators.min(1),
        Validators.max(240),
        Validators.pattern(/^\d+$/),
      ]),
      active: [entry?.active ?? true],
      saved: [entry !== undefined],
    });
  }

  private fill(data: StaffReferenceData): void {
    this.organizationTypes.clear();
    for (const type of data.organizationTypes) this.organizationTypes.push(this.organizationTypeRow(type));
    this.accreditedInstitutions.clear();
    for (const institution of data.accreditedInstitutions) this.accreditedInstitutions.push(this.institutionRow(institution));
    this.activities.clear();
    for (const activity of data.activities) this.activities.push(this.activityRow(activity));
    this.form.patchValue({ cardPrice: centsToInput(data.cardPriceCents, this.i18n.language()) });
    this.form.markAsPristine();
    this.form.markAsUntouched();
    const accredited = data.organizationTypes.find((type) => type.code === data.accreditedInstitutionTypeCode);
    this.accreditedTypeLabel.set(accredited ? this.f.label(accredited.label) : data.accreditedInstitutionTypeCode);
  }

  /** A new row: the keyboard goes to its first field. */
  private focusLast(list: string): void {
    afterNextRender(
      () => {
        const rows = this.host.nativeElement.querySelectorAll<HTMLElement>(`[formArrayName="${list}"] .cd-row`);
        rows.item(rows.length - 1)?.querySelector<HTMLElement>('input')?.focus();
      },
      { injector: this.injector },
    );
  }

  private async load(): Promise<void> {
    try {
      this.fill(await this.api.referenceData());
      this.loaded.set(true);
    } catch (error) {
      this.loadError.set(toApiProblem(error).detail ?? this.f.t('adminCards.errors.generic'));
    }
  }
}
