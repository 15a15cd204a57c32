import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { I18n } from './i18n.service';

/**
 * Route `title`s are translation keys: the document title is « Page · App » in the current language
 * and follows a language switch without a navigation.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly routeTitleKey = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const appName = this.i18n.t('app.name');
      const key = this.routeTitleKey();
      this.title.setTitle(key ? `${this.i18n.t(key)} · ${appName}` : appName);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.routeTitleKey.set(this.buildTitle(snapshot));
  }
}
