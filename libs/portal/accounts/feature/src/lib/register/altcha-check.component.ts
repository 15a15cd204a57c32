import 'altcha';
import {
  CUSTOM_ELEMENTS_SCHEMA,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { I18n, injectTranslate } from '@guichet/shared/ui';
import type { AccountsKey } from '../accounts.translations';

/**
 * The widget makes its workers through this global hook (declared by altcha's types). Ours is a module
 * worker bundled by the Angular build (a hashed file of the app, so the CSP's `script-src 'self'` allows
 * it): it speaks the stock worker's protocol but hashes SHA-256 in its own thread instead of awaiting the
 * browser's crypto thread once per attempt. Same challenge, same work, same payload.
 */
globalThis.altchaCreateWorker = () => new Worker(new URL('./altcha.worker', import.meta.url), { type: 'module' });

/**
 * Workers per solve (the widget's default is one per core, up to 16). A solve is now tens of milliseconds
 * of hashing, less than starting a worker: more than two only adds start-ups (bench/altcha.bench.mjs).
 */
const ALTCHA_WORKERS = Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency || 1));

interface AltchaStateDetail {
  readonly state?: string;
  readonly payload?: string;
}

/**
 * « Je ne suis pas un robot »: ALTCHA's self-hosted proof of work. The challenge comes from our API and
 * the work runs in a worker of the app itself (the CSP forbids blob: workers), so nothing is fetched
 * from a third party. Emits the solution's payload once verified, null otherwise.
 */
@Component({
  selector: 'acc-altcha-check',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <altcha-widget
      #widget
      challengeurl="/api/auth/altcha-challenge"
      [attr.strings]="strings()"
      [attr.language]="language()"
      [attr.name]="'altcha'"
      [attr.workers]="workers"
      hidelogo
      hidefooter
      (statechange)="onStateChange($event)"
    ></altcha-widget>
    @if (invalid()) {
      <p class="acc-altcha__error" [id]="errorId()" role="alert">{{ t('accounts.altcha.required') }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      margin: 0.5rem 0;
    }
    altcha-widget {
      --altcha-max-width: 100%;
      --altcha-color-border-focus: var(--mat-sys-primary);
    }
    .acc-altcha__error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 0.25rem 0 0;
    }
  `,
})
export class AltchaCheckComponent {
  protected readonly t = injectTranslate<AccountsKey>();
  private readonly widget = viewChild.required<ElementRef<HTMLElement & { reset?: () => void }>>('widget');

  /** Shows « required » under the check (the form was submitted without it). */
  readonly invalid = input(false);
  readonly errorId = input('acc-altcha-error');
  readonly payload = output<string | null>();

  protected readonly workers = ALTCHA_WORKERS;
  protected readonly language = inject(I18n).language;
  protected readonly strings = computed(() =>
    JSON.stringify({
      label: this.t('accounts.altcha.label'),
      verifying: this.t('accounts.altcha.verifying'),
      verified: this.t('accounts.altcha.verified'),
      error: this.t('accounts.altcha.error'),
      expired: this.t('accounts.altcha.expired'),
      waitAlert: this.t('accounts.altcha.waitAlert'),
      verificationRequired: this.t('accounts.altcha.required'),
      ariaLinkLabel: this.t('accounts.altcha.label'),
      footer: '',
    }),
  );

  /** A solution is accepted once: after a refused registration the check starts again. */
  reset(): void {
    this.widget().nativeElement.reset?.();
    this.payload.emit(null);
  }

  protected onStateChange(event: Event): void {
    const detail = (event as CustomEvent<AltchaStateDetail>).detail;
    this.payload.emit(detail?.state === 'verified' && detail.payload ? detail.payload : null);
  }
}
