import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { applyProblem, toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import type { CardRequestDetail } from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from '../shared/card-desk-format';
import { TouchedErrorStateMatcher, fieldError, focusFirstProblem } from '../shared/forms';

/**
 * « Annuler la demande »: a disclosure button opens the required reason, then a confirmation step.
 * Billing cancels the invoice and refunds what was paid; the trainer is mailed.
 */
@Component({
  selector: 'adm-cancel-card-request',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, CardDeskTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  template: `
    <button
      mat-stroked-button
      type="button"
      [attr.aria-expanded]="step() !== 'closed'"
      [attr.aria-controls]="step() !== 'closed' ? 'adm-cancel-panel' : null"
      (click)="toggle()"
      data-opener
    >
      {{ 'adminCards.cancel.open' | t }}
    </button>
    @if (step() !== 'closed') {
      <div class="cd-panel" id="adm-cancel-panel" role="group" aria-labelledby="adm-cancel-title">
        <p class="cd-panel__title" id="adm-cancel-title">{{ 'adminCards.cancel.title' | t: { number: request().number } }}</p>
        @if (formError(); as message) {
          <p class="cd-error" role="alert" tabindex="-1" data-form-error>{{ message }}</p>
        }
        @if (step() === 'edit') {
          <form [formGroup]="form" (ngSubmit)="review()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'adminCards.cancel.reason' | t }}</mat-label>
              <textarea matInput formControlName="reason" rows="3" required></textarea>
              <mat-hint>{{ 'adminCards.cancel.reasonHint' | t }}</mat-hint>
              <mat-error>{{ error() }}</mat-error>
            </mat-form-field>
            <div class="cd-toolbar">
              <button mat-flat-button type="submit">{{ 'adminCards.cancel.continue' | t }}</button>
              <button mat-button type="button" (click)="close()">{{ 'adminCards.cancel.keep' | t }}</button>
            </div>
          </form>
        } @else {
          <p tabindex="-1" data-confirm-question>
            {{ (request().invoice ? 'adminCards.cancel.confirmQuestionInvoice' : 'adminCards.cancel.confirmQuestion') | t: { number: request().number } }}
          </p>
          <div class="cd-toolbar">
            <button mat-flat-button type="button" [disabled]="busy()" (click)="confirm()">{{ 'adminCards.cancel.confirm' | t }}</button>
            <button mat-button type="button" [disabled]="busy()" (click)="edit()">{{ 'adminCards.cancel.back' | t }}</button>
            <button mat-button type="button" [disabled]="busy()" (click)="close()">{{ 'adminCards.cancel.keep' | t }}</button>
          </div>
        }
      </div>
    }
  `,
  styleUrl: '../shared/card-desk-page.scss',
})
export class CancelCardRequestComponent {
  private readonly api = inject(CardDeskApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectCardDeskFormat();

  readonly request = input.required<CardRequestDetail>();
  readonly canceled = output<CardRequestDetail>();

  protected readonly step = signal<'closed' | 'edit' | 'confirm'>('closed');
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({ reason: ['', Validators.required] });

  protected error(): string {
    return fieldError(this.form.get('reason'), this.f.fieldMessages());
  }

  protected toggle(): void {
    if (this.step() !== 'closed') {
      this.close();
      return;
    }
    this.form.reset({ reason: '' });
    this.formError.set(null);
    this.step.set('edit');
    this.focus('textarea');
  }

  protected close(): void {
    this.step.set('closed');
    this.focus('[data-opener]');
  }

  protected edit(): void {
    this.step.set('edit');
    this.focus('textarea');
  }

  protected review(): void {
    this.formError.set(null);
    const reason = this.form.controls.reason;
    if (reason.value.trim() === '') reason.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host.nativeElement, this.injector);
      return;
    }
    this.step.set('confirm');
    this.focus('[data-confirm-question]');
  }

  protected async confirm(): Promise<void> {
    this.busy.set(true);
    this.formError.set(null);
    try {
      const detail = await this.api.cancel(this.request().id, this.form.getRawValue().reason.trim());
      this.step.set('closed');
      this.canceled.emit(detail);
    } catch (error) {
      // Back to the form, the reason kept, the message next to it when it is about the reason.
      this.step.set('edit');
      this.formError.set(applyProblem(this.form, toApiProblem(error), this.f.t('adminCards.errors.generic')));
      focusFirstProblem(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
