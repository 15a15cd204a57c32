import { expect, test } from '@playwright/test';
import { APPS } from '../support/apps';
import { expectVisibleFocus } from '../support/page-checks';

test.describe('keyboard alone', () => {
  for (const app of APPS) {
    test(`${app.name}: Tab reaches the skip link first, Enter moves to the main content`, async ({ page }) => {
      await page.goto(app.home);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.fr);

      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Passer au contenu principal' });
      await expectVisibleFocus(skipLink);
      await expect(skipLink).toBeInViewport();

      await page.keyboard.press('Enter');
      await expect(page.getByRole('main')).toBeFocused();
      // The skip link must not turn into a page load under a base href such as /admin/.
      expect(new URL(page.url()).pathname).toBe(app.home);
    });

    test(`${app.name}: Tab reaches the language switch and Enter switches, both ways`, async ({ page }) => {
      await page.goto(app.home);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.fr);

      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab'); // the app's name, a link home
      await expectVisibleFocus(page.getByRole('banner').getByRole('link').first());
      await page.keyboard.press('Tab');
      const toEnglish = page.getByRole('button', { name: 'English' });
      await expectVisibleFocus(toEnglish);

      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.en);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      // Focus stays on the switch, now offering French.
      const toFrench = page.getByRole('button', { name: 'Français' });
      await expectVisibleFocus(toFrench);

      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.fr);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    });

    test(`${app.name}: from « Page introuvable », the keyboard leads home and focus lands on the new content`, async ({
      page,
    }) => {
      await page.goto(app.unknown);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');

      const back = page.getByRole('link', { name: 'Retour à l’accueil' });
      for (let presses = 0; presses < 10; presses++) {
        await page.keyboard.press('Tab');
        if (await back.evaluate((element) => element === document.activeElement)) break;
      }
      await expectVisibleFocus(back);

      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.heading.fr);
      expect(new URL(page.url()).pathname).toBe(app.home);
      await expect(page.getByRole('main')).toBeFocused();
    });
  }
});
