import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { I18n } from '../i18n/i18n.service';
import { LANGUAGE_NAMES, otherLanguage } from '../i18n/language';

/**
 * Offers the other language, named in that language (« English » while in French, « Français »
 * while in English), with `lang` on the button so screen readers pronounce it right.
 */
@Component({
  selector: 'ui-language-switch',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      matButton="outlined"
      type="button"
      class="ui-language-switch"
      data-testid="language-switch"
      [attr.lang]="target()"
      (click)="switchLanguage()"
    >
      {{ label() }}
    </button>
  `,
})
export class LanguageSwitchComponent {
  private readonly i18n = inject(I18n);

  protected readonly target = computed(() => otherLanguage(this.i18n.language()));
  protected readonly label = computed(() => LANGUAGE_NAMES[this.target()]);

  protected switchLanguage(): void {
    this.i18n.use(this.target());
  }
}
