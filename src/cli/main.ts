import { loadConfig } from '../server/config.js';
import { createServer, openConfiguredDatabase } from '../server/server.js';

const USAGE = `samspil — school-home collaboration

  samspil serve                         start the web app and API (PORT, DATA_DIR, DATABASE_URL)
  samspil migrate                       bring the database schema up to date
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve() {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    const server = await createServer(config, database, { logger: true });
    await server.app.listen({ port: config.port, host: config.host });
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => undefined);
    return 0;
  },
  async migrate() {
    const database = await openConfiguredDatabase(loadConfig());
    await database.close();
    console.log('Database is up to date.');
    return 0;
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    return name ? 2 : 0;
  }
  try {
    return await command(rest);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

