import { expect, test } from '@playwright/test';
import { ADMIN, APPS, PORTAL } from '../support/apps';
import { collectFailedRequests, collectPageErrors } from '../support/page-checks';

test.describe('the apps load', () => {
  for (const app of APPS) {
    test(`${app.name}: the home page loads in French with its assets and no error`, async ({ page }) => {
      const failedRequests = collectFailedRequests(page);
      const errors = collectPageErrors(page);

      await page.goto(app.home);

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.fr);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page).toHaveTitle(app.title.fr);
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('contentinfo')).toBeVisible();
      expect(failedRequests).toEqual([]);
      expect(errors).toEqual([]);
    });

    test(`${app.name}: an unknown address shows « Page introuvable » and leads back home`, async ({ page }) => {
      await page.goto(app.unknown);

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
      await expect(page).toHaveTitle(app.notFoundTitle.fr);

      await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.fr);
      expect(new URL(page.url()).pathname).toBe(app.home);
    });
  }

  test('portal: the home page names the platform and lists the four services', async ({ page }) => {
    await page.goto(PORTAL.home);

    await expect(page.getByRole('banner').getByRole('link', { name: 'Guichet' })).toBeVisible();
    await expect(page.getByTestId('services').getByRole('heading', { level: 3 })).toHaveText([
      'Demande de cartes de formation',
      'Inscriptions aux activités scolaires',
      'Examens en point de service',
      'Achat de places de cours',
    ]);
  });

  test('admin: the back-office is served under /admin/ with its own name', async ({ page }) => {
    await page.goto(ADMIN.home);

    await expect(page.getByRole('banner').getByRole('link', { name: 'Guichet – Espace du personnel' })).toBeVisible();
    await expect(page.getByTestId('services').getByRole('listitem')).toHaveCount(4);
    const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(new URL(src).pathname).toMatch(/^\/admin\//);
  });
});
