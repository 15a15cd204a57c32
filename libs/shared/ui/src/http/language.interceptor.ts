import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from '../i18n/i18n.service';

/**
 * Sends the UI's current language as `Accept-Language` on the app's own API calls, so that the
 * API's error messages (problem+json) come back in the language on screen.
 */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  return next(request.clone({ setHeaders: { 'Accept-Language': inject(I18n).language() } }));
};
