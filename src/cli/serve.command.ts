import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DEMO_USERS } from '../domain/demo/demo-organization.ts';
import { createServer } from '../server.ts';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Serve the API and web app (embedded database in DATA_DIR unless DATABASE_URL is set).')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .option('--demo', 'seed an empty database with the demo clinic and accept the demo accounts')
    .action(async (options: { port?: string; demo?: boolean }) => {
      const startedAt = performance.now();
      const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      const demo = options.demo === true;
      const { app, seeded } = await createServer({ config, demo });
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      const readyMs = Math.round(performance.now() - startedAt);
      process.stdout.write(
        `KetaClinic ready on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port} in ${readyMs} ms\n`,
      );
      if (demo) {
        process.stdout.write(`${seeded ? 'Seeded the demo clinic. ' : ''}Demo accounts (password demo-password-1):\n`);
        for (const user of DEMO_USERS) process.stdout.write(`  ${user.email}\n`);
      }
      const stop = async () => {
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
