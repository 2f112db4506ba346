import type { TAuthUser, TSessionSummary } from '../../shared/api/auth.schema.js';
import type { listSessions } from './session.service.js';

export const presentAuthUser = (user: { id: string; name: string; email: string; locale: 'da' | 'en' }): TAuthUser => ({
  id: user.id,
  name: user.name,
  email: user.email,
  locale: user.locale,
});

export const presentSession = (s: Awaited<ReturnType<typeof listSessions>>[number]): TSessionSummary => ({
  id: s.id,
  createdAt: s.created_at.toISOString(),
  lastSeenAt: s.last_seen_at.toISOString(),
  method: s.method,
  userAgent: s.user_agent,
  current: s.current,
});
