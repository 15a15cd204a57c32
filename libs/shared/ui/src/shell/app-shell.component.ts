import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, skip } from 'rxjs';
import { TranslatePipe } from '../i18n/translate.pipe';
import { LanguageSwitchComponent } from '../language-switch/language-switch.component';

/**
 * The page frame of every app: skip link, banner with the app's name, the language switch and the
 * app's own actions (an element marked `uiShellActions`, e.g. the user menu),
 * the main landmark (where the routed page goes, projected), and the footer.
 */
@Component({
  selector: 'ui-app-shell',
  imports: [MatToolbar, RouterLink, TranslatePipe, LanguageSwitchComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="ui-skip-link" href="#main-content" (click)="skipToMain($event)">{{ 'common.skipLink' | t }}</a>
    <header class="ui-app-shell__header">
      <mat-toolbar class="ui-app-shell__toolbar">
        <a class="ui-app-shell__brand" routerLink="/">{{ 'app.name' | t }}</a>
        <span class="ui-app-shell__spacer"></span>
        <ui-language-switch />
        <ng-content select="[uiShellActions]" />
      </mat-toolbar>
    </header>
    <main id="main-content" class="ui-app-shell__main" tabindex="-1" #main>
      <ng-content />
    </main>
    <footer class="ui-app-shell__footer">
      <p>{{ 'common.footer' | t }}</p>
    </footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .ui-app-shell__brand {
      color: inherit;
      font: var(--mat-sys-title-large);
      text-decoration: none;
      border-radius: 4px;
    }
    .ui-app-shell__brand:hover {
      text-decoration: underline;
    }
    .ui-app-shell__spacer {
      flex: 1 1 auto;
    }
    .ui-app-shell__main {
      flex: 1 0 auto;
      width: 100%;
      max-width: 72rem;
      margin: 0 auto;
      padding: 1.5rem 1rem 3rem;
      box-sizing: border-box;
    }
    .ui-app-shell__main:focus {
      outline: none;
    }
    .ui-app-shell__footer {
      padding: 1rem;
      text-align: center;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    .ui-app-shell__footer p {
      margin: 0;
    }
  `,
})
export class AppShellComponent {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // After an in-app navigation, screen reader and keyboard users start again at the new content
    // instead of on the link they left; the first navigation (page load) keeps the browser's focus.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.focusMain());
  }

  /** The link also works as a plain anchor, but a base href (`/admin/`) would turn `#main-content` into a page load. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(): void {
    const main = this.main().nativeElement;
    main.focus();
    main.scrollIntoView?.({ block: 'start' });
  }
}
