import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import {
  CardRequestsApi,
  todayInMontreal,
  toApiProblem,
  type CardRequestDetail,
  type SessionFields,
} from '@guichet/portal/card-requests/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { applyProblem } from '@guichet/shared/web-http';
import { CardRequestsTranslatePipe, type CardRequestsKey } from '../card-requests.translations';
import { CARD_REQUEST_PATHS } from '../shared/card-request-paths';
import { statusKey } from '../shared/format';
import { POSTAL_CODE, TouchedErrorStateMatcher, fieldError, focusFirstProblem, matching, notAfter } from '../shared/forms';
import { RequestStore } from './request.store';

type After = 'stay' | 'participants';

/** « Deuxième formateur / moniteur » is optional, but then all three fields or none. */
function allOrNone(group: AbstractControl): ValidationErrors | null {
  const controls = ['cardNumber', 'firstName', 'lastName'].map((name) => group.get(name));
  const filled = controls.filter((c) => typeof c?.value === 'string' && c.value.trim() !== '');
  for (const control of controls) {
    if (!control) continue;
    const { secondTrainer: _previous, ...others } = control.errors ?? {};
    const missing = filled.length > 0 && (typeof control.value !== 'string' || control.value.trim() === '');
    control.setErrors(missing ? { ...others, secondTrainer: true } : Object.keys(others).length > 0 ? others : null);
  }
  return null;
}

/**
 * « Fiche de la session » (manual 000, steps 2 to 5): the three boxes of manual 001, « Sauvegarder »
 * and « Ajouter les participants » (saves, then opens « Fiche du participant »). Read-only once submitted.
 */
