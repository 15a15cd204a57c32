import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { toApiProblem } from '@guichet/shared/web-http';
import { CardDeskApi } from '../data-access/card-desk-api.service';
import type { ReissuedCard } from '../data-access/card-requests.models';
import { CardDeskTranslatePipe, injectCardDeskFormat } from './card-desk-format';

let nextId = 0;

/**
 * « Réémettre la carte » for one participant: a confirmation step (the old card's verification code
 * stops working), then the new card number and code.
 */
@Component({
  selector: 'adm-reissue-card',
  imports: [MatButton, CardDeskTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!confirming()) {
      <button mat-stroked-button type="button" data-opener [attr.aria-label]="'adminCards.reissue.openFor' | t: { name: name() }" (click)="open()">
        {{ 'adminCards.reissue.open' | t }}
      </button>
    } @else {
      <div role="group" [attr.aria-labelledby]="questionId">
        <p [id]="questionId" tabindex="-1" data-confirm-question>{{ 'adminCards.reissue.question' | t: { name: name() } }}</p>
        <div class="cd-toolbar">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="confirm()">{{ 'adminCards.reissue.confirm' | t }}</button>
          <button mat-button type="button" [disabled]="busy()" (click)="close()">{{ 'adminCards.reissue.keep' | t }}</button>
        </div>
      </div>
    }
    @if (error(); as message) {
      <p class="cd-error" role="alert">{{ message }}</p>
    }
  `,
  styleUrl: './card-desk-page.scss',
})
export class ReissueCardComponent {
  private readonly api = inject(CardDeskApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly f = injectCardDeskFormat();

  readonly requestId = input.required<string>();
  readonly participantId = input.required<string>();
  /** « Mme Julie Roy », for the button's accessible name and the question. */
  readonly name = input.required<string>();
  readonly reissued = output<ReissuedCard>();

  protected readonly questionId = `adm-reissue-${nextId++}`;
  protected readonly confirming = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected open(): void {
    this.error.set(null);
    this.confirming.set(true);
    this.focus('[data-confirm-question]');
  }

  protected close(): void {
    this.confirming.set(false);
    this.focus('[data-opener]');
  }

  protected async confirm(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const card = await this.api.reissueCard(this.requestId(), this.participantId());
      this.confirming.set(false);
      this.reissued.emit(card);
    } catch (error) {
      this.error.set(toApiProblem(error).detail ?? this.f.t('adminCards.errors.generic'));
    } finally {
      this.busy.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
