/**
 * The loopback bridge carries the same contract over HTTP on 127.0.0.1 when there is no
 * Electron (preview, browser tests). Its wire format, shared by server and client:
 * `POST {bridgePathPrefix}<channel>` with a JSON body (the request), the per-run secret in
 * {@link bridgeSecretHeader} and a per-tab client id in {@link bridgeClientHeader}; the answer
 * is an `IpcResult` as JSON.
 */
export const bridgePathPrefix = '/ipc/';

/** Header carrying the per-run secret that the page received in its HTML. */
export const bridgeSecretHeader = 'x-seatdesk-secret';

/** Header carrying the page's client id (one session per client, like one per window). */
export const bridgeClientHeader = 'x-seatdesk-client';

/** What a client id looks like (the page makes one per tab with `crypto.randomUUID()`). */
export const bridgeClientIdPattern = /^[A-Za-z0-9-]{8,64}$/;

/** Name of the `<meta>` element through which the preview hands the secret to the page. */
export const bridgeSecretMetaName = 'seatdesk-bridge-secret';

/** Placeholder in the built index.html that the preview server replaces with the secret. */
export const bridgeSecretPlaceholder = '__SEATDESK_BRIDGE_SECRET__';

/** Largest request body the bridge accepts, in bytes. */
export const bridgeMaximumBodyBytes = 64 * 1024;