@Component({
  selector: 'crd-session-tab',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, CardRequestsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <h2 class="crd-visually-hidden">{{ 'cards.tabs.session' | t }}</h2>
    <form class="crd-form" [formGroup]="form" (ngSubmit)="save('stay')" novalidate>
      @if (formError(); as message) {
        <p class="crd-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
      }

      <fieldset class="crd-box">
        <legend>{{ 'cards.trainers.box' | t }}</legend>
        <fieldset class="crd-section">
          <legend>{{ 'cards.trainers.trainer' | t }}</legend>
          <div class="crd-row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.card' | t }}</mat-label>
              <input matInput readonly [value]="trainer()?.cardNumber ?? ''" data-testid="trainer-card" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.firstName' | t }}</mat-label>
              <input matInput readonly [value]="trainer()?.firstName ?? ''" data-testid="trainer-first-name" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.lastName' | t }}</mat-label>
              <input matInput readonly [value]="trainer()?.lastName ?? ''" data-testid="trainer-last-name" />
            </mat-form-field>
          </div>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cards.field.email' | t }}</mat-label>
            <input matInput type="email" formControlName="trainerEmail" autocomplete="email" required />
            <mat-error>{{ error('trainerEmail') }}</mat-error>
          </mat-form-field>
        </fieldset>
        <fieldset class="crd-section" formGroupName="secondTrainer" aria-describedby="crd-second-hint">
          <legend>{{ 'cards.trainers.second' | t }}</legend>
          <p class="crd-hint" id="crd-second-hint">{{ 'cards.trainers.secondHint' | t }}</p>
          <div class="crd-row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.card' | t }}</mat-label>
              <input matInput formControlName="cardNumber" autocomplete="off" />
              <mat-error>{{ error('secondTrainer.cardNumber') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.firstName' | t }}</mat-label>
              <input matInput formControlName="firstName" autocomplete="off" />
              <mat-error>{{ error('secondTrainer.firstName') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.lastName' | t }}</mat-label>
              <input matInput formControlName="lastName" autocomplete="off" />
              <mat-error>{{ error('secondTrainer.lastName') }}</mat-error>
            </mat-form-field>
          </div>
        </fieldset>
      </fieldset>

      <fieldset class="crd-box">
        <legend>{{ 'cards.session.box' | t }}</legend>
        <div class="crd-col">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cards.field.organizationType' | t }}</mat-label>
            <select matNativeControl formControlName="organizationTypeCode" required>
              <option value="">{{ 'cards.field.choose' | t }}</option>
              @for (type of reference()?.organizationTypes ?? []; track type.code) {
                <option [value]="type.code">{{ type.label }}</option>
              }
            </select>
            <mat-error>{{ error('organizationTypeCode') }}</mat-error>
          </mat-form-field>
          @if (accredited()) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.organizationName' | t }}</mat-label>
              <select matNativeControl formControlName="accreditedInstitutionId" required>
                <option value="">{{ 'cards.field.choose' | t }}</option>
                @for (institution of reference()?.accreditedInstitutions ?? []; track institution.id) {
                  <option [value]="institution.id">{{ institution.name }}</option>
                }
              </select>
              <mat-error>{{ error('accreditedInstitutionId') }}</mat-error>
            </mat-form-field>
          } @else {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.organizationName' | t }}</mat-label>
              <input matInput formControlName="organizationName" autocomplete="organization" required />
              <mat-error>{{ error('organizationName') }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cards.field.trainingLocation' | t }}</mat-label>
            <input matInput formControlName="trainingLocation" autocomplete="off" required />
            <mat-error>{{ error('trainingLocation') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cards.field.activity' | t }}</mat-label>
            <select matNativeControl formControlName="activityCode" required>
              <option value="">{{ 'cards.field.choose' | t }}</option>
              @for (activity of reference()?.activities ?? []; track activity.code) {
                <option [value]="activity.code">{{ activity.label }}</option>
              }
            </select>
            <mat-error>{{ error('activityCode') }}</mat-error>
          </mat-form-field>
          <div class="crd-row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.sessionEnd' | t }}</mat-label>
              <input matInput type="date" formControlName="sessionEndDate" [max]="today" required />
              <mat-hint>{{ 'cards.field.sessionEndHint' | t }}</mat-hint>
              <mat-error>{{ error('sessionEndDate') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.participants' | t }}</mat-label>
              <input matInput readonly [value]="participantCount()" data-testid="participant-count" />
            </mat-form-field>
          </div>
        </div>
      </fieldset>

      <fieldset class="crd-box">
        <legend>{{ 'cards.processing.box' | t }}</legend>
        <fieldset class="crd-section" formGroupName="delivery" aria-describedby="crd-delivery-intro">
          <legend>{{ 'cards.delivery.section' | t }}</legend>
          <p class="crd-hint" id="crd-delivery-intro">{{ 'cards.delivery.intro' | t }}</p>
          <div class="crd-col">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.address' | t }}</mat-label>
              <input matInput formControlName="address" autocomplete="street-address" required />
              <mat-error>{{ error('delivery.address') }}</mat-error>
            </mat-form-field>
            <div class="crd-row">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'cards.field.city' | t }}</mat-label>
                <input matInput formControlName="city" autocomplete="address-level2" required />
                <mat-error>{{ error('delivery.city') }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'cards.field.postalCode' | t }}</mat-label>
                <input matInput formControlName="postalCode" autocomplete="postal-code" required />
                <mat-error>{{ error('delivery.postalCode') }}</mat-error>
              </mat-form-field>
            </div>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.attention' | t }}</mat-label>
              <input matInput formControlName="attention" autocomplete="name" required />
              <mat-error>{{ error('delivery.attention') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.email' | t }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" required />
              <mat-error>{{ error('delivery.email') }}</mat-error>
            </mat-form-field>
          </div>
        </fieldset>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'cards.field.status' | t }}</mat-label>
          <input matInput readonly [value]="statusText()" data-testid="status-field" />
        </mat-form-field>
      </fieldset>

      @if (editable()) {
        <div class="crd-actions">
          <button matButton="filled" type="submit" [disabled]="busy()">{{ 'cards.session.save' | t }}</button>
          <button matButton="outlined" type="button" [disabled]="busy()" (click)="save('participants')">
            {{ 'cards.session.addParticipants' | t }}
          </button>
        </div>
      }
    </form>
  `,
  styleUrl: '../shared/card-requests-page.scss',
})
export class SessionTabPage {
  private readonly api = inject(CardRequestsApi);
  private readonly router = inject(Router);
  private readonly store = inject(RequestStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<CardRequestsKey>();
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly today = todayInMontreal();
  protected readonly reference = this.store.reference;
  protected readonly trainer = this.store.trainer;
  protected readonly editable = this.store.editable;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly participantCount = computed(() => this.store.request()?.participantCount ?? 0);
  protected readonly statusText = computed(() => this.translate(statusKey(this.store.request()?.status ?? 'draft')));

  protected readonly form = this.fb.group({
    trainerEmail: ['', [Validators.required, Validators.email]],
    secondTrainer: this.fb.group({ cardNumber: [''], firstName: [''], lastName: [''] }, { validators: allOrNone }),
    organizationTypeCode: ['', Validators.required],
    organizationName: ['', Validators.required],
    accreditedInstitutionId: ['', Validators.required],
    trainingLocation: ['', Validators.required],
    activityCode: ['', Validators.required],
    sessionEndDate: ['', [Validators.required, notAfter(todayInMontreal)]],
    delivery: this.fb.group({
      address: ['', Validators.required],
      city: ['', Validators.required],
      postalCode: ['', [Validators.required, matching(POSTAL_CODE, 'postalCode')]],
      attention: ['', Validators.required],
      email: ['', [Validators.required, Validators.email]],
    }),
  });

  private readonly typeCode = toSignal(this.form.controls.organizationTypeCode.valueChanges, {
    initialValue: this.form.controls.organizationTypeCode.value,
  });
  protected readonly accredited = computed(() => {
    const code = this.reference()?.accreditedInstitutionTypeCode;
    return !!code && this.typeCode() === code;
  });

  constructor() {
    // Fills the form from the request (or the trainer's account for a new one); read-only once submitted.
    effect(() => {
      const request = this.store.request();
      const trainer = this.store.trainer();
      untracked(() => this.fill(request, trainer?.email ?? ''));
    });
    // Only the organization field shown counts.
    effect(() => {
      const accredited = this.accredited();
      untracked(() => {
        if (!this.editable()) return;
        const [shown, hidden] = accredited
          ? [this.form.controls.accreditedInstitutionId, this.form.controls.organizationName]
          : [this.form.controls.organizationName, this.form.controls.accreditedInstitutionId];
        shown.enable({ emitEvent: false });
        hidden.disable({ emitEvent: false });
      });
    });
  }

  protected error(path: string): string {
    return fieldError(this.form.get(path), this.translate);
  }

  protected async save(after: After): Promise<void> {
    if (this.busy() || !this.editable()) return;
    this.formError.set(null);
    this.store.clearNotices();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.translate('cards.errors.fix'));
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      const existing = this.store.request();
      const saved = existing ? await this.api.update(existing.id, this.fields()) : await this.api.create(this.fields());
      this.store.request.set(saved);
      const target = after === 'participants' ? CARD_REQUEST_PATHS.newParticipant(saved.id) : CARD_REQUEST_PATHS.request(saved.id);
      if (after === 'stay') this.store.notify([{ kind: 'ok', text: this.translate('cards.session.saved') }], target);
      await this.router.navigateByUrl(target, { replaceUrl: !existing && after === 'stay' });
    } catch (error) {
      const aliases: Record<string, string> = this.accredited()
        ? { organizationName: 'accreditedInstitutionId' }
        : { accreditedInstitutionId: 'organizationName' };
      const text = applyProblem(this.form, toApiProblem(error), this.translate('cards.errors.generic'), (path) => aliases[path] ?? path);
      this.formError.set(text ?? this.translate('cards.errors.fix'));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private fields(): SessionFields {
    const v = this.form.getRawValue();
    const second = v.secondTrainer;
    const hasSecond = [second.cardNumber, second.firstName, second.lastName].some((x) => x.trim() !== '');
    const accredited = this.accredited();
    return {
      trainerEmail: v.trainerEmail.trim(),
      secondTrainer: hasSecond
        ? { cardNumber: second.cardNumber.trim(), firstName: second.firstName.trim(), lastName: second.lastName.trim() }
        : null,
      organizationTypeCode: v.organizationTypeCode,
      organizationName: accredited ? null : v.organizationName.trim(),
      accreditedInstitutionId: accredited ? v.accreditedInstitutionId : null,
      trainingLocation: v.trainingLocation.trim(),
      activityCode: v.activityCode,
      sessionEndDate: v.sessionEndDate,
      delivery: {
        address: v.delivery.address.trim(),
        city: v.delivery.city.trim(),
        postalCode: v.delivery.postalCode.trim().toUpperCase(),
        attention: v.delivery.attention.trim(),
        email: v.delivery.email.trim(),
      },
    };
  }

  private fill(request: CardRequestDetail | null, trainerEmail: string): void {
    if (request) {
      this.form.reset({
        trainerEmail: request.trainer.email,
        secondTrainer: request.secondTrainer ?? { cardNumber: '', firstName: '', lastName: '' },
        organizationTypeCode: request.organizationTypeCode,
        organizationName: request.accreditedInstitutionId ? '' : request.organizationName,
        accreditedInstitutionId: request.accreditedInstitutionId ?? '',
        trainingLocation: request.trainingLocation,
        activityCode: request.activityCode,
        sessionEndDate: request.sessionEndDate,
        delivery: request.delivery,
      });
    } else if (this.form.pristine) {
      this.form.controls.trainerEmail.setValue(trainerEmail);
    }
    if (request && !request.editable) this.form.disable({ emitEvent: false });
  }
}
