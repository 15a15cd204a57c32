import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink, type Route } from '@angular/router';
import { TranslatePipe } from '../i18n/translate.pipe';

/** « Page introuvable »: what every app shows for an address it does not know. */
@Component({
  selector: 'ui-not-found-page',
  imports: [MatButton, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'common.notFound.title' | t }}</h1>
    <p>{{ 'common.notFound.body' | t }}</p>
    <a matButton="filled" routerLink="/">{{ 'common.notFound.back' | t }}</a>
  `,
})
export class NotFoundPage {}

/** The catch-all route; put it last. */
export const notFoundRoute: Route = { path: '**', title: 'common.notFound.title', component: NotFoundPage };
