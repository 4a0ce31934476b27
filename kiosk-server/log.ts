/** Structured JSON logs (pino). Tests pass level 'silent'. */
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'kiosk-server' } });
}
