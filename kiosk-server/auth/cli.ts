/**
 * Creates an admin account: `npm run admin:create -- --username NAME [--display-name "Full Name"]`.
 * The password comes from MUSEUM_ADMIN_PASSWORD, or is asked for (twice, not echoed) on a
 * terminal. Uses the same database as the server (DATA_DIR or DATABASE_URL); refuses when the
 * username exists. There is no default password.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { ProblemError } from '../http/problem.ts';
import { createAuthService } from './service.ts';
import { createAuthStore } from './store.ts';

const USAGE = `usage: npm run admin:create -- --username NAME [--display-name "Full Name"]
  The password is read from MUSEUM_ADMIN_PASSWORD, or asked for when run in a terminal.`;

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string | undefined> {
  const fromEnv = process.env.MUSEUM_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return undefined;
  const first = await promptHidden('Password (at least 12 characters): ');
  const again = await promptHidden('Again: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

async function main(argv: string[]): Promise<number> {
  let values: { username?: string; 'display-name'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { username: { type: 'string' }, 'display-name': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    console.error(`admin:create: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.username) {
    console.error(`admin:create: --username is required\n${USAGE}`);
    return 2;
  }
  const password = await readPassword();
  if (!password) {
    console.error('admin:create: set MUSEUM_ADMIN_PASSWORD, or run this in a terminal to be asked for the password');
    return 2;
  }

  const config = readConfig();
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateToLatest(db.kysely as never, db.dialect);
    const auth = createAuthService({ store: createAuthStore(db.kysely, db.dialect) });
    const user = await auth.users.create({ username: values.username, displayName: values['display-name'], role: 'admin', password }, null);
    console.log(`Created admin "${user.username}" (id ${user.id}) in ${config.databaseUrl ? 'the PostgreSQL database' : config.dataDir}.`);
    return 0;
  } catch (err) {
    if (err instanceof ProblemError) {
      console.error(`admin:create: ${err.message}`);
      return err.problem.status === 409 ? 1 : 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`admin:create: ${err.message}`);
    process.exitCode = 1;
  },
);
