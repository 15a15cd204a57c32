import { Pipe, inject, type PipeTransform } from '@angular/core';
import type { KitKey } from './common.translations';
import { I18n } from './i18n.service';
import type { TranslationParams } from './translations';

/**
 * `{{ 'common.home' | t }}`. Impure so that it runs on every check and reads the language signal:
 * the view then re-renders on a switch. An app types it to its own keys by extending it:
 * `@Pipe({ name: 't', pure: false }) export class PortalTranslatePipe extends TranslatePipe<PortalKey> {}`.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe<K extends string = KitKey> implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: K | KitKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
