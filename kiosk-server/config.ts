/** Server configuration from the environment, validated once at start. */
import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  CONTENT_DIR: z.string().optional(),
  STATIC_DIR: z.string().default('./dist'),
  ASSETS_DIR: z.string().default('./assets'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  contentDir?: string;
  staticDir: string;
  assetsDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    contentDir: e.CONTENT_DIR ? path.resolve(e.CONTENT_DIR) : undefined,
    staticDir: path.resolve(e.STATIC_DIR),
    assetsDir: path.resolve(e.ASSETS_DIR),
    logLevel: e.LOG_LEVEL,
  };
}
