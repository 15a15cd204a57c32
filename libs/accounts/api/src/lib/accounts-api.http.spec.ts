import { solveChallenge } from 'altcha-lib';
import request from 'supertest';
import { accountsTestApp, PASSWORD, type AccountsTestApp } from '../testing/accounts-test-app';

interface Call {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  readonly url: string;
  readonly body?: object;
  readonly session?: string | null;
  readonly lang?: 'fr' | 'en';
  readonly xsrf?: 'valid' | 'none' | 'mismatch';
  readonly origin?: string;
}

function cookieValue(res: request.Response, name: string): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((c) => c.startsWith(`${name}=`));
}

/** The body without what legitimately differs between two requests. */
function comparable(body: Record<string, unknown>): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = body;
  return rest;
}

describe('Accounts api over HTTP', () => {
  let t: AccountsTestApp;
  let ip = 0;

  beforeAll(async () => {
    t = await accountsTestApp();
    t.app.getHttpAdapter().getInstance().set('trust proxy', true);
  });

  afterAll(async () => {
    await t.app.close();
  });

  /** Each call comes from its own address unless the test says otherwise, so per-address limits stay out of the way. */
  function call(c: Call, from = `203.0.113.${++ip % 250}`): request.Test {
    const token = t.xsrf();
    const cookies = c.xsrf === 'none' ? [] : [`XSRF-TOKEN=${token}`];
    if (c.session) cookies.push(`guichet_session=${c.session}`);
    let req = request(t.app.getHttpServer())[c.method](c.url).set('X-Forwarded-For', from).set('Origin', c.origin ?? t.origin);
    if (cookies.length) req = req.set('Cookie', cookies.join('; '));
    if (c.xsrf !== 'none') req = req.set('X-XSRF-TOKEN', c.xsrf === 'mismatch' ? t.xsrf() : token);
    if (c.lang) req = req.set('Accept-Language', c.lang);
    return c.body ? req.send(c.body) : req;
  }

  const signIn = (login: string, password = PASSWORD, channel = 'portal', extra: Partial<Call> = {}) =>
    call({ method: 'post', url: '/api/auth/sign-in', body: { login, password, channel, remember: false }, ...extra });

  describe('CSRF', () => {
    it.each([
      ['no token pair', { xsrf: 'none' as const }],
      ['a header that differs from the cookie', { xsrf: 'mismatch' as const }],
      ['another origin', { origin: 'https://evil.example' }],
    ])('refuses a public POST with %s: 403 AUTH.CSRF in French by default', async (_case, extra) => {
      const res = await signIn('quelquun', PASSWORD, 'portal', extra);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'AUTH.CSRF', status: 403, detail: expect.stringContaining('falsification') });
    });

    it('answers in English when asked', async () => {
      const res = await signIn('quelquun', PASSWORD, 'portal', { xsrf: 'none', lang: 'en' });
      expect(res.body).toMatchObject({ code: 'AUTH.CSRF', detail: expect.stringContaining('forgery') });
    });

    it('refuses a forged cookie that this server did not sign, even when the header matches', async () => {
      const res = await request(t.app.getHttpServer())
        .post('/api/auth/sign-out')
        .set('Cookie', 'XSRF-TOKEN=forged.value')
        .set('X-XSRF-TOKEN', 'forged.value');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH.CSRF');
    });

    it('GET /api/auth/csrf hands out a readable, SameSite=Lax XSRF-TOKEN cookie', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/auth/csrf');
      expect(res.status).toBe(204);
      const cookie = cookieValue(res, 'XSRF-TOKEN');
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/HttpOnly/i);
    });
  });

  describe('sign-in and sessions', () => {
    it('sets an httpOnly SameSite=Lax session cookie (not Secure in tests) and answers /me', async () => {
      await t.h.activeMember('parent.cookie@exemple.ca');
      const res = await signIn('parent.cookie@exemple.ca');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: 'parent.cookie@exemple.ca', roles: ['guardian'] });
      const cookie = cookieValue(res, 'guichet_session') ?? '';
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/i);
      expect(cookie).not.toMatch(/Expires/i);
      const token = /^guichet_session=([^;]+)/.exec(cookie)?.[1];
      const me = await call({ method: 'get', url: '/api/auth/me', session: token });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(res.body.id);
    });

    it('rotates: signing in again revokes the session the browser still had', async () => {
      await t.h.activeMember('parent.rotation@exemple.ca');
      const first = await t.sessionAs('guardian');
      const res = await signIn('parent.rotation@exemple.ca', PASSWORD, 'portal', { session: first });
      expect(res.status).toBe(200);
      const second = /^guichet_session=([^;]+)/.exec(cookieValue(res, 'guichet_session') ?? '')?.[1];
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      const old = await call({ method: 'get', url: '/api/auth/me', session: first });
      expect(old.status).toBe(401);
      expect(cookieValue(old, 'guichet_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    });

    it('gives « 14 jours » a persistent cookie', async () => {
      await t.h.activeMember('parent.remember@exemple.ca');
      const res = await call({
        method: 'post',
        url: '/api/auth/sign-in',
        body: { login: 'parent.remember@exemple.ca', password: PASSWORD, channel: 'portal', remember: true },
      });
      expect(cookieValue(res, 'guichet_session')).toMatch(/Expires=/);
    });

    it('answers every refusal with the same 401: unknown identifier, wrong password, member on the back-office', async () => {
      await t.h.activeMember('parent.refus@exemple.ca');
      const unknown = await signIn('personne@exemple.ca', 'mauvais mot de passe');
      const wrong = await signIn('parent.refus@exemple.ca', 'mauvais mot de passe');
      const notStaff = await signIn('parent.refus@exemple.ca', PASSWORD, 'back-office');
      for (const res of [unknown, wrong, notStaff]) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(comparable(unknown.body)).toEqual(comparable(wrong.body));
      expect(comparable(notStaff.body)).toEqual(comparable(wrong.body));
      expect(wrong.body).toMatchObject({ code: 'ACCOUNTS.INVALID_CREDENTIALS', detail: "Nom d'utilisateur ou mot de passe invalide." });
    });

    it('sign-out revokes the session on the server', async () => {
      const token = await t.sessionAs('owner');
      expect((await call({ method: 'post', url: '/api/auth/sign-out', session: token })).status).toBe(204);
      expect((await call({ method: 'get', url: '/api/auth/me', session: token })).status).toBe(401);
    });
  });

  describe('throttling', () => {
    it('refuses the 11th sign-in for one identifier with 429 and Retry-After, the same for an unknown account', async () => {
      await t.h.activeMember('parent.force@exemple.ca');
      const last = async (login: string): Promise<request.Response> => {
        let res: request.Response | undefined;
        for (let i = 0; i < 11; i++) res = await signIn(login, 'mauvais mot de passe');
        if (res === undefined) throw new Error('no response');
        return res;
      };
      const known = await last('parent.force@exemple.ca');
      const unknown = await last('inconnu.force@exemple.ca');
      for (const res of [known, unknown]) {
        expect(res.status).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body.code).toBe('HTTP.TOO_MANY_REQUESTS');
      }
      expect(comparable(known.body)).toEqual(comparable(unknown.body));
    });

    it('limits one address across identifiers', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const res = await call({ method: 'post', url: '/api/auth/password-reset-requests', body: { by: 'email', value: `x${i}@exemple.ca` } }, '198.51.100.7');
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
      expect(statuses[30]).toBe(429);
    });
  });

  describe('password recovery and registration', () => {
    it('answers a reset request with the same empty 202 whether or not the account exists', async () => {
      await t.h.activeMember('parent.oubli@exemple.ca');
      const known = await call({ method: 'post', url: '/api/auth/password-reset-requests', body: { by: 'email', value: 'parent.oubli@exemple.ca' } });
      const unknown = await call({ method: 'post', url: '/api/auth/password-reset-requests', body: { by: 'email', value: 'personne.oubli@exemple.ca' } });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.text).toBe(unknown.text);
      const token = t.h.mail.lastToken('password-reset', 'parent.oubli@exemple.ca');
      const reset = await call({ method: 'post', url: '/api/auth/password-resets', body: { token, password: 'un tout nouveau mot', passwordConfirmation: 'un tout nouveau mot' } });
      expect(reset.status).toBe(204);
      expect((await signIn('parent.oubli@exemple.ca', 'un tout nouveau mot')).status).toBe(200);
    });

    it('registers with a solved ALTCHA challenge once, and refuses the same solution again', async () => {
      const challenge = (await call({ method: 'get', url: '/api/auth/altcha-challenge' })).body as { challenge: string; salt: string; algorithm: string; signature: string };
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm).promise;
      if (solution === null) throw new Error('unsolved');
      const altcha = Buffer.from(JSON.stringify({ ...challenge, number: solution.number })).toString('base64');
      const body = { email: 'nouveau.parent@exemple.ca', password: PASSWORD, passwordConfirmation: PASSWORD, altcha };
      const first = await call({ method: 'post', url: '/api/accounts/registrations', body });
      expect(first.status).toBe(202);
      const replay = await call({ method: 'post', url: '/api/accounts/registrations', body: { ...body, email: 'autre.parent@exemple.ca' } });
      expect(replay.status).toBe(422);
      expect(replay.body.code).toBe('ACCOUNTS.BOT_CHECK_FAILED');
      const token = t.h.mail.lastToken('email-confirmation', 'nouveau.parent@exemple.ca');
      expect((await call({ method: 'post', url: '/api/accounts/email-confirmations', body: { token } })).status).toBe(204);
      expect((await signIn('nouveau.parent@exemple.ca')).status).toBe(200);
      // Solving takes up to a few seconds of CPU by design.
    }, 30_000);

    it('refuses a forged ALTCHA solution', async () => {
      const altcha = Buffer.from(JSON.stringify({ algorithm: 'SHA-256', challenge: 'x', number: 1, salt: 'y', signature: 'z' })).toString('base64');
      const res = await call({ method: 'post', url: '/api/accounts/registrations', body: { email: 'robot@exemple.ca', password: PASSWORD, passwordConfirmation: PASSWORD, altcha } });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ACCOUNTS.BOT_CHECK_FAILED');
    });
  });

  describe('profile and back-office', () => {
    it('changes the password from « Profil », keeping this session and ending the others', async () => {
      await t.h.activeMember('parent.profil@exemple.ca');
      const other = /^guichet_session=([^;]+)/.exec(cookieValue(await signIn('parent.profil@exemple.ca'), 'guichet_session') ?? '')?.[1];
      const mine = /^guichet_session=([^;]+)/.exec(cookieValue(await signIn('parent.profil@exemple.ca'), 'guichet_session') ?? '')?.[1];
      const res = await call({
        method: 'post',
        url: '/api/profile/password',
        session: mine,
        body: { newPassword: 'encore un autre mot', confirmation: 'encore un autre mot', currentPassword: PASSWORD },
      });
      expect(res.status).toBe(204);
      expect((await call({ method: 'get', url: '/api/profile', session: mine })).status).toBe(200);
      expect((await call({ method: 'get', url: '/api/profile', session: other })).status).toBe(401);
    });

    it('imports the trainer registry from a text/csv body, row by row', async () => {
      const session = await t.sessionAs('card-clerk');
      const csv = 'Numéro de carte;Nom;Prénom;Courriel;Expiration\n003-1234;Éthier;Claude;claude.ethier@exemple.ca;2027-06-30\n;;;;\nbad;X;Y;pas-un-courriel;hier\n';
      const res = await request(t.app.getHttpServer())
        .post('/api/admin/trainer-imports')
        .set('Cookie', `guichet_session=${session}; XSRF-TOKEN=${t.xsrf()}`)
        .set('X-XSRF-TOKEN', '')
        .set('Content-Type', 'text/csv')
        .send(csv);
      // The empty header proves the CSRF pair is checked on uploads as well.
      expect(res.status).toBe(403);
      const token = t.xsrf();
      const ok = await request(t.app.getHttpServer())
        .post('/api/admin/trainer-imports')
        .set('Cookie', `guichet_session=${session}; XSRF-TOKEN=${token}`)
        .set('X-XSRF-TOKEN', token)
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ created: 1, rejected: 1 });
      expect(ok.body.rows).toEqual([
        expect.objectContaining({ line: 2, outcome: 'created', username: 'ethc003' }),
        expect.objectContaining({ line: 4, outcome: 'rejected', error: expect.objectContaining({ code: expect.any(String) }) }),
      ]);
    });
  });
});
