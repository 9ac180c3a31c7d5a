import { join } from 'node:path';
import { startCtiEndpoint } from '../cti/cti-endpoint';
import { createDeskServices } from '../desk-services';
import { assertLoopbackBindAddress, startBridgeServer } from './bridge-server';
import { parsePreviewOptions } from './preview-options';

// The loopback preview: the same services as Electron's main process, in plain Node, with the
// built renderer served on 127.0.0.1. There is no keychain here, so the store uses a passphrase.
async function main(): Promise<void> {
  const options = parsePreviewOptions(process.argv.slice(2), process.env, process.cwd());
  assertLoopbackBindAddress(options.host);
  const services = createDeskServices({
    dataDirectory: options.dataDirectory,
    keychain: undefined,
    reportError: (channel, error) => console.error(`[seatdesk] ${channel}`, error),
  });
  const status = services.desk.store.status();
  if (status.state === 'locked' && options.passphrase !== undefined) {
    await services.desk.store.unlock(options.passphrase);
  }
  const server = await startBridgeServer({
    host: options.host,
    port: options.port,
    rendererDirectory: join(__dirname, '../renderer'),
    dispatch: services.dispatch,
  });
  console.log(`Seatdesk preview ready: ${server.url}`);
  console.log(`Data folder: ${options.dataDirectory} (store: ${services.desk.store.status().state})`);
  const cti = await startCtiEndpoint(
    services.desk,
    { dataDirectory: options.dataDirectory, port: options.ctiPort, environment: process.env },
    (line) => console.log(line),
  );
  const stop = (): void => {
    void Promise.all([server.close(), cti?.close()]).finally(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Seatdesk preview failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
