/**
 * The first admin on first start: with no users at all, MUSEUM_ADMIN_USERNAME and
 * MUSEUM_ADMIN_PASSWORD create one. Once any user exists the variables are ignored, so leaving them
 * set can never reset an account. There is no default password anywhere.
 */
import type { Logger } from '../log.ts';
import type { AuthService } from './service.ts';

export async function createFirstAdminFromEnv(auth: AuthService, env: Record<string, string | undefined>, log: Logger): Promise<void> {
  const username = env.MUSEUM_ADMIN_USERNAME?.trim();
  const password = env.MUSEUM_ADMIN_PASSWORD;
  if (Boolean(username) !== Boolean(password)) {
    throw new Error('set both MUSEUM_ADMIN_USERNAME and MUSEUM_ADMIN_PASSWORD to create the first admin, or neither');
  }
  let outcome: Awaited<ReturnType<AuthService['ensureFirstAdmin']>>;
  try {
    outcome = await auth.ensureFirstAdmin({ username, password });
  } catch (err) {
    // e.g. a password shorter than the rule: refuse to start rather than run without an admin.
    throw new Error(`cannot create the first admin from MUSEUM_ADMIN_USERNAME/MUSEUM_ADMIN_PASSWORD: ${(err as Error).message}`);
  }
  if (outcome === 'created') log.info({ username }, 'first admin created from MUSEUM_ADMIN_USERNAME');
  else if (outcome === 'not-configured') {
    log.warn('no user accounts yet: create the first admin with `npm run admin:create -- --username NAME` or MUSEUM_ADMIN_USERNAME + MUSEUM_ADMIN_PASSWORD');
  }
}
