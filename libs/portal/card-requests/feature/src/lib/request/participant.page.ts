import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import {
  CardRequestsApi,
  PARTICIPANT_TITLES,
  todayInMontreal,
  toApiProblem,
  type ParticipantFields,
  type ParticipantSaved,
  type ParticipantTitle,
} from '@guichet/portal/card-requests/data-access';
import { injectTranslate } from '@guichet/shared/ui';
import { applyProblem } from '@guichet/shared/web-http';
import { CardRequestsTranslatePipe, type CardRequestsKey } from '../card-requests.translations';
import { CARD_REQUEST_PATHS } from '../shared/card-request-paths';
import { EXTENSION, PHONE, TouchedErrorStateMatcher, fieldError, focusFirstProblem, matching, notAfter } from '../shared/forms';
import { RequestStore, type Notice } from './request.store';

type Then = 'add-another' | 'back';

/**
 * « Fiche du participant » (manual 000, step 6): « Identification du participant », and the three
 * buttons: « Sauvegarder et ajouter » (saves, then an empty form for the next one), « OK » (saves,
 * back to the list) and « Annuler » (discards, back). A same-name, same-birth-date participant on
 * another of the trainer's requests is said after saving.
 */
@Component({
  selector: 'crd-participant-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, CardRequestsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <h2 id="crd-participant-title" tabindex="-1">{{ 'cards.participant.title' | t }}</h2>
    @if (missing()) {
      <p class="crd-error" role="alert">{{ 'cards.participant.notFound' | t }}</p>
    } @else {
      <form class="crd-form" [formGroup]="form" (ngSubmit)="save('back')" novalidate>
        @if (formError(); as message) {
          <p class="crd-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        <fieldset class="crd-box" aria-describedby="crd-participant-note">
          <legend>{{ 'cards.participant.box' | t }}</legend>
          <div class="crd-col">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.title' | t }}</mat-label>
              <select matNativeControl formControlName="title" required>
                <option value="">{{ 'cards.field.choose' | t }}</option>
                @for (title of titles; track title) {
                  <option [value]="title">{{ titleKey(title) | t }}</option>
                }
              </select>
              <mat-error>{{ error('title') }}</mat-error>
            </mat-form-field>
            <div class="crd-row">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'cards.field.firstName' | t }}</mat-label>
                <input matInput formControlName="firstName" autocomplete="off" required />
                <mat-error>{{ error('firstName') }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'cards.field.lastName' | t }}</mat-label>
                <input matInput formControlName="lastName" autocomplete="off" required />
                <mat-error>{{ error('lastName') }}</mat-error>
              </mat-form-field>
            </div>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'cards.field.birthDate' | t }}</mat-label>
              <input matInput type="date" formControlName="birthDate" [max]="today" required />
              <mat-error>{{ error('birthDate') }}</mat-error>
            </mat-form-field>
            <div class="crd-row">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'cards.field.phone' | t }}</mat-label>
                <input matInput type="tel" formControlName="phone" autocomplete="off" required />
                <mat-error>{{ error('phone') }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline" class="crd-extension">
                <mat-label>{{ 'cards.field.extension' | t }}</mat-label>
                <input matInput formControlName="extension" inputmode="numeric" autocomplete="off" />
                <mat-hint>{{ 'cards.field.extensionHint' | t }}</mat-hint>
                <mat-error>{{ error('extension') }}</mat-error>
              </mat-form-field>
            </div>
          </div>
          <p class="crd-hint" id="crd-participant-note">{{ 'cards.participant.note' | t }}</p>
        </fieldset>
        @if (editable()) {
          <div class="crd-actions">
            <button matButton="outlined" type="button" [disabled]="busy()" (click)="save('add-another')">
              {{ 'cards.participant.saveAndAdd' | t }}
            </button>
            <button matButton="filled" type="submit" [disabled]="busy()">{{ 'cards.participant.ok' | t }}</button>
            <button matButton type="button" [disabled]="busy()" (click)="cancel()">{{ 'cards.participant.cancel' | t }}</button>
          </div>
        } @else {
          <div class="crd-actions">
            <button matButton="outlined" type="button" (click)="cancel()">{{ 'cards.participants.back' | t }}</button>
          </div>
        }
      </form>
    }
  `,
  styleUrl: '../shared/card-requests-page.scss',
  styles: `
    .crd-row > mat-form-field.crd-extension {
      flex: 0 1 8rem;
    }
  `,
})
export class ParticipantPage {
  /** Route parameter; absent on `…/participants/nouveau`. */
  readonly pid = input<string | undefined>();

  private readonly api = inject(CardRequestsApi);
  private readonly router = inject(Router);
  private readonly store = inject(RequestStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly translate = injectTranslate<CardRequestsKey>();
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly titles = PARTICIPANT_TITLES;
  protected readonly today = todayInMontreal();
  protected readonly editable = this.store.editable;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);

  private readonly participant = computed(() => {
    const pid = this.pid();
    return pid ? (this.store.request()?.participants.find((p) => p.id === pid) ?? null) : null;
  });
  protected readonly missing = computed(() => !!this.pid() && this.store.request() !== null && this.participant() === null);

  protected readonly form = this.fb.group({
    title: ['' as ParticipantTitle | '', Validators.required],
    firstName: ['', Validators.required],
    lastName: ['', Validators.required],
    birthDate: ['', [Validators.required, notAfter(todayInMontreal)]],
    phone: ['', [Validators.required, matching(PHONE, 'phone')]],
    extension: ['', matching(EXTENSION, 'extension')],
  });

  constructor() {
    effect(() => {
      const participant = this.participant();
      untracked(() => {
        if (participant) {
          this.form.reset({ ...participant, extension: participant.extension ?? '' });
        }
        if (!this.editable()) this.form.disable({ emitEvent: false });
      });
    });
  }

  protected titleKey(title: ParticipantTitle): CardRequestsKey {
    return `cards.title.${title}`;
  }

  protected error(name: string): string {
    return fieldError(this.form.get(name), this.translate);
  }

  /** « Annuler »: what was typed is dropped. */
  protected cancel(): void {
    const request = this.store.request();
    if (request) void this.router.navigateByUrl(CARD_REQUEST_PATHS.participants(request.id));
  }

  protected async save(then: Then): Promise<void> {
    const request = this.store.request();
    if (!request || this.busy() || !this.editable()) return;
    this.formError.set(null);
    this.store.clearNotices();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.translate('cards.errors.fix'));
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    const pid = this.pid();
    try {
      const saved = pid
        ? await this.api.updateParticipant(request.id, pid, this.fields())
        : await this.api.addParticipant(request.id, this.fields());
      await this.store.reload();
      const name = `${saved.participant.firstName} ${saved.participant.lastName}`;
      if (then === 'add-another') {
        const target = CARD_REQUEST_PATHS.newParticipant(request.id);
        this.store.notify(this.noticesFor(saved, name, 'cards.participant.added'), target);
        this.form.reset({ title: '', firstName: '', lastName: '', birthDate: '', phone: '', extension: '' });
        if (pid) await this.router.navigateByUrl(target);
        afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('select[formcontrolname="title"]')?.focus(), {
          injector: this.injector,
        });
      } else {
        const target = CARD_REQUEST_PATHS.participants(request.id);
        this.store.notify(this.noticesFor(saved, name, 'cards.participant.saved'), target);
        await this.router.navigateByUrl(target);
      }
    } catch (error) {
      const text = applyProblem(this.form, toApiProblem(error), this.translate('cards.errors.generic'));
      this.formError.set(text ?? this.translate('cards.errors.fix'));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private noticesFor(saved: ParticipantSaved, name: string, okKey: CardRequestsKey): Omit<Notice, 'url'>[] {
    const notices: Omit<Notice, 'url'>[] = [{ kind: 'ok', text: this.translate(okKey, { name }) }];
    if (saved.duplicates.length > 0) {
      const requests = saved.duplicates.map((d) => d.number).join(', ');
      notices.push({ kind: 'warning', text: this.translate('cards.participant.duplicates', { name, requests }) });
    }
    return notices;
  }

  private fields(): ParticipantFields {
    const v = this.form.getRawValue();
    return {
      title: v.title as ParticipantTitle,
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      birthDate: v.birthDate,
      phone: v.phone.trim(),
      extension: v.extension.trim() === '' ? null : v.extension.trim(),
    };
  }
}
