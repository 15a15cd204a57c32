import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** An Angular build served by the API. */
export interface WebApp {
  /** `/` or a sub-path such as `/admin` (no trailing slash). */
  readonly mountPath: string;
  /** Folder holding `index.html` and the hashed files. */
  readonly dir: string;
  /** Shown on the "not built" page. */
  readonly label: { readonly fr: string; readonly en: string };
  /** Nx project name, for the build command on the "not built" page. */
  readonly project: string;
}

/** The portal at `/` and the back-office at `/admin/`, from the Angular builds under `staticDir`. */
export function platformWebApps(staticDir: string): WebApp[] {
  return [
    { mountPath: '/admin', dir: path.join(staticDir, 'admin', 'browser'), label: { fr: 'Le back-office', en: 'The back-office' }, project: 'admin' },
    { mountPath: '/', dir: path.join(staticDir, 'portal', 'browser'), label: { fr: 'Le portail', en: 'The portal' }, project: 'portal' },
  ];
}

/** Angular's output names carry an 8-character hash (`main-KYORZKTT.js`): their content never changes. */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

function cacheControl(file: string): string {
  return HASHED_FILE.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/');
}

function notBuiltPage(app: WebApp): string {
  const command = `npx nx build ${app.project}`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Service indisponible / Service unavailable</title></head>
<body>
<h1>${app.label.fr} n’est pas encore construit.</h1>
<p>Construisez-le avec <code>${command}</code>, puis rechargez la page.</p>
<hr>
<h2 lang="en">${app.label.en} is not built yet.</h2>
<p lang="en">Build it with <code>${command}</code>, then reload the page.</p>
</body></html>
`;
}

function serveOne(app: WebApp): (req: Request, res: Response, next: NextFunction, relative: string) => void {
  const index = path.join(app.dir, 'index.html');
  const sendIndex = (res: Response, next: NextFunction): void => {
    res.sendFile('index.html', { root: app.dir, headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
  return (req, res, next, relative) => {
    // Checked per request, so a build finished after the API started is served without a restart.
    if (!existsSync(index)) {
      res.status(503).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '30' });
      res.send(notBuiltPage(app));
      return;
    }
    if (relative === '/' || relative === '') {
      sendIndex(res, next);
      return;
    }
    res.sendFile(relative, { root: app.dir, dotfiles: 'ignore', headers: { 'Cache-Control': cacheControl(relative) } }, (error) => {
      if (!error || res.headersSent) return;
      const status = (error as Error & { status?: number }).status;
      if (status !== 404) {
        next(error);
        return;
      }
      // A client-side route gets the app; a missing file (an old chunk after a deploy) stays a 404.
      if (path.posix.extname(relative) === '' && req.accepts('html')) sendIndex(res, next);
      else next();
    });
  };
}

/**
 * Serves the Angular builds from the API's own port: each app's files with long caching for hashed
 * names and `no-cache` for `index.html`, the SPA fallback to `index.html` for client-side routes, and a
 * clear 503 page while a build is missing. Never answers under `/api`, and only GET and HEAD.
 */
export function webAppsMiddleware(apps: readonly WebApp[]): RequestHandler {
  // Longest mount first, so `/admin` wins over `/`.
  const mounts = [...apps]
    .sort((a, b) => b.mountPath.length - a.mountPath.length)
    .map((app) => ({ mountPath: app.mountPath, serve: serveOne(app) }));
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) {
      next();
      return;
    }
    for (const mount of mounts) {
      if (mount.mountPath === '/') {
        mount.serve(req, res, next, req.path);
        return;
      }
      if (req.path === mount.mountPath) {
        // The app's <base href> ends with a slash: relative asset URLs only resolve from `/admin/`.
        const queryStart = req.originalUrl.indexOf('?');
        const query = queryStart >= 0 ? req.originalUrl.slice(queryStart) : '';
        res.redirect(301, `${mount.mountPath}/${query}`);
        return;
      }
      if (req.path.startsWith(`${mount.mountPath}/`)) {
        mount.serve(req, res, next, req.path.slice(mount.mountPath.length));
        return;
      }
    }
    next();
  };
}
