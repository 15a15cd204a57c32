/** The trainer's card request pages and the public verification page. */
export const CARD_REQUEST_PATHS = {
  sessions: '/cartes/sessions',
  newRequest: '/cartes/sessions/nouvelle',
  request: (id: string) => `/cartes/sessions/${encodeURIComponent(id)}`,
  participants: (id: string) => `/cartes/sessions/${encodeURIComponent(id)}/participants`,
  newParticipant: (id: string) => `/cartes/sessions/${encodeURIComponent(id)}/participants/nouveau`,
  participant: (id: string, pid: string) => `/cartes/sessions/${encodeURIComponent(id)}/participants/${encodeURIComponent(pid)}`,
  payment: (id: string) => `/cartes/sessions/${encodeURIComponent(id)}/paiement`,
  verification: '/verification',
  verificationOf: (code: string) => `/verification/${encodeURIComponent(code)}`,
} as const;
